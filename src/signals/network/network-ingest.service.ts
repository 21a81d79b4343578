import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { AppConfig } from '../../config/app-config';
import type { ProgressCallback } from '../../jobs/job.types';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { confidenceOf, networkKind } from '../../evidence/confidence';
import { EvidenceService } from '../../evidence/evidence.service';
import { PeopleAdminService } from '../../people/people-admin.service';
import { PeopleService } from '../../people/people.service';
import { LogIngestEntity } from './entities/log-ingest.entity';
import { HostMatchCache } from './ingest/host-match-cache';
import { LogIngestCore, type ActionMatcher } from './ingest/log-ingest-core';
import { runIngest, type IngestCheckpoint } from './ingest/log-ingest-runner';
import {
  fingerprintFile,
  isGzip,
  legacyFingerprint,
  openLogStream,
  readHeadLines,
  type StreamStop,
} from './ingest/log-source';
import { runParallelIngest } from './ingest/parallel-ingest';
import { runStreamInWorker } from './ingest/stream-ingest';
import { threadPlan } from './ingest/thread-plan';
import { warmUp } from './ingest/warm-up';
import type { IngestProgressState, MalformedSample } from './ingest/usage-rollup';
import { LogIngestRepository } from './log-ingest.repository';
import { isMalformed, NETWORK_FORMATS, type LineParser, type NetworkFormat } from './network.types';
import { NETWORK_TOOL_MATCHER, type HostMatcher } from './network-tool-matcher';
import { NetworkUsageRepository } from './network-usage.repository';
import { detectFormat } from './parsers/detect-format';
import { createParser } from './parsers/parser-factory';

export interface IngestFileInput {
  path: string;
  /** the name to record (an upload's original name); defaults to the file's base name */
  name?: string;
  /** `sha256:<hex>` of the content when already known; computed otherwise */
  fingerprint?: string;
  format?: NetworkFormat | 'auto';
  zone?: string;
  jobId?: string;
  /** who asked for the ingest; a file that adds anything is audited as theirs */
  actor: Actor;
  /** threads this file may use when several run at once; INGEST_WORKERS when absent */
  workers?: number;
}

export interface FileIngestResult {
  ingestId: string;
  file: string;
  format: NetworkFormat;
  /** true when this exact file was ingested before: nothing was added */
  alreadyIngested: boolean;
  /** true when this run continued from an earlier run's committed offset */
  resumed: boolean;
  lines: number;
  parsed: number;
  malformed: number;
  matched: number;
  malformedSample: MalformedSample[];
  tools: IngestProgressState['tools'];
  /** what the operator should know though the ingest went through (a file cut short) */
  warnings: string[];
}

/** Ingests one log file idempotently and resumably; the job and the CLI call it. */
@Injectable()
export class NetworkIngestService {
  private readonly logger = new Logger('NetworkIngest');

  constructor(
    private readonly ingests: LogIngestRepository,
    private readonly usage: NetworkUsageRepository,
    private readonly evidence: EvidenceService,
    private readonly people: PeopleService,
    private readonly peopleAdmin: PeopleAdminService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @Inject(NETWORK_TOOL_MATCHER) private readonly matcher: HostMatcher,
  ) {}

  async ingestFile(input: IngestFileInput, progress?: ProgressCallback): Promise<FileIngestResult> {
    const name = input.name ?? basename(input.path);
    if (input.zone) this.parser('zeek', input.zone, name); // a bad zone fails before any work
    const size = await stat(input.path).then(
      (s) => s.size,
      () => {
        throw new DomainError(ErrorCode.NotFound, `${name}: no such file`);
      },
    );
    const fingerprint = input.fingerprint ?? (await fingerprintFile(input.path)).fingerprint;
    const existing = await this.ingests.findByFingerprint(fingerprint);
    if (existing?.status === 'completed') return toResult(existing, true, false);
    if (!existing) {
      const legacy = await legacyFingerprint(input.path);
      const before = legacy ? await this.ingests.findByFingerprint(legacy) : null;
      if (before?.status === 'completed') return toResult(before, true, false);
    }

    const format = existing?.format
      ? (existing.format as NetworkFormat)
      : await this.format(input, name);
    const row = await this.ingests.startOrGet({
      fingerprint,
      fileName: name,
      fileSize: size,
      format,
      options: { zone: input.zone },
      jobId: input.jobId ?? null,
    });
    if (row.status === 'completed') return toResult(row, true, false);
    const resumed = row.committedOffset > 0;
    const parser = format === 'squid' ? 'squid-native' : this.parser(format, input.zone, name);
    const tools = this.matcher.tools?.();
    const plan = threadPlan({
      setting: this.config.ingestWorkers,
      share: input.workers ?? this.config.ingestWorkers,
      minBytes: this.config.ingestParallelMinBytes,
      size,
      format,
      gzip: await isGzip(input.path),
      toolsAvailable: tools !== undefined,
    });
    if (resumed && parser !== 'squid-native' && plan.mode === 'main')
      await warmUp(parser, input.path, row.committedOffset);
    // One read of the lease store per file; each line is then resolved in memory at its time.
    const leases = await this.people.leaseBook();
    const erased = await this.people.erasedIdentities();
    const core = new LogIngestCore({
      parser,
      hosts: new HostMatchCache(this.matcher),
      actions: actionMatcher(this.matcher),
      sieve: this.config.ingestSieve,
      leases: leases.size > 0 ? leases : undefined,
      erased: erased.empty ? undefined : erased,
      resumeFrom: resumed
        ? {
            line: row.lineNumber,
            state: {
              counts: {
                lines: row.lines,
                parsed: row.parsed,
                malformed: row.malformed,
                matched: row.matched,
              },
              malformedSample: row.malformedSample,
              tools: row.tools,
            },
          }
        : undefined,
    });
    if (resumed)
      this.logger.log(`${name}: resuming at byte ${row.committedOffset}, line ${row.lineNumber}`);
    if (plan.mode !== 'main')
      this.logger.log(
        plan.mode === 'ranges'
          ? `${name}: split over ${plan.threads} worker threads`
          : `${name}: inflated and parsed in a worker thread`,
      );
    let committed = row.committedOffset;
    const onCheckpoint = async (cp: IngestCheckpoint): Promise<void> => {
      await this.ingests.commitCheckpoint(row.id, committed, cp);
      committed = cp.offset;
    };
    // gzip inflates past the file's size: a file's progress stops at 100
    const onProgress = progress
      ? (read: number) =>
          progress((100 * Math.min(read, size)) / Math.max(1, size), { bytes: read })
      : undefined;
    const limits = this.config.logInflateLimits;
    const checkpointLines = this.config.networkCheckpointLines;
    let stopped: StreamStop | undefined;
    try {
      if (plan.mode === 'ranges') {
        await runParallelIngest({
          path: input.path,
          format,
          parserOptions: { zone: input.zone },
          tools: tools ?? [],
          core,
          workers: plan.threads,
          fromOffset: committed,
          checkpointLines,
          onCheckpoint,
          onProgress,
        });
      } else if (plan.mode === 'stream') {
        ({ stopped } = await runStreamInWorker({
          job: {
            path: input.path,
            name,
            format,
            parserOptions: { zone: input.zone },
            fromOffset: committed,
            limits,
            checkpointLines,
          },
          tools: tools ?? [],
          core,
          onCheckpoint,
          onProgress,
        }));
      } else {
        const chunks = await openLogStream(input.path, committed, {
          name,
          limits,
          readInto: core.readBuffers(),
        });
        await runIngest({
          core,
          chunks,
          fromOffset: committed,
          checkpointLines,
          onCheckpoint,
          onProgress,
        });
        stopped = chunks.stopped;
      }
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.Conflict)) {
        await this.ingests.markFailed(
          row.id,
          error instanceof Error ? error.message : String(error),
        );
      }
      throw error;
    }
    const state = core.state();
    this.logger.debug(
      `${name}: the line sieve settled ${core.sieveSettled} of ${state.counts.lines} lines`,
    );
    await this.recordEvidence(state, row.id);
    await this.audit.record({
      actor: input.actor,
      action: 'log-ingest.create',
      targetType: 'log-ingest',
      targetId: row.id,
      detail: { file: name, format, fingerprint, jobId: input.jobId ?? null, ...state.counts },
    });
    const warnings = stopped
      ? [
          `${name}: the gzip data breaks off at byte ${stopped.atByte} of its text, in line ${state.counts.lines} (${stopped.reason}); the lines before it were kept`,
        ]
      : [];
    for (const w of warnings) this.logger.warn(w);
    return {
      ingestId: row.id,
      file: name,
      format,
      alreadyIngested: false,
      resumed,
      ...state.counts,
      malformedSample: state.malformedSample,
      tools: state.tools,
      warnings,
    };
  }

  /**
   * A lease file given with an ingest goes into the people module's lease store before the
   * first line is read; a bad row refuses the file, since lines are attributed only once. It is
   * audited as the actor's import, as through the API.
   */
  async importLeaseFile(path: string, actor: Actor): Promise<void> {
    const text = await readFile(path, 'utf8').catch(() => {
      throw new DomainError(ErrorCode.NotFound, `${basename(path)}: no such lease file`);
    });
    await this.peopleAdmin.importLeases(text, basename(path), actor, { strict: true });
  }

  private async format(input: IngestFileInput, name: string): Promise<NetworkFormat> {
    if (input.format && input.format !== 'auto') {
      if (!(NETWORK_FORMATS as readonly string[]).includes(input.format)) {
        throw new DomainError(
          ErrorCode.InvalidInput,
          `format "${input.format}" is not one of auto, ${NETWORK_FORMATS.join(', ')}`,
        );
      }
      await this.checkForcedFormat(input.format, input, name);
      return input.format;
    }
    const detected = detectFormat(await readHeadLines(input.path));
    if (!detected) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `${name}: the log format is not recognised from its first lines; pass a format (${NETWORK_FORMATS.join(', ')})`,
      );
    }
    return detected;
  }

  /**
   * A format given by hand that reads none of the first lines is a mistake: refused before the
   * file is recorded as ingested (which would make the right format's run add nothing).
   */
  private async checkForcedFormat(
    format: NetworkFormat,
    input: IngestFileInput,
    name: string,
  ): Promise<void> {
    const head = await readHeadLines(input.path);
    const parser = this.parser(format, input.zone, name);
    const read = head.map((line) => parser.parse(line)).filter((o) => o !== null);
    if (read.length === 0 || !read.every(isMalformed)) return;
    const detected = detectFormat(head);
    throw new DomainError(
      ErrorCode.InvalidInput,
      `${name}: none of its first ${read.length} lines reads as ${format}` +
        (detected && detected !== format
          ? `; they look like ${detected} (give that format, or auto)`
          : `; is it another format? (${NETWORK_FORMATS.join(', ')})`),
    );
  }

  private parser(format: NetworkFormat, zone: string | undefined, name: string): LineParser {
    try {
      return createParser(format, { zone });
    } catch (error) {
      throw new DomainError(ErrorCode.InvalidInput, `${name}: ${(error as Error).message}`);
    }
  }

  /** One evidence row per (identity, tool) this file touched, carrying the all-time totals. */
  private async recordEvidence(state: IngestProgressState, ingestId: string): Promise<void> {
    const pairs = Object.entries(state.tools).flatMap(([toolId, t]) =>
      t.identities.map((key) => {
        const [identityKind, identityValue] = key.split('\t');
        return { identityKind, identityValue, toolId };
      }),
    );
    const totals = await this.usage.totalsFor(pairs);
    await this.evidence.record(
      totals.map((t) => {
        // graded by days with traffic and volume (evidence/confidence.ts)
        const { confidence, reason } = confidenceOf(networkKind(t.requests, t.days));
        return {
          toolId: t.toolId,
          signal: 'network' as const,
          sourceRunId: ingestId,
          identityKind: t.identityKind,
          identityValue: t.identityValue,
          firstSeen: t.firstSeen,
          lastSeen: t.lastSeen,
          count: t.requests,
          bytes: t.bytes,
          confidence,
          detail: {
            source: 'network-usage-daily',
            days: t.days,
            confidenceReason: reason,
            // the actions URL paths showed, so a per-action policy can judge them
            ...(Object.keys(t.actions).length > 0 ? { actions: t.actions } : {}),
          },
          fingerprint: `network:${t.identityKind}:${t.identityValue}:${t.toolId}`,
        };
      }),
    );
  }
}

function actionMatcher(m: HostMatcher): ActionMatcher | undefined {
  const { hasActions, matchAction, matchActionBytes } = m;
  return hasActions && matchAction
    ? {
        hasActions: (t) => hasActions.call(m, t),
        matchAction: (t, r) => matchAction.call(m, t, r),
        ...(matchActionBytes
          ? { matchActionBytes: (t, b, r, up) => matchActionBytes.call(m, t, b, r, up) }
          : {}),
      }
    : undefined;
}

function toResult(
  row: LogIngestEntity,
  alreadyIngested: boolean,
  resumed: boolean,
): FileIngestResult {
  return {
    ingestId: row.id,
    file: row.fileName,
    format: row.format as NetworkFormat,
    alreadyIngested,
    resumed,
    lines: row.lines,
    parsed: row.parsed,
    malformed: row.malformed,
    matched: row.matched,
    malformedSample: row.malformedSample,
    tools: row.tools,
    warnings: [],
  };
}
