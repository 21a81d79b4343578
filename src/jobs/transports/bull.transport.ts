import { Logger } from '@nestjs/common';
import Bull from 'bull';
import { JobExecutor, UnrecoverableJobError } from '../job-executor';
import { JobName, QueueName } from '../job-names';
import type { JobTransport } from './job-transport';

interface BullPayload {
  data: unknown;
}

/** Bull on Redis: the API produces, separately started workers consume; Bull's locks keep a job on one worker. */
export class BullTransport implements JobTransport {
  readonly kind = 'bull' as const;
  private readonly logger = new Logger('BullJobs');
  private readonly queues = new Map<QueueName, Bull.Queue<BullPayload>>();

  constructor(
    private readonly executor: JobExecutor,
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly concurrency: number,
    private readonly attempts: number,
    private readonly lockMs: number,
  ) {}

  private queue(name: QueueName): Bull.Queue<BullPayload> {
    let q = this.queues.get(name);
    if (!q) {
      q = new Bull<BullPayload>(name, this.redisUrl, {
        prefix: this.prefix,
        // A worker renews its lock at half this period; a killed worker's job is taken over after it.
        settings: {
          lockDuration: this.lockMs,
          lockRenewTime: this.lockMs / 2,
          stalledInterval: this.lockMs,
        },
      });
      q.on('error', (e) => this.logger.error(`queue ${name}: ${e.message}`));
      this.queues.set(name, q);
    }
    return q;
  }

  async add(queue: QueueName, name: JobName, id: string, data: unknown): Promise<void> {
    const q = this.queue(queue);
    // A failed run of the same deterministic id may still sit in Redis; it must not block the retry.
    const old = await q.getJob(id);
    if (old && ((await old.isFailed()) || (await old.isCompleted()))) await old.remove();
    await q.add(
      name,
      { data },
      {
        jobId: id,
        attempts: this.attempts,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  async startConsumers(): Promise<void> {
    for (const queueName of Object.values(QueueName)) {
      const q = this.queue(queueName);
      void q.process('*', this.concurrency, async (job) => {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        try {
          return await this.executor.execute(String(job.id), job.name as JobName, job.data.data, {
            lastAttempt,
          });
        } catch (error) {
          if (error instanceof UnrecoverableJobError) await job.discard();
          throw error;
        }
      });
    }
    await Promise.all([...this.queues.values()].map((q) => q.isReady()));
    this.logger.log(
      `Consuming queues ${Object.values(QueueName).join(', ')} with concurrency ${this.concurrency}`,
    );
  }

  async ping(): Promise<boolean> {
    try {
      const client = this.queue(QueueName.System).client;
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async depth(): Promise<{ queue: QueueName; waiting: number; active: number; delayed: number }[]> {
    return Promise.all(
      Object.values(QueueName).map(async (queue) => {
        const c = await this.queue(queue).getJobCounts();
        return { queue, waiting: c.waiting, active: c.active, delayed: c.delayed };
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
