import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LogIngestEntity } from './entities/log-ingest.entity';
import { NetworkUsageDailyEntity } from './entities/network-usage-daily.entity';
import { IngestLogsProcessor } from './ingest-logs.processor';
import { LogIngestRepository } from './log-ingest.repository';
import { LogUploadService } from './log-upload.service';
import { NetworkController } from './network.controller';
import { NetworkIngestService } from './network-ingest.service';
import { CatalogService } from '../../catalog/catalog.service';
import { NETWORK_TOOL_MATCHER, type HostMatcher } from './network-tool-matcher';
import { NetworkErasureRepository } from './network-erasure.repository';
import { NetworkUsageRepository } from './network-usage.repository';
import { NetworkUsageService } from './network-usage.service';
import { NetworkWatchService } from './network-watch.service';

@Module({
  imports: [TypeOrmModule.forFeature([NetworkUsageDailyEntity, LogIngestEntity])],
  controllers: [NetworkController],
  providers: [
    {
      // asks the catalog's current matcher, so custom tools added later count too
      provide: NETWORK_TOOL_MATCHER,
      inject: [CatalogService],
      useFactory: (catalog: CatalogService): HostMatcher => ({
        matchHost: (host) => catalog.matcher().matchHost(host),
        hasActions: (toolId) => catalog.matcher().hasActions(toolId),
        matchAction: (toolId, request) => catalog.matcher().matchAction(toolId, request),
        matchActionBytes: (toolId, buf, request, bytesUp) =>
          catalog.matcher().matchActionBytes(toolId, buf, request, bytesUp),
        tools: () => catalog.tools(),
      }),
    },
    NetworkUsageRepository,
    NetworkErasureRepository,
    LogIngestRepository,
    NetworkIngestService,
    NetworkUsageService,
    LogUploadService,
    NetworkWatchService,
    IngestLogsProcessor,
  ],
  exports: [NetworkIngestService, NetworkUsageService, LogUploadService],
})
export class NetworkModule {}
