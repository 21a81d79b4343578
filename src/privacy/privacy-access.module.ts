import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FindingsModule } from '../findings/findings.module';
import { GuardrailsOutreachModule } from '../guardrails/outreach/guardrails-outreach.module';
import { ReportsModule } from '../reports/reports.module';
import { EndpointsModule } from '../signals/endpoints/endpoints.module';
import { NetworkModule } from '../signals/network/network.module';
import { VendorsModule } from '../signals/vendors/vendors.module';
import { SurveysModule } from '../surveys/surveys.module';
import { PrivacyNoticeVersionEntity } from './entities/privacy-notice-version.entity';
import { personDataSourcesProvider } from './person-data-holders';
import { PrivacyAccessController } from './privacy-access.controller';
import { PrivacyNoticeRepository } from './privacy-notice.repository';
import { RecordOfProcessingService } from './record/record-of-processing.service';
import { SubjectAccessService } from './subject-access/subject-access.service';
import {
  TransparencyController,
  TransparencyJsonController,
} from './transparency/transparency.controller';
import { TransparencyService } from './transparency/transparency.service';

/** Transparency page, subject access and the record of processing (issue 20, parts 1, 2, 5). */
@Module({
  imports: [
    TypeOrmModule.forFeature([PrivacyNoticeVersionEntity]),
    FindingsModule,
    GuardrailsOutreachModule,
    NetworkModule,
    EndpointsModule,
    VendorsModule,
    SurveysModule,
    ReportsModule,
  ],
  controllers: [TransparencyController, TransparencyJsonController, PrivacyAccessController],
  providers: [
    personDataSourcesProvider,
    PrivacyNoticeRepository,
    TransparencyService,
    SubjectAccessService,
    RecordOfProcessingService,
  ],
  exports: [SubjectAccessService, TransparencyService, RecordOfProcessingService],
})
export class PrivacyAccessModule {}
