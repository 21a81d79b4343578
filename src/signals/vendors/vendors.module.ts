import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorSchedulerService } from './connector-scheduler.service';
import { CopilotMetricsRepository } from './copilot-metrics.repository';
import { ConnectorEntity } from './entities/connector.entity';
import { CopilotOrgDayEntity } from './entities/copilot-org-day.entity';
import { VendorSeatEntity } from './entities/vendor-seat.entity';
import { VendorBatchWriter } from './vendor-batch-writer';
import { VendorConnectorsService } from './vendor-connectors.service';
import { VendorImportService } from './vendor-import.service';
import { VendorSyncProcessor } from './vendor-sync.processor';
import { VendorSyncService } from './vendor-sync.service';
import { VendorsController } from './vendors.controller';
import { VendorsRepository } from './vendors.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ConnectorEntity, VendorSeatEntity, CopilotOrgDayEntity])],
  controllers: [VendorsController],
  providers: [
    VendorsRepository,
    CopilotMetricsRepository,
    VendorSyncService,
    VendorBatchWriter,
    VendorImportService,
    VendorConnectorsService,
    VendorSyncProcessor,
    ConnectorSchedulerService,
  ],
  exports: [VendorSyncService, VendorImportService, VendorConnectorsService],
})
export class VendorsModule {}
