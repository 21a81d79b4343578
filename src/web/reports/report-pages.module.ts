import { Module } from '@nestjs/common';
import { ReportsModule } from '../../reports/reports.module';
import { ConsoleCoreModule } from '../console/console-core.module';
import { ReportPagesController } from './report-pages.controller';

/** The leaders' dashboard and the reports page. */
@Module({
  imports: [ConsoleCoreModule, ReportsModule],
  controllers: [ReportPagesController],
})
export class ReportPagesModule {}
