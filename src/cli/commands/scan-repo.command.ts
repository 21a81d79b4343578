import { writeFile } from 'node:fs/promises';
import { JobName } from '../../jobs/job-names';
import { renderToolsText } from '../../signals/repos/output/scan-report';
import type { ScanRepoResult } from '../../signals/repos/local-scan.service';
import type { CliCommand } from '../cli-context';
import { jobsService, repoReportService } from '../lazy-services';

interface Opts {
  since?: string;
  full?: boolean;
  json?: boolean;
  sarif?: string;
  cyclonedx?: string;
}

export const scanRepoCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('scan-repo')
      .description(
        'scan a local git checkout for AI tool traces (files, history, workflows, extensions, dependencies)',
      )
      .argument('<path>', 'the checkout to scan')
      .option('--since <date>', 'first scan: read history since this date (YYYY-MM-DD)')
      .option('--full', 'read all history again, not only commits since the last scan')
      .option('--sarif <file>', 'also write SARIF 2.1.0 of the traces to this file')
      .option('--cyclonedx <file>', 'also write a CycloneDX 1.6 AI-BOM to this file')
      .option('--json', 'print JSON')
      .action(async (path: string, opts: Opts) => {
        const bar = ctx.progressBar('scan-repo');
        const result = await ctx
          .withApp(async (app) => {
            const out = await app
              .get(await jobsService())
              .run<ScanRepoResult>(
                JobName.ScanRepo,
                { path, since: opts.since, full: opts.full },
                (pct, counts) => bar.update(pct, counts),
              );
            const repos = app.get(await repoReportService());
            if (opts.sarif)
              await writeJson(opts.sarif, repos.renderSarif(out.repository, out.tools, out.leads));
            if (opts.cyclonedx)
              await writeJson(opts.cyclonedx, repos.renderCycloneDx(out.repository, out.tools));
            return out;
          })
          .finally(() => bar.stop());
        ctx.print(
          !!opts.json,
          {
            repository: result.repository,
            headCommit: result.headCommit,
            tools: result.tools,
            leads: result.leads,
            warnings: result.warnings,
          },
          (v) =>
            [
              renderToolsText(v.repository, v.tools, v.leads),
              ...v.warnings.map((w) => `warning: ${w.path ? `${w.path}: ` : ''}${w.reason}`),
            ].join('\n'),
        );
      });
  },
};

export async function writeJson(file: string, value: object): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
