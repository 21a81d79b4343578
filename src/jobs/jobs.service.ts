import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LOCAL_OPERATOR, type Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { setQueueDepthSource, type QueueDepth } from '../common/metrics';
import { JobEntity } from './entities/job.entity';
import { JobExecutor } from './job-executor';
import { JOB_QUEUE, JobName, QueueName } from './job-names';
import { JobRepository } from './job.repository';
import type { JobView, ProgressCallback } from './job.types';
import { PROCESS_ROLE, ProcessRole } from './process-role';
import { JOB_TRANSPORT, JobTransport } from './transports/job-transport';

export interface EnqueueOptions {
  /** deterministic id for idempotent jobs: a second submit returns the first job */
  jobId?: string;
  actor?: Actor;
}

@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly jobs: JobRepository,
    private readonly executor: JobExecutor,
    @Inject(JOB_TRANSPORT) private readonly transport: JobTransport,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    setQueueDepthSource(() => this.queueDepth());
    const consume =
      this.role === 'worker' || (this.transport.kind === 'in-process' && this.role === 'api');
    if (consume) await this.transport.startConsumers();
  }

  // Before the database closes: running jobs finish their step and write their state.
  async beforeApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  get transportKind(): JobTransport['kind'] {
    return this.transport.kind;
  }

  pingQueue(): Promise<boolean> {
    return this.transport.ping();
  }

  /**
   * Per queue: waiting, active and delayed from the transport when it keeps them (Bull: what the
   * autoscaler reads), else from the job table; failed from the job table, as Bull drops failed jobs.
   */
  async queueDepth(): Promise<QueueDepth[]> {
    const [rows, live] = await Promise.all([
      this.jobs.countUnfinishedAndFailed(),
      this.transport.depth?.(),
    ]);
    const counted = (queue: string, state: string) =>
      rows.find((r) => r.queue === queue && r.state === state)?.jobs ?? 0;
    return Object.values(QueueName).flatMap((queue): QueueDepth[] => {
      const l = live?.find((d) => d.queue === queue);
      return [
        { queue, state: 'waiting', jobs: l ? l.waiting : counted(queue, 'queued') },
        { queue, state: 'active', jobs: l ? l.active : counted(queue, 'running') },
        { queue, state: 'delayed', jobs: l ? l.delayed : 0 },
        { queue, state: 'failed', jobs: counted(queue, 'failed') },
      ];
    });
  }

  /** Queues a job for a worker (or the in-process runner) and returns at once. */
  async enqueue(name: JobName, data: unknown, opts: EnqueueOptions = {}): Promise<JobView> {
    const id = opts.jobId ?? randomUUID();
    const { row, created } = await this.jobs.enqueue({
      id,
      queue: JOB_QUEUE[name],
      name,
      data,
      actor: opts.actor ?? null,
    });
    if (created) await this.transport.add(JOB_QUEUE[name], name, id, data);
    return toView(row);
  }

  /** Runs a job here and now (the CLI), recorded like any other job. */
  async run<TResult>(
    name: JobName,
    data: unknown,
    onProgress?: ProgressCallback,
    opts: EnqueueOptions = {},
  ): Promise<TResult> {
    const id = opts.jobId ?? randomUUID();
    const { row, created } = await this.jobs.enqueue({
      id,
      queue: JOB_QUEUE[name],
      name,
      data,
      actor: opts.actor ?? LOCAL_OPERATOR,
    });
    if (!created && row.state === 'completed') return row.result as TResult;
    return (await this.executor.execute(id, name, data, {
      lastAttempt: true,
      onProgress,
    })) as TResult;
  }

  async get(id: string): Promise<JobView> {
    const row = await this.jobs.findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `No job with id ${id}`);
    return toView(row);
  }

  async list(filter: { state?: string; name?: string; limit?: number }): Promise<JobView[]> {
    return (await this.jobs.list({ ...filter, limit: filter.limit ?? 50 })).map(toView);
  }

  /** Erasure only: a person's identifiers leave every job's data, result and error. */
  redactIdentifiers(pattern: string): Promise<number> {
    return this.jobs.redact(pattern);
  }
}

function toView(row: JobEntity): JobView {
  return {
    id: row.id,
    queue: row.queue,
    name: row.name,
    state: row.state,
    progress: row.progress,
    counts: row.counts,
    result: row.result ?? null,
    error: row.error,
    attempts: row.attempts,
    worker: row.worker,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
