import { LOCAL_OPERATOR } from '../../auth/role';
import { JobName } from '../../jobs/job-names';
import { resolve } from 'node:path';
import type { ImportResult } from '../../signals/vendors/vendor-import.service';
import type { SyncResult } from '../../signals/vendors/vendor-sync.service';
import type { CliCommand } from '../cli-context';
import { jobsService } from '../lazy-services';

interface Opts {
  apiUrl?: string;
  org?: string;
  file?: string;
  userMap?: string;
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
        'github-copilot, cursor, anthropic, openai, chatgpt, amazon-q, google-workspace, entra, okta',
      )
      .option(
        '--api-url <url>',
        "the admin API's base URL (a proxy, a stand-in); default the vendor's",
      )
      .option('--org <org>', 'the GitHub organisation (github-copilot; default GITHUB_ORG)')
      .option(
        '--file <file>',
        'import an export file instead of calling the API: amazon-q (user activity report CSV), google-workspace (OAuth token log CSV), okta (System Log CSV/JSON), entra (sign-in log CSV/JSON)',
      )
      .option(
        '--user-map <file>',
        'amazon-q with --file: a userid,email CSV mapping IAM Identity Center user ids to e-mails',
      )
      .option('--json', 'print JSON')
      .action(async (connector: string, opts: Opts) => {
        if (opts.userMap && (connector !== 'amazon-q' || !opts.file))
          throw new Error('--user-map applies to amazon-q with --file only');
        if (opts.org && connector !== 'github-copilot')
          throw new Error(`--org applies to github-copilot only`);
        if (opts.file && (opts.apiUrl || opts.org))
          throw new Error('--file imports an export: --api-url and --org do not apply');
        const bar = ctx.progressBar(`sync ${connector}`);
        const result = await ctx
          .withApp(async (app) =>
            app.get(await jobsService()).run<SyncResult & Partial<ImportResult>>(
              JobName.VendorSync,
              opts.file
                ? {
                    connector,
                    file: resolve(opts.file),
                    ...(opts.userMap ? { userMap: resolve(opts.userMap) } : {}),
                  }
                : { connector, apiUrl: opts.apiUrl, credentialFromEnv: true, org: opts.org },
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
            ...(result.file
              ? [
                  `  ${result.file.name} (${result.file.format}): ${result.file.rows} rows, ${result.file.imported} read, ${result.file.added} evidence rows new or changed`,
                  ...(result.file.userIds
                    ? [
                        `  IAM Identity Center user ids: ${result.file.userIds.ids}, ${result.file.userIds.resolved} linked to a person (${result.file.userIds.linked} by ${result.file.userIds.mapFile ?? 'no map'} now), ${result.file.userIds.unmapped} to no one`,
                      ]
                    : []),
                ]
              : []),
          ].join('\n'),
        );
        // report lines that were not JSON were left out; the run kept the rest
        if (result.malformed)
          ctx.warn(
            `${result.connector}: ${result.malformed.count} report lines were not JSON and were left out, e.g. ${result.malformed.samples.join('; ')}`,
          );
        const file = result.file;
        if (file) {
          // the good rows are kept; each bad one is named by file, line and field
          for (const e of file.rejected)
            ctx.warn(`${file.name}:${e.line}: ${e.field}: ${e.message}`);
          if (file.rejectedRows > file.rejected.length)
            ctx.warn(`${file.name}: ${file.rejectedRows - file.rejected.length} more bad rows`);
          const ids = file.userIds;
          if (ids) {
            for (const e of ids.mapRejected)
              ctx.warn(`${ids.mapFile}:${e.line}: ${e.field}: ${e.message}`);
            // an id no one mapped is never guessed: it is named, for the map or the directory
            if (ids.unmapped > 0)
              ctx.warn(
                `${file.name}: ${ids.unmapped} IAM Identity Center user ids are mapped to no one (${ids.unmappedIds.join(', ')}${ids.unmapped > ids.unmappedIds.length ? ', …' : ''}): add them to --user-map, or as aliases in the directory`,
              );
          }
          if (file.rows > 0 && file.imported === 0)
            throw new Error(`${file.name}: no row could be read`);
        }
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
