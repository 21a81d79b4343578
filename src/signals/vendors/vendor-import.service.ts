import { Injectable } from '@nestjs/common';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { ProgressCallback } from '../../jobs/job.types';
import { CONNECTORS, connectorOf } from './connector-registry';
import type { RowError } from './connector.types';
import { SyncTally, type SyncResult, VendorBatchWriter } from './vendor-batch-writer';

/** `sync CONNECTOR --file F`: the contract's figures, and what became of the file's rows. */
export interface ImportResult extends SyncResult {
  file: {
    name: string;
    format: string;
    rows: number;
    /** rows read into evidence */
    imported: number;
    /** evidence rows new or changed: 0 when the same file is imported again */
    added: number;
    /** the bad rows, by line and field (the first 100) */
    rejected: RowError[];
    rejectedRows: number;
  };
}

/** Connectors whose vendor offers an export file, for the message that refuses the others. */
export const importableConnectors = () =>
  [...CONNECTORS.values()].filter((c) => c.importFile).map((c) => c.id);

/**
 * Imports a vendor's export file through the same writer as an API run: the same evidence, the
 * same fingerprints (so importing the file twice adds nothing), no cursor moved.
 */
@Injectable()
export class VendorImportService {
  constructor(
    private readonly writer: VendorBatchWriter,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async importFile(
    id: string,
    path: string,
    actor: Actor,
    progress: ProgressCallback = () => undefined,
    jobId: string | null = null,
    now = new Date(),
  ): Promise<ImportResult> {
    const connector = connectorOf(id);
    if (!connector.importFile) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `--file: ${id} is read through its admin API only; connectors that import an export file: ${importableConnectors().join(', ')}`,
      );
    }
    const name = basename(path);
    const size = await stat(path).then(
      (s) => s.size,
      () => {
        throw new DomainError(ErrorCode.InvalidInput, `${name}: no such file`);
      },
    );
    if (size > this.config.uploadMaxBytes)
      throw new DomainError(
        ErrorCode.TooLarge,
        `${name}: ${size} bytes, over UPLOAD_MAX_BYTES (${this.config.uploadMaxBytes}); split the export by day`,
      );
    let parsed;
    try {
      parsed = connector.importFile(await readFile(path, 'utf8'), now);
    } catch (err) {
      if (err instanceof DomainError)
        throw new DomainError(err.code, `${name}: ${err.message}`, err.details);
      throw err;
    }
    await progress(50, { rows: parsed.rows });
    const tally = new SyncTally(connector.id, now, jobId);
    await this.writer.write(parsed.batch, tally);
    const result = await this.writer.finish(tally, 0);
    const rejectedRows = new Set(parsed.rejected.map((e) => e.line)).size;
    await this.audit.record({
      actor,
      action: 'connector.import',
      targetType: 'connector',
      targetId: connector.id,
      detail: { jobId, file: name, rows: parsed.rows, rejectedRows, evidence: result.evidence },
    });
    await progress(100, { rows: parsed.rows });
    return {
      ...result,
      file: {
        name,
        format: parsed.format,
        rows: parsed.rows,
        imported: parsed.rows - rejectedRows,
        added: tally.changed,
        rejected: parsed.rejected.slice(0, 100),
        rejectedRows,
      },
    };
  }
}
