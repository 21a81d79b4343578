import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { ReportsModule } from '../reports/reports.module';
import { NetworkModule } from '../signals/network/network.module';
import { ReposModule } from '../signals/repos/repos.module';
import { SurveysModule } from '../surveys/surveys.module';
import { VendorsModule } from '../signals/vendors/vendors.module';
import { DemoBaselineService } from './demo-baseline.service';

/**
 * The demo organisation sits above the reports: it feeds people, surveys, logs and repositories
 * through their own modules' services, correlates, and asks the reports module for the set.
 * (Catalog, people and evidence are global modules.)
 */
@Module({
  imports: [
    FindingsModule,
    ReportsModule,
    SurveysModule,
    NetworkModule,
    ReposModule,
    VendorsModule,
  ],
  providers: [DemoBaselineService],
  exports: [DemoBaselineService],
})
export class DemoModule {}
