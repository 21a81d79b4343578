import { Module } from '@nestjs/common';
import { FindingsModule } from '../../findings/findings.module';
import { ReportsModule } from '../../reports/reports.module';
import { NetworkModule } from '../../signals/network/network.module';
import { SurveysModule } from '../../surveys/surveys.module';
import { GuardrailsOutreachModule } from '../../guardrails/outreach/guardrails-outreach.module';
import { EndpointsModule } from '../../signals/endpoints/endpoints.module';
import { ErasePersonProcessor } from './erase-person.processor';
import { ErasureController } from './erasure.controller';
import { PersonErasureService } from './person-erasure.service';

@Module({
  imports: [
    FindingsModule,
    ReportsModule,
    SurveysModule,
    NetworkModule,
    GuardrailsOutreachModule,
    EndpointsModule,
  ],
  controllers: [ErasureController],
  providers: [PersonErasureService, ErasePersonProcessor],
  exports: [PersonErasureService],
})
export class PrivacyErasureModule {}
