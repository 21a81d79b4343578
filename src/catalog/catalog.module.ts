import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CustomToolRepository } from './custom-tool.repository';
import { CustomToolService } from './custom-tool.service';
import { CustomToolEntity } from './entities/custom-tool.entity';
import { ToolPolicyEntity } from './entities/tool-policy.entity';
import { ToolPolicyRepository } from './tool-policy.repository';
import { ToolPolicyService } from './tool-policy.service';

/** The AI tool catalog, its matcher and the organisation's policy; global for the signal modules. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ToolPolicyEntity, CustomToolEntity])],
  controllers: [CatalogController],
  providers: [
    CatalogService,
    ToolPolicyService,
    CustomToolService,
    ToolPolicyRepository,
    CustomToolRepository,
  ],
  exports: [CatalogService, ToolPolicyService, CustomToolService],
})
export class CatalogModule {}
