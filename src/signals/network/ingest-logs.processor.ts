import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestLinesTotal } from '../../common/metrics';
import { AppConfig } from '../../config/app-config';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { consumeSpooled } from '../../jobs/spooled-inputs';
import { fingerprintFile } from './ingest/log-source';
import { runLanes, sameContentTogether } from './ingest/file-lanes';
import { threadShare } from './ingest/thread-plan';
import type { NetworkFormat } from './network.types';
import { NetworkIngestService, type FileIngestResult } from './network-ingest.service';

export interface IngestLogsData {
  /** fingerprint: the content's hash when the producer already has it (an upload hashes as it spools) */
  files: { path: string; name?: string; fingerprint?: string }[];
  format?: NetworkFormat | 'auto';
  zone?: string;
  leasesPath?: string;
}

/** The DESIGN.md contract of `ingest-logs --json`, plus what an operator needs to follow up. */
export interface IngestLogsResult {
  files: string[];
  format: string;
  lines: number;
  parsed: number;
  malformed: number;
  tools: Record<string, { requests: number; bytes: number; identities: number }>;
  alreadyIngested: string[];
  malformedSample: { file: string; line: number; reason: string }[];
  ingests: string[];
  /**
   * each names its file: a gzip cut short (the lines before the break were kept), or a file that
   * read badly (nothing parsed, or more malformed lines than good ones)
   */
  warnings: string[];
}

@JobHandler(JobName.IngestLogs)
export class IngestLogsProcessor implements JobProcessor<IngestLogsData, IngestLogsResult> {
  constructor(
    private readonly ingest: NetworkIngestService,
    private readonly config: AppConfig,
  ) {}

  async handle(ctx: JobContext<IngestLogsData>): Promise<IngestLogsResult> {
    const spooled = {
      paths: ctx.data.files.map((f) => f.path),
      spoolDir: join(this.config.dataDir, 'spool'),
    };
    return consumeSpooled(ctx, spooled, () => this.ingestAll(ctx));
  }

  private async ingestAll(ctx: JobContext<IngestLogsData>): Promise<IngestLogsResult> {
    const { files, format, zone, leasesPath } = ctx.data;
    if (leasesPath) await this.ingest.importLeaseFile(leasesPath, ctx.actor);
    const sizes = await Promise.all(
      files.map((f) =>
        stat(f.path).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    const total = Math.max(
      1,
      sizes.reduce((a, b) => a + b, 0),
    );
    // several files run at once, up to INGEST_WORKERS, sharing the threads between them
    const lanes = Math.max(1, Math.min(this.config.ingestWorkers, files.length));
    const share = threadShare(sizes, this.config.ingestWorkers, this.config.ingestParallelMinBytes);
    const fingerprints = lanes > 1 ? await fingerprintsOf(files) : files.map((f) => f.fingerprint);
    const doneBytes = files.map(() => 0);
    let finished = 0;
    const results: FileIngestResult[] = new Array<FileIngestResult>(files.length);
    const one = async (i: number): Promise<void> => {
      const f = files[i];
      const result = await this.ingest.ingestFile(
        {
          path: f.path,
          name: f.name,
          fingerprint: fingerprints[i],
          format,
          zone,
          jobId: ctx.jobId,
          actor: ctx.actor,
          workers: share,
        },
        (percent) => {
          doneBytes[i] = Math.round((percent / 100) * sizes[i]);
          const bytes = doneBytes.reduce((a, b) => a + b, 0);
          return ctx.progress((bytes / total) * 100, { files: finished, bytes, size: total });
        },
      );
      doneBytes[i] = sizes[i];
      finished++;
      results[i] = result;
      if (!result.alreadyIngested) ingestLinesTotal.inc({ format: result.format }, result.lines);
      ctx.log(
        `${result.file}: ${result.alreadyIngested ? 'already ingested' : `${result.lines} lines, ${result.malformed} malformed`}`,
      );
    };
    await runLanes(sameContentTogether(fingerprints), lanes, one);
    await ctx.progress(100, { files: files.length, bytes: total, size: total });
    return summarise(results);
  }
}

/** Each file's content hash (undefined for a file that cannot be read: its ingest says why). */
function fingerprintsOf(files: IngestLogsData['files']): Promise<(string | undefined)[]> {
  return Promise.all(
    files.map(
      (f) =>
        f.fingerprint ??
        fingerprintFile(f.path).then(
          (p) => p.fingerprint,
          () => undefined,
        ),
    ),
  );
}

export function summarise(results: FileIngestResult[]): IngestLogsResult {
  const formats = [...new Set(results.map((r) => r.format))];
  const tools = new Map<string, { requests: number; bytes: number; ids: Set<string> }>();
  for (const r of results) {
    for (const [toolId, t] of Object.entries(r.tools)) {
      const acc = tools.get(toolId) ?? { requests: 0, bytes: 0, ids: new Set<string>() };
      acc.requests += t.requests;
      acc.bytes += t.bytes;
      for (const id of t.identities) acc.ids.add(id);
      tools.set(toolId, acc);
    }
  }
  const sortedTools: IngestLogsResult['tools'] = {};
  for (const [toolId, t] of [...tools].sort(([a], [b]) => a.localeCompare(b))) {
    sortedTools[toolId] = { requests: t.requests, bytes: t.bytes, identities: t.ids.size };
  }
  return {
    files: results.map((r) => r.file),
    format: formats.length === 1 ? formats[0] : formats.length === 0 ? 'none' : 'mixed',
    lines: results.reduce((a, r) => a + r.lines, 0),
    parsed: results.reduce((a, r) => a + r.parsed, 0),
    malformed: results.reduce((a, r) => a + r.malformed, 0),
    tools: sortedTools,
    alreadyIngested: results.filter((r) => r.alreadyIngested).map((r) => r.file),
    malformedSample: results.flatMap((r) => r.malformedSample.map((m) => ({ file: r.file, ...m }))),
    ingests: results.map((r) => r.ingestId),
    warnings: results.flatMap((r) => [...r.warnings, ...readingWarning(r)]),
  };
}

function readingWarning(r: FileIngestResult): string[] {
  if (r.lines === 0) return [`${r.file}: the file is empty`];
  if (r.parsed === 0)
    return [`${r.file}: none of its ${r.lines} lines could be read as ${r.format}`];
  if (r.malformed > r.parsed)
    return [`${r.file}: ${r.malformed} of ${r.lines} lines are malformed for ${r.format}`];
  return [];
}
