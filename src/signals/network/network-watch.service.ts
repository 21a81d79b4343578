// Drop-folder ingest: files that appear in NETWORK_WATCH_DIR are queued once each, after their
// size has stopped changing (a copy in progress is not a log yet).
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Inject,
} from '@nestjs/common';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { PROCESS_ROLE, type ProcessRole } from '../../jobs/process-role';
import type { IngestLogsData } from './ingest-logs.processor';
import { fingerprintFile } from './ingest/log-source';
import { ingestJobId } from './log-upload.service';

const POLL_MS = 5_000;

@Injectable()
export class NetworkWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NetworkWatch');
  private timer: NodeJS.Timeout | undefined;
  private readonly sizes = new Map<string, number>();
  private readonly queued = new Set<string>();
  private busy = false;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  onApplicationBootstrap(): void {
    // the API process watches; workers and one-shot CLI runs do not
    if (!this.config.networkWatchDir || this.role !== 'api') return;
    this.logger.log(`Watching ${this.config.networkWatchDir} for network logs`);
    this.timer = setInterval(() => void this.scan(), POLL_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over the folder; public so a test can drive it without waiting. */
  async scan(): Promise<string[]> {
    const dir = this.config.networkWatchDir;
    if (!dir || this.busy) return [];
    this.busy = true;
    const started: string[] = [];
    try {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        if (this.queued.has(path)) continue;
        const { size } = await stat(path);
        const before = this.sizes.get(path);
        this.sizes.set(path, size);
        if (before !== size || size === 0) continue;
        const { fingerprint } = await fingerprintFile(path);
        const data: IngestLogsData = { files: [{ path, name: entry.name }], format: 'auto' };
        await this.jobs.enqueue(JobName.IngestLogs, data, { jobId: ingestJobId(fingerprint) });
        this.queued.add(path);
        started.push(path);
      }
    } catch (error) {
      this.logger.warn(`scan of ${dir} failed: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
    return started;
  }
}
