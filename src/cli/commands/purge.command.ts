import { JobName } from '../../jobs/job-names';
import type { PurgeResult } from '../../privacy/retention/retention.types';
import type { CliCommand } from '../cli-context';
import { jobsService } from '../lazy-services';

export const purgeCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('purge')
      .description(
        'remove what is past its retention period (RETENTION_*_DAYS) and say what, per kind of data',
      )
      .option('--dry-run', 'count what would go, remove nothing')
      .option('--json', 'print JSON')
      .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
        const bar = ctx.progressBar('purge');
        const result = await ctx.withApp(async (app) =>
          app
            .get(await jobsService())
            .run<PurgeResult>(JobName.Purge, { dryRun: !!opts.dryRun }, (p, c) => bar.update(p, c)),
        );
        bar.stop();
        ctx.print(!!opts.json, result, describe);
      });
  },
};

function describe(r: PurgeResult): string {
  const verb = r.dryRun ? 'would remove' : 'removed';
  return Object.entries(r.kinds)
    .map(([kind, k]) =>
      k.retentionDays === null
        ? `${kind}: no retention period set, nothing removed`
        : `${kind}: ${verb} ${k.rows} rows older than ${k.retentionDays} days` +
          (k.partitionsDropped.length > 0
            ? ` (${k.partitionsDropped.length} whole month partitions)`
            : '') +
          (kind === 'surveys'
            ? ` (${r.kinds.surveys.responses} answers, ${r.kinds.surveys.invitations} invitations, ` +
              `${r.kinds.surveys.drafts} drafts of ${r.kinds.surveys.surveys} surveys closed longer ago)`
            : ''),
    )
    .join('\n');
}
