import { JobName } from '../../jobs/job-names';
import { renderToolsText } from '../../signals/repos/output/scan-report';
import type { ScanGithubResult } from '../../signals/repos/github-scan.service';
import type { CliCommand } from '../cli-context';
import { jobsService, repoReportService } from '../lazy-services';
import { writeJson } from './scan-repo.command';

interface Opts {
  apiUrl?: string;
  since?: string;
  sbom?: boolean;
  json?: boolean;
  sarif?: string;
  cyclonedx?: string;
}

export const scanGithubCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('scan-github')
      .description(
        'scan the repositories of a GitHub organisation or user (GITHUB_TOKEN from the environment)',
      )
      .argument('<owner>', 'organisation or user login')
      .option(
        '--api-url <url>',
        'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3); default GITHUB_API_URL',
      )
      .option('--since <date>', 'first scan: read commits since this date (YYYY-MM-DD)')
      .option(
        '--sbom',
        "also read each repository's dependency-graph SBOM (one more request per repository)",
      )
      .option('--sarif <dir>', 'also write one SARIF 2.1.0 file per repository into this folder')
      .option(
        '--cyclonedx <dir>',
        'also write one CycloneDX 1.6 AI-BOM per repository into this folder',
      )
      .option('--json', 'print JSON')
      .action(async (owner: string, opts: Opts) => {
        const bar = ctx.progressBar('scan-github');
        const result = await ctx
          .withApp(async (app) => {
            const out = await app
              .get(await jobsService())
              .run<ScanGithubResult>(
                JobName.ScanGithub,
                { owner, apiUrl: opts.apiUrl, since: opts.since, sbom: opts.sbom },
                (pct, counts) => bar.update(pct, counts),
              );
            const repos = app.get(await repoReportService());
            for (const r of out.repositories) {
              const file = r.repository.replace('/', '__');
              if (opts.sarif)
                await writeJson(
                  `${opts.sarif}/${file}.sarif`,
                  repos.renderSarif(r.repository, r.tools, r.leads),
                );
              if (opts.cyclonedx)
                await writeJson(
                  `${opts.cyclonedx}/${file}.cdx.json`,
                  repos.renderCycloneDx(r.repository, r.tools),
                );
            }
            return out;
          })
          .finally(() => bar.stop());
        ctx.print(
          !!opts.json,
          {
            owner: result.owner,
            requests: result.requests,
            repositories: result.repositories.map((r) => ({
              repository: r.repository,
              unchanged: r.unchanged,
              dataClasses: r.dataClasses,
              tools: r.tools,
              leads: r.leads,
              ...(r.error ? { error: r.error } : {}),
            })),
            orgTools: result.orgTools,
            warnings: result.warnings,
          },
          (v) =>
            [
              `${v.owner}: ${v.repositories.length} repositories, ${v.requests} GitHub requests`,
              ...v.repositories.map((r) =>
                r.error
                  ? `${r.repository}: not scanned (${r.error.code}): ${r.error.reason}`
                  : renderToolsText(r.repository, r.tools, r.leads),
              ),
              ...(v.orgTools.length
                ? [renderToolsText(`${v.owner} (organisation)`, v.orgTools)]
                : []),
              ...v.warnings.map((w) => `warning: ${w.path ? `${w.path}: ` : ''}${w.reason}`),
            ].join('\n'),
        );
      });
  },
};
