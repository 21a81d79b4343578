import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../auth/role';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { PROCESS_ROLE, type ProcessRole } from '../../jobs/process-role';
import { VendorsRepository } from './vendors.repository';

const TICK_MS = 60_000;

/**
 * Connector schedules. The API and every worker tick; a due connector is claimed in the
 * database (one UPDATE … RETURNING), so however many processes run, each run is queued once.
 */
@Injectable()
export class ConnectorSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Connectors');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: VendorsRepository,
    private readonly jobs: JobsService,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  onApplicationBootstrap(): void {
    if (this.role === 'cli') return;
    this.timer = setInterval(
      () => void this.tick().catch((e: Error) => this.logger.warn(e.message)),
      TICK_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues every due connector once; public so a test can drive it without waiting. */
  async tick(now = new Date()): Promise<string[]> {
    const due = await this.repo.claimDue(now);
    for (const connector of due) {
      await this.jobs.enqueue(JobName.VendorSync, { connector }, { actor: SYSTEM_ACTOR });
    }
    return due;
  }
}
