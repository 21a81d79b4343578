import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CustomToolRepository } from './custom-tool.repository';
import { CustomToolService } from './custom-tool.service';
import { CustomToolEntity } from './entities/custom-tool.entity';
import { ToolPolicyEntity } from './entities/tool-policy.entity';
import { VendorFactOverrideEntity } from './entities/vendor-fact-override.entity';
import { FactOverrideRepository } from './fact-override.repository';
import { VendorFactService } from './vendor-fact.service';
import { ToolPolicyRepository } from './tool-policy.repository';
import { ToolPolicyService } from './tool-policy.service';

/** The AI tool catalog, its matcher and the organisation's policy; global for the signal modules. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([ToolPolicyEntity, CustomToolEntity, VendorFactOverrideEntity]),
  ],
  controllers: [CatalogController],
  providers: [
    CatalogService,
    ToolPolicyService,
    CustomToolService,
    ToolPolicyRepository,
    CustomToolRepository,
    FactOverrideRepository,
    VendorFactService,
  ],
  exports: [CatalogService, ToolPolicyService, CustomToolService, VendorFactService],
})
export class CatalogModule {}
