import { InvalidArgumentError } from 'commander';
import { JobName } from '../../jobs/job-names';
import type { DiagnosticsResult } from '../../jobs/diagnostics.processor';
import type { CliCommand } from '../cli-context';
import { jobsService } from '../lazy-services';

export const diagnosticsCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('diagnostics')
      .description('run the self-test job here: database round trips with progress')
      .option('--steps <n>', 'number of steps', (v) => parsePositive(v, '--steps'), 10)
      .option(
        '--step-ms <ms>',
        'pause per step in milliseconds',
        (v) => parsePositive(v, '--step-ms'),
        100,
      )
      .option('--json', 'print JSON')
      .action(async (opts: { steps: number; stepMs: number; json?: boolean }) => {
        const bar = ctx.progressBar('diagnostics');
        const result = await ctx.withApp(async (app) =>
          app
            .get(await jobsService())
            .run<DiagnosticsResult>(
              JobName.Diagnostics,
              { steps: opts.steps, stepMs: opts.stepMs },
              (p, c) => bar.update(p, c),
            ),
        );
        bar.stop();
        ctx.print(
          !!opts.json,
          result,
          (r) => `OK: ${r.databaseRoundTrips} database round trips on ${r.worker}`,
        );
      });
  },
};

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`${flag} must be a whole number ≥ 0.`);
  return n;
}
