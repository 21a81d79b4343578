import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../auth/role';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { PROCESS_ROLE, type ProcessRole } from '../../jobs/process-role';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Queues the partition maintenance and the purge once a day. Each day's job has a deterministic
 * id, so however many workers ask, one job runs per day. Workers schedule; so does the embedded
 * default's single process. An API beside workers, and the CLI, do not.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  onApplicationBootstrap(): void {
    const embedded = this.role === 'api' && !this.config.databaseUrl;
    if (this.role !== 'worker' && !embedded) return;
    void this.queueToday();
    this.timer = setInterval(() => void this.queueToday(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async queueToday(): Promise<void> {
    const day = new Date().toISOString().slice(0, 10);
    try {
      await this.jobs.enqueue(
        JobName.MaintainPartitions,
        {},
        {
          jobId: `partitions-${day}`,
          actor: SYSTEM_ACTOR,
        },
      );
      await this.jobs.enqueue(
        JobName.Purge,
        { dryRun: false },
        {
          jobId: `purge-${day}`,
          actor: SYSTEM_ACTOR,
        },
      );
    } catch (error) {
      this.logger.warn(`could not queue the daily retention jobs: ${(error as Error).message}`);
    }
  }
}
