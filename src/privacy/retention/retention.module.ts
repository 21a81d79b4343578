import { Module } from '@nestjs/common';
import { NetworkModule } from '../../signals/network/network.module';
import { SurveysModule } from '../../surveys/surveys.module';
import { PartitionsProcessor } from './partitions.processor';
import { PurgeProcessor } from './purge.processor';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  imports: [NetworkModule, SurveysModule],
  providers: [RetentionService, PurgeProcessor, PartitionsProcessor, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
