import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VendorsModule } from '../signals/vendors/vendors.module';
import { FindingsModule } from '../findings/findings.module';
import { GuardrailsOutreachModule } from '../guardrails/outreach/guardrails-outreach.module';
import { ReportSnapshotEntity } from './entities/report-snapshot.entity';
import { ReportExportService } from './report-export.service';
import { ReportInputService } from './report-input.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportSnapshotRepository } from './report-snapshot.repository';
import { ReportProcessor } from './report.processor';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ReportErasureRepository } from './report-erasure.repository';
import { SurveysModule } from '../surveys/surveys.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReportSnapshotEntity]),
    FindingsModule,
    GuardrailsOutreachModule,
    VendorsModule,
    SurveysModule,
  ],
  controllers: [ReportsController],
  providers: [
    ReportSnapshotRepository,
    ReportErasureRepository,
    ReportInputService,
    ReportRendererService,
    ReportsService,
    ReportProcessor,
    ReportExportService,
  ],
  exports: [ReportsService, ReportRendererService, ReportExportService],
})
export class ReportsModule {}
