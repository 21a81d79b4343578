import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { DiagnosticsProcessor } from './diagnostics.processor';
import { JobEntity } from './entities/job.entity';
import { JobExecutor } from './job-executor';
import { JobRegistry } from './job-registry';
import { JobRepository } from './job.repository';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { PROCESS_ROLE, ProcessRole } from './process-role';
import { BullTransport } from './transports/bull.transport';
import { InProcessTransport } from './transports/in-process.transport';
import { JOB_TRANSPORT } from './transports/job-transport';

@Global()
@Module({})
export class JobsModule {
  static forRoot(role: ProcessRole): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([JobEntity])],
      controllers: [JobsController],
      providers: [
        { provide: PROCESS_ROLE, useValue: role },
        JobRepository,
        JobRegistry,
        JobExecutor,
        JobsService,
        DiagnosticsProcessor,
        {
          provide: JOB_TRANSPORT,
          inject: [AppConfig, JobExecutor, JobRepository],
          useFactory: (config: AppConfig, executor: JobExecutor, jobs: JobRepository) =>
            config.redisUrl
              ? new BullTransport(
                  executor,
                  config.redisUrl,
                  config.redisPrefix,
                  config.jobConcurrency,
                  config.jobAttempts,
                  config.jobLockMs,
                )
              : new InProcessTransport(executor, jobs, config.jobConcurrency, config.jobAttempts),
        },
      ],
      exports: [JobsService, PROCESS_ROLE],
    };
  }
}
