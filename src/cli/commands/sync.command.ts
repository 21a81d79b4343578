import { LOCAL_OPERATOR } from '../../auth/role';
import { JobName } from '../../jobs/job-names';
import type { SyncResult } from '../../signals/vendors/vendor-sync.service';
import type { CliCommand } from '../cli-context';
import { jobsService } from '../lazy-services';

interface Opts {
  apiUrl?: string;
  org?: string;
  file?: string;
  json?: boolean;
}

export const syncCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('sync')
      .description(
        'run one vendor or identity connector once, as its schedule would (credential from the environment, e.g. CURSOR_API_KEY, else the stored one)',
      )
      .argument(
        '<connector>',
        'github-copilot, cursor, anthropic, openai, amazon-q, google-workspace, entra, okta',
      )
      .option(
        '--api-url <url>',
        "the admin API's base URL (a proxy, a stand-in); default the vendor's",
      )
      .option('--org <org>', 'the GitHub organisation (github-copilot; default GITHUB_ORG)')
      .option(
        '--file <file>',
        'import an export file instead of calling the API, where the vendor offers one',
      )
      .option('--json', 'print JSON')
      .action(async (connector: string, opts: Opts) => {
        // the connectors built so far read APIs only; an export file or an org is refused by name
        if (opts.file)
          throw new Error(`--file: ${connector} is read through its admin API, not an export file`);
        if (opts.org && connector !== 'github-copilot')
          throw new Error(`--org applies to github-copilot only`);
        const bar = ctx.progressBar(`sync ${connector}`);
        const result = await ctx
          .withApp(async (app) =>
            app
              .get(await jobsService())
              .run<SyncResult>(
                JobName.VendorSync,
                { connector, apiUrl: opts.apiUrl, credentialFromEnv: true, org: opts.org },
                (pct, counts) => bar.update(pct, counts),
              ),
          )
          .finally(() => bar.stop());
        ctx.print(!!opts.json, result, () =>
          [
            `${result.connector}: ${result.requests} requests`,
            ...Object.entries(result.evidence).map(([s, n]) => `  ${s}: ${n} evidence rows`),
            `  people: ${result.people.resolved} resolved, ${result.people.unresolved} not in the directory`,
            ...Object.entries(result.tools).map(
              ([t, v]) => `  ${t}: ${v.seats} seats, ${v.activeUsers} active users (30 days)`,
            ),
          ].join('\n'),
        );
      });
    program
      .command('connectors-rotate-key')
      .description(
        're-seal every stored connector credential with CONNECTOR_CREDENTIALS_KEY (the old key in CONNECTOR_CREDENTIALS_KEY_PREVIOUS)',
      )
      .option('--json', 'print JSON')
      .action(async (opts: { json?: boolean }) => {
        const result = await ctx.withApp(async (app) =>
          app
            .get((await import('../../signals/vendors/vendor-sync.service')).VendorSyncService)
            .rotateKey(LOCAL_OPERATOR),
        );
        ctx.print(!!opts.json, result, () => `${result.resealed} credentials re-sealed`);
      });
  },
};
