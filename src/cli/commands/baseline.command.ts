import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCAL_OPERATOR } from '../../auth/role';
import { CliContext } from '../cli-context';
import type { CliCommand } from '../cli-context';
import type { BaselineModel } from '../../reports/model/report.types';

interface BaselineOptions {
  out: string;
  demo?: boolean;
  organisation?: string;
  json?: boolean;
}

interface BaselineOutput {
  out: string;
  files: string[];
  skipped: string[];
  headline: BaselineModel['headline'];
  timings?: Record<string, number>;
}

export const baselineCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('baseline')
      .description('correlate and write the baseline, inventory and findings reports into a folder')
      .requiredOption(
        '--out <dir>',
        'folder for baseline.html/.pdf/.json, inventory.xlsx/.csv, findings.csv',
      )
      .option('--demo', 'build a demo organisation in a fresh embedded database and report on it')
      .option(
        '--organisation <name>',
        'organisation name printed on the reports',
        'the organisation',
      )
      .option('--json', 'print JSON')
      .action(async (opts: BaselineOptions) => {
        const out = resolve(opts.out);
        const result = opts.demo ? await runDemo(out, ctx) : await runReal(out, opts, ctx);
        ctx.print(!!opts.json, result, text);
      });
  },
};

async function runReal(
  out: string,
  opts: BaselineOptions,
  ctx: CliContext,
): Promise<BaselineOutput> {
  return ctx.withApp(async (app) => {
    const { CorrelationService } = await import('../../findings/correlation/correlation.service');
    const { ReportExportService } = await import('../../reports/report-export.service');
    const bar = ctx.progressBar('correlate');
    await app
      .get(CorrelationService)
      .correlate(new Date(), (pct, counts) => bar.update(pct, counts), LOCAL_OPERATOR);
    bar.stop();
    const set = await app.get(ReportExportService).exportSet(out, {
      organisation: opts.organisation ?? 'the organisation',
      actor: LOCAL_OPERATOR,
    });
    return {
      out,
      files: set.files,
      skipped: set.skipped,
      headline: (set.baseline.model as BaselineModel).headline,
    };
  });
}

async function runDemo(out: string, ctx: CliContext): Promise<BaselineOutput> {
  // Never mix demo people into a real database: the demo has its own embedded one under DIR.
  const dataDir = join(out, '.demo-data');
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const demoCtx = new CliContext({
    ...process.env,
    DATABASE_URL: '',
    REDIS_URL: '',
    AI_CENSUS_DATA_DIR: dataDir,
  });
  const result = await demoCtx.withApp(async (app) => {
    const { DemoBaselineService } = await import('../../demo/demo-baseline.service');
    const bar = ctx.progressBar('demo');
    const run = await app.get(DemoBaselineService).run(out, { progress: (pct) => bar.update(pct) });
    bar.stop();
    return run;
  });
  rmSync(dataDir, { recursive: true, force: true });
  return {
    out,
    files: result.files,
    skipped: result.skipped,
    headline: (result.baseline.model as BaselineModel).headline,
    timings: result.timings,
  };
}

function text(v: BaselineOutput): string {
  const h = v.headline;
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  return [
    `Baseline written to ${v.out}`,
    `  ${pct(h.observedShare)} observed using AI (${h.observedUsers} of ${h.headcount}); ${pct(h.selfReportedShare)} self-reported`,
    `  ${h.toolsInUse} tools in use, ${h.toolsSanctioned} sanctioned; ${h.shadowFindings} shadow findings (${h.shadowByTier.critical} critical, ${h.shadowByTier.high} high)`,
    `  disclosure gap ${pct(h.disclosureGap)}`,
    ...v.files.map((f) => `  ${f}`),
    ...v.skipped.map((s) => `  skipped ${s}`),
  ].join('\n');
}
