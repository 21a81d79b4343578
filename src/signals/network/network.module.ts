import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LogIngestEntity } from './entities/log-ingest.entity';
import { NetworkUsageDailyEntity } from './entities/network-usage-daily.entity';
import { IngestLogsProcessor } from './ingest-logs.processor';
import { LogIngestRepository } from './log-ingest.repository';
import { LogUploadService } from './log-upload.service';
import { NetworkController } from './network.controller';
import { NetworkIngestService } from './network-ingest.service';
import { domainListMatcher, NETWORK_TOOL_MATCHER } from './network-tool-matcher';
import { NetworkUsageRepository } from './network-usage.repository';
import { NetworkUsageService } from './network-usage.service';
import { NetworkWatchService } from './network-watch.service';

@Module({
  imports: [TypeOrmModule.forFeature([NetworkUsageDailyEntity, LogIngestEntity])],
  controllers: [NetworkController],
  providers: [
    // TODO(catalog merge): inject CatalogService and use catalogService.matcher()
    { provide: NETWORK_TOOL_MATCHER, useFactory: () => domainListMatcher() },
    NetworkUsageRepository,
    LogIngestRepository,
    NetworkIngestService,
    NetworkUsageService,
    LogUploadService,
    NetworkWatchService,
    IngestLogsProcessor,
  ],
  exports: [NetworkIngestService, NetworkUsageService],
})
export class NetworkModule {}
