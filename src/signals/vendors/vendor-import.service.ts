import { Injectable } from '@nestjs/common';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { ProgressCallback } from '../../jobs/job.types';
import { CONNECTORS, connectorOf } from './connector-registry';
import { PeopleService } from '../../people/people.service';
import type { ConnectorBatch, RowError } from './connector.types';
import { identityCenterIds, parseUserMap } from './connectors/amazon-q-user-map';
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
    /** Amazon Q: what became of the IAM Identity Center user ids the report names */
    userIds?: UserIdReport;
  };
}

/** Identity Center user ids of an Amazon Q report, and the links a --user-map file added. */
export interface UserIdReport {
  /** the --user-map file, when one was given */
  mapFile: string | null;
  /** ids the map file linked to a person now (stored; later imports need no map) */
  linked: number;
  /** map rows not used, by line and field: a bad row, an e-mail no one in the directory has */
  mapRejected: RowError[];
  /** distinct ids the report names */
  ids: number;
  /** of those, ids linked to a person (by a map, a directory alias or by hand) */
  resolved: number;
  /** ids linked to no one: kept under the id, counted, and listed for a human to link */
  unmapped: number;
  /** the first 20 of them */
  unmappedIds: string[];
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
    private readonly people: PeopleService,
  ) {}

  async importFile(
    id: string,
    path: string,
    actor: Actor,
    progress: ProgressCallback = () => undefined,
    jobId: string | null = null,
    now = new Date(),
    userMapPath?: string,
  ): Promise<ImportResult> {
    const connector = connectorOf(id);
    if (userMapPath && connector.id !== 'amazon-q')
      throw new DomainError(ErrorCode.InvalidInput, '--user-map applies to amazon-q only');
    if (!connector.importFile) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `--file: ${id} is read through its admin API only; connectors that import an export file: ${importableConnectors().join(', ')}`,
      );
    }
    const name = basename(path);
    let parsed;
    try {
      parsed = connector.importFile(await this.readText(path), now);
    } catch (err) {
      if (err instanceof DomainError)
        throw new DomainError(err.code, `${name}: ${err.message}`, err.details);
      throw err;
    }
    const userIds =
      connector.id === 'amazon-q'
        ? await this.linkUserIds(parsed.batch, actor, userMapPath)
        : undefined;
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
      detail: {
        jobId,
        file: name,
        rows: parsed.rows,
        rejectedRows,
        evidence: result.evidence,
        ...(userIds?.mapFile ? { userMap: userIds.mapFile, linked: userIds.linked } : {}),
      },
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
        ...(userIds ? { userIds } : {}),
      },
    };
  }

  private async readText(path: string): Promise<string> {
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
    return readFile(path, 'utf8');
  }

  /**
   * Amazon Q names users by IAM Identity Center id. A --user-map row links its id to the person
   * with that e-mail (as a hand-made link would, so it is kept for later imports); then each id of
   * the report resolves through the directory, or counts as unmapped. Undefined when the report
   * names no such id and no map was given.
   */
  private async linkUserIds(
    batch: ConnectorBatch,
    actor: Actor,
    mapPath?: string,
  ): Promise<UserIdReport | undefined> {
    const mapFile = mapPath ? basename(mapPath) : null;
    const ids = identityCenterIds(batch.usage ?? []);
    if (!mapPath && ids.length === 0) return undefined;
    const rejected: RowError[] = [];
    let linked = 0;
    if (mapPath) {
      let read: ReturnType<typeof parseUserMap>;
      try {
        read = parseUserMap(await this.readText(mapPath));
      } catch (err) {
        if (err instanceof DomainError)
          throw new DomainError(err.code, `${mapFile}: ${err.message}`, err.details);
        throw err;
      }
      rejected.push(...read.rejected);
      for (const e of read.entries) {
        const personId = await this.people.personIdByEmail(e.email);
        const was = await this.people.personOfIdentity('username', e.id);
        if (!personId)
          rejected.push({
            line: e.line,
            field: 'email',
            message: `no one in the directory has ${e.email}`,
          });
        else if (was && was !== personId)
          rejected.push({
            line: e.line,
            field: 'userid',
            message: `${e.id} is linked to another person already`,
          });
        else if (!was) {
          await this.people.linkIdentity(personId, 'username', e.id, `${actor.name} (${mapFile})`);
          linked++;
        }
      }
      rejected.sort((a, b) => a.line - b.line);
    }
    const found = await this.people.resolveIdentities(
      ids.map((value) => ({ kind: 'username' as const, value })),
      'connector:amazon-q',
    );
    const unmapped = ids.filter((_, i) => (found[i]?.personId ?? null) === null);
    return {
      mapFile,
      linked,
      mapRejected: rejected.slice(0, 100),
      ids: ids.length,
      resolved: ids.length - unmapped.length,
      unmapped: unmapped.length,
      unmappedIds: unmapped.slice(0, 20),
    };
  }
}
