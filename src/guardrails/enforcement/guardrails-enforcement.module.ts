import { Module } from '@nestjs/common';
import { FindingsModule } from '../../findings/findings.module';
import { GuardrailsEnforcementController } from './guardrails-enforcement.controller';
import { NetworkExportService } from './network/network-export.service';
import { AiRegisterService } from './register/ai-register.service';

/** Enforcing what was decided: network exports, check-repo (CLI only) and the AI register. */
@Module({
  imports: [FindingsModule],
  controllers: [GuardrailsEnforcementController],
  providers: [NetworkExportService, AiRegisterService],
  exports: [NetworkExportService, AiRegisterService],
})
export class GuardrailsEnforcementModule {}
