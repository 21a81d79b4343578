// Streams an upload to the spool folder under a size limit, then queues its ingest job.
import { Injectable } from '@nestjs/common';
import Busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../auth/role';
import { AuditService } from '../../auth/audit.service';
import { AppConfig } from '../../config/app-config';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { JobName } from '../../jobs/job-names';
import type { JobView } from '../../jobs/job.types';
import { JobsService } from '../../jobs/jobs.service';
import type { IngestLogsData } from './ingest-logs.processor';
import { fingerprintFile } from './ingest/log-source';
import type { NetworkFormat } from './network.types';

export interface UploadReceipt {
  job: JobView;
  file: string;
  bytes: number;
  fingerprint: string;
}

/** A deterministic job id: one file, one ingest job, however often it is submitted. */
export function ingestJobId(fingerprint: string): string {
  return `ingest-logs-${fingerprint.replace(/[^a-z0-9]+/gi, '-')}`;
}

@Injectable()
export class LogUploadService {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  get spoolDir(): string {
    return join(this.config.dataDir, 'spool', 'network');
  }

  async receive(
    req: Readable & { headers: IncomingHttpHeaders },
    opts: { format?: string; zone?: string; name?: string },
    actor: Actor,
  ): Promise<UploadReceipt> {
    await mkdir(this.spoolDir, { recursive: true });
    const type = req.headers['content-type'] ?? '';
    const spooled = type.startsWith('multipart/form-data')
      ? await this.spoolMultipart(req)
      : await this.spoolStream(req, opts.name ?? 'upload.log');
    const { fingerprint } = await fingerprintFile(spooled.path);
    const data: IngestLogsData = {
      files: [{ path: spooled.path, name: spooled.name }],
      format: (opts.format ?? 'auto') as NetworkFormat | 'auto',
      zone: opts.zone,
    };
    const jobId = ingestJobId(fingerprint);
    const before = await this.jobs.get(jobId).catch(() => undefined);
    const job = await this.jobs.enqueue(JobName.IngestLogs, data, { jobId, actor });
    // the same content was queued before and that job (with its own copy) stands
    if (before && before.state !== 'failed') await rm(spooled.path, { force: true });
    await this.audit.record({
      actor,
      action: 'network-upload.create',
      targetType: 'job',
      targetId: job.id,
      detail: { file: spooled.name, bytes: spooled.bytes, fingerprint },
    });
    return { job, file: spooled.name, bytes: spooled.bytes, fingerprint };
  }

  private target(name: string): { path: string; name: string } {
    const clean =
      basename(name)
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .slice(0, 120) || 'upload.log';
    return { path: join(this.spoolDir, `${randomUUID()}-${clean}`), name: clean };
  }

  private limiter(): Transform & { bytes: number } {
    const max = this.config.uploadMaxBytes;
    const t = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        t.bytes += chunk.length;
        if (t.bytes > max) {
          cb(
            new DomainError(ErrorCode.TooLarge, `upload is larger than the limit of ${max} bytes`),
          );
          return;
        }
        cb(null, chunk);
      },
    }) as Transform & { bytes: number };
    t.bytes = 0;
    return t;
  }

  private async spoolStream(
    src: Readable,
    name: string,
  ): Promise<{ path: string; name: string; bytes: number }> {
    const target = this.target(name);
    const limit = this.limiter();
    try {
      await pipeline(src, limit, createWriteStream(target.path));
    } catch (error) {
      await rm(target.path, { force: true });
      throw error;
    }
    if (limit.bytes === 0) {
      await rm(target.path, { force: true });
      throw new DomainError(ErrorCode.InvalidInput, 'the upload is empty');
    }
    return { ...target, bytes: limit.bytes };
  }

  /** The first file part of a multipart body; other parts are drained. */
  private spoolMultipart(
    req: Readable & { headers: IncomingHttpHeaders },
  ): Promise<{ path: string; name: string; bytes: number }> {
    return new Promise((resolve, reject) => {
      let bb: Busboy.Busboy;
      try {
        bb = Busboy({
          headers: req.headers,
          limits: { files: 1, fileSize: this.config.uploadMaxBytes },
        });
      } catch (error) {
        reject(
          new DomainError(ErrorCode.InvalidInput, `multipart upload: ${(error as Error).message}`),
        );
        return;
      }
      let spooling: Promise<{ path: string; name: string; bytes: number }> | undefined;
      bb.on('file', (_field, stream, info) => {
        if (spooling) {
          stream.resume();
          return;
        }
        spooling = this.spoolStream(stream, info.filename || 'upload.log');
        stream.on('limit', () =>
          stream.destroy(
            new DomainError(
              ErrorCode.TooLarge,
              `upload is larger than the limit of ${this.config.uploadMaxBytes} bytes`,
            ),
          ),
        );
      });
      bb.on('error', (e: Error) =>
        reject(new DomainError(ErrorCode.InvalidInput, `multipart upload: ${e.message}`)),
      );
      bb.on('close', () => {
        if (!spooling)
          reject(new DomainError(ErrorCode.InvalidInput, 'multipart upload holds no file part'));
        else spooling.then(resolve, reject);
      });
      req.pipe(bb);
    });
  }
}
