import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { LogIngestEntity } from './entities/log-ingest.entity';
import type { IngestCheckpoint } from './ingest/log-ingest-runner';
import { NetworkUsageRepository } from './network-usage.repository';

@Injectable()
export class LogIngestRepository {
  constructor(
    @InjectRepository(LogIngestEntity) private readonly repo: Repository<LogIngestEntity>,
    private readonly usage: NetworkUsageRepository,
  ) {}

  findByFingerprint(fingerprint: string): Promise<LogIngestEntity | null> {
    return this.repo.findOneBy({ fingerprint });
  }

  /** The ingest row of this file, created at offset 0 when it is new. */
  async startOrGet(input: {
    fingerprint: string;
    fileName: string;
    fileSize: number;
    format: string;
    options: Record<string, unknown>;
    jobId: string | null;
  }): Promise<LogIngestEntity> {
    await this.repo.query(
      `INSERT INTO log_ingest (id, fingerprint, file_name, file_size, format, status, options, job_id)
       VALUES ($1, $2, $3, $4, $5, 'running', $6::jsonb, $7)
       ON CONFLICT (fingerprint) DO UPDATE SET status = 'running', error = NULL, updated_at = now()
         WHERE log_ingest.status = 'failed'`,
      [
        randomUUID(),
        input.fingerprint,
        input.fileName,
        input.fileSize,
        input.format,
        JSON.stringify(input.options),
        input.jobId,
      ],
    );
    return this.repo.findOneByOrFail({ fingerprint: input.fingerprint });
  }

  /**
   * Roll-up deltas and the new offset in one transaction. The offset only moves from the one
   * this worker read, so a second worker on the same file can never add the same lines twice.
   */
  async commitCheckpoint(id: string, fromOffset: number, cp: IngestCheckpoint): Promise<void> {
    await this.repo.manager.transaction(async (m) => {
      const moved: unknown[] = await m.query(
        `WITH moved AS (UPDATE log_ingest SET committed_offset = $3, line_number = $4, lines = $5, parsed = $6,
                malformed = $7, matched = $8, malformed_sample = $9::jsonb, tools = $10::jsonb,
                status = CASE WHEN $11 THEN 'completed' ELSE status END,
                completed_at = CASE WHEN $11 THEN now() ELSE completed_at END, updated_at = now()
          WHERE id = $1 AND committed_offset = $2 AND status = 'running'
          RETURNING id) SELECT id FROM moved`,
        [
          id,
          fromOffset,
          cp.offset,
          cp.line,
          cp.state.counts.lines,
          cp.state.counts.parsed,
          cp.state.counts.malformed,
          cp.state.counts.matched,
          JSON.stringify(cp.state.malformedSample),
          JSON.stringify(cp.state.tools),
          cp.final,
        ],
      );
      if (moved.length === 0) {
        throw new DomainError(
          ErrorCode.Conflict,
          `log ingest ${id} moved past offset ${fromOffset} in another worker; this run stops`,
        );
      }
      await this.usage.addDaily(cp.rollups, m);
    });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.repo.update({ id, status: 'running' }, { status: 'failed', error });
  }

  list(limit: number, offset: number): Promise<LogIngestEntity[]> {
    return this.repo.find({ order: { createdAt: 'DESC' }, take: limit, skip: offset });
  }
}
