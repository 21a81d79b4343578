import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { ApiTokenEntity } from './entities/api-token.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { TokenRepository } from './token.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiTokenEntity, AuditEventEntity])],
  controllers: [AuthController],
  providers: [
    TokenRepository,
    AuditRepository,
    TokenService,
    AuditService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AuditService],
})
export class AuthModule {}
