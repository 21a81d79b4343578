import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Actor, Role } from '../auth/role';
import { ERASED_MARK } from '../common/identifier-redaction';
import { JobEntity } from './entities/job.entity';
import { JobName, QueueName } from './job-names';
import type { JobCounts, JobState } from './job.types';

@Injectable()
export class JobRepository {
  constructor(@InjectRepository(JobEntity) private readonly repo: Repository<JobEntity>) {}

  /** Inserts a queued job; a job with the same id that has not failed is kept as it is. */
  async enqueue(job: {
    id: string;
    queue: QueueName;
    name: JobName;
    data: unknown;
    actor: Actor | null;
  }): Promise<{ row: JobEntity; created: boolean }> {
    const rows: { id: string }[] = await this.repo.query(
      `INSERT INTO job (id, queue, name, state, data, created_by, created_by_token_id, created_by_role)
       VALUES ($1, $2, $3, 'queued', $4::jsonb, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE
         SET state = 'queued', progress = 0, counts = '{}'::jsonb, data = excluded.data, result = NULL,
             error = NULL, attempts = 0, started_at = NULL, finished_at = NULL, updated_at = now()
         WHERE job.state = 'failed'
       RETURNING id`,
      [
        job.id,
        job.queue,
        job.name,
        JSON.stringify(job.data ?? {}),
        job.actor?.name ?? null,
        job.actor?.tokenId ?? null,
        job.actor?.role ?? null,
      ],
    );
    return { row: await this.repo.findOneByOrFail({ id: job.id }), created: rows.length > 0 };
  }

  findById(id: string): Promise<JobEntity | null> {
    return this.repo.findOneBy({ id });
  }

  list(filter: { state?: string; name?: string; limit: number }): Promise<JobEntity[]> {
    const where: Record<string, string> = {};
    if (filter.state) where.state = filter.state;
    if (filter.name) where.name = filter.name;
    return this.repo.find({ where, order: { createdAt: 'DESC' }, take: filter.limit });
  }

  /** Unfinished jobs of these queues, oldest first: what an in-process runner resumes after a restart. */
  findUnfinished(queues: QueueName[]): Promise<JobEntity[]> {
    return this.repo.find({
      where: { state: In(['queued', 'running']), queue: In(queues) },
      order: { createdAt: 'ASC' },
    });
  }

  /** Jobs per queue that wait, run or failed for good: the queue depth the job table knows. */
  countUnfinishedAndFailed(): Promise<{ queue: string; state: JobState; jobs: number }[]> {
    return this.repo.query(
      `SELECT queue, state, count(*)::int AS jobs FROM job
        WHERE state IN ('queued', 'running', 'failed') GROUP BY 1, 2`,
    );
  }

  /**
   * Marks a try as started and returns its number, atomic so two runners can be told apart, and who
   * asked for the job (null for jobs the system queued itself).
   */
  async start(id: string, worker: string): Promise<{ attempt: number; actor: Actor | null }> {
    const result: unknown = await this.repo.query(
      `UPDATE job SET state = 'running', attempts = attempts + 1, worker = $2,
              started_at = COALESCE(started_at, now()), updated_at = now()
       WHERE id = $1 RETURNING attempts, created_by, created_by_token_id, created_by_role`,
      [id, worker],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as {
      attempts: number;
      created_by: string | null;
      created_by_token_id: string | null;
      created_by_role: Role | null;
    }[];
    const row = rows[0];
    return {
      attempt: row?.attempts ?? 0,
      actor:
        row?.created_by && row.created_by_role
          ? { tokenId: row.created_by_token_id, name: row.created_by, role: row.created_by_role }
          : null,
    };
  }

  async progress(id: string, progress: number, counts: JobCounts): Promise<void> {
    await this.repo.query(
      // a late write must not touch a job that has already finished
      `UPDATE job SET progress = $2, counts = $3::jsonb, updated_at = now()
       WHERE id = $1 AND state = 'running'`,
      [id, progress, JSON.stringify(counts)],
    );
  }

  async complete(id: string, result: unknown): Promise<void> {
    await this.repo.query(
      `UPDATE job SET state = 'completed', progress = 100, result = $2::jsonb, error = NULL,
              finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(result ?? null)],
    );
  }

  async fail(id: string, error: string, final: boolean): Promise<void> {
    await this.repo.query(
      `UPDATE job SET state = $3, error = $2, finished_at = CASE WHEN $3 = 'failed' THEN now() END,
              updated_at = now() WHERE id = $1`,
      [id, error, final ? 'failed' : 'queued'],
    );
  }

  /** Erasure only: replaces a person's identifiers in job data, results and errors. */
  async redact(pattern: string): Promise<number> {
    const r = (await this.repo.query(
      `UPDATE job SET data = regexp_replace(data::text, $1, $2, 'gi')::jsonb,
              result = regexp_replace(result::text, $1, $2, 'gi')::jsonb,
              counts = regexp_replace(counts::text, $1, $2, 'gi')::jsonb,
              error = regexp_replace(error, $1, $2, 'gi')
        WHERE data::text ~* $1 OR result::text ~* $1 OR counts::text ~* $1 OR error ~* $1`,
      [pattern, ERASED_MARK],
    )) as [unknown, number];
    return r[1];
  }
}
