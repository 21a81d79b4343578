import { Logger } from '@nestjs/common';
import { JobExecutor, UnrecoverableJobError } from '../job-executor';
import { JOB_QUEUE, JobName, QueueName } from '../job-names';
import { JobRepository } from '../job.repository';
import type { JobTransport } from './job-transport';

interface Pending {
  id: string;
  name: JobName;
  data: unknown;
  tries: number;
}

/**
 * The embedded default's queue: jobs run in this process through the same executor as Bull's
 * workers. State lives in the job table, so jobs left unfinished by a crash run again at start.
 */
export class InProcessTransport implements JobTransport {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobs');
  private readonly pending = new Map<QueueName, Pending[]>();
  private readonly active = new Map<QueueName, number>();
  private readonly running = new Set<Promise<void>>();
  private consuming = false;
  private closed = false;

  constructor(
    private readonly executor: JobExecutor,
    private readonly jobs: JobRepository,
    private readonly concurrency: number,
    private readonly attempts: number,
  ) {}

  async add(queue: QueueName, name: JobName, id: string, data: unknown): Promise<void> {
    this.enqueue(queue, { id, name, data, tries: 0 });
  }

  async startConsumers(): Promise<void> {
    this.consuming = true;
    const unfinished = await this.jobs.findUnfinished(Object.values(QueueName));
    for (const job of unfinished) {
      this.logger.log(`Resuming job ${job.name} ${job.id} left ${job.state}`);
      this.enqueue(job.queue, { id: job.id, name: job.name, data: job.data, tries: job.attempts });
    }
    for (const queue of this.pending.keys()) this.pump(queue);
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    // Let running jobs finish their current step; what is still queued resumes at next start.
    await Promise.allSettled([...this.running]);
  }

  private enqueue(queue: QueueName, job: Pending): void {
    const list = this.pending.get(queue) ?? [];
    if (list.some((p) => p.id === job.id)) return;
    list.push(job);
    this.pending.set(queue, list);
    this.pump(queue);
  }

  private pump(queue: QueueName): void {
    if (!this.consuming || this.closed) return;
    const list = this.pending.get(queue) ?? [];
    while ((this.active.get(queue) ?? 0) < this.concurrency && list.length > 0) {
      const job = list.shift()!;
      this.active.set(queue, (this.active.get(queue) ?? 0) + 1);
      const run = this.runOne(queue, job).finally(() => {
        this.running.delete(run);
        this.active.set(queue, (this.active.get(queue) ?? 1) - 1);
        this.pump(queue);
      });
      this.running.add(run);
    }
  }

  private async runOne(queue: QueueName, job: Pending): Promise<void> {
    const tries = job.tries + 1;
    try {
      await this.executor.execute(job.id, job.name, job.data, {
        lastAttempt: tries >= this.attempts,
      });
    } catch (error) {
      if (error instanceof UnrecoverableJobError || tries >= this.attempts || this.closed) return;
      const delay = Math.min(30_000, 500 * 2 ** (tries - 1));
      setTimeout(
        () => this.enqueue(JOB_QUEUE[job.name] ?? queue, { ...job, tries }),
        delay,
      ).unref();
    }
  }
}
