import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FindingsModule } from '../findings/findings.module';
import { PeopleModule } from '../people/people.module';
import { NetworkModule } from '../signals/network/network.module';
import { ReposModule } from '../signals/repos/repos.module';
import { SurveysModule } from '../surveys/surveys.module';
import { ReportSnapshotEntity } from './entities/report-snapshot.entity';
import { DemoBaselineService } from '../demo/demo-baseline.service';
import { ReportExportService } from './report-export.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportSnapshotRepository } from './report-snapshot.repository';
import { ReportProcessor } from './report.processor';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReportSnapshotEntity]),
    FindingsModule,
    PeopleModule,
    SurveysModule,
    NetworkModule,
    ReposModule,
  ],
  controllers: [ReportsController],
  providers: [
    ReportSnapshotRepository,
    ReportRendererService,
    ReportsService,
    ReportProcessor,
    ReportExportService,
    DemoBaselineService,
  ],
  exports: [ReportsService, ReportRendererService, ReportExportService, DemoBaselineService],
})
export class ReportsModule {}
