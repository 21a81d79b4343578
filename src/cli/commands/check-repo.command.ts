import { Option } from 'commander';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import type { CliCommand } from '../cli-context';
import type { CheckRepoOptions } from './check-repo.action';

export const checkRepoCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('check-repo')
      .description(
        'fail (exit 1) when a checkout uses an AI tool the policy prohibits or outside its data classes',
      )
      .argument(
        '[path]',
        'the checkout to check (its git index: what is staged or checked out)',
        '.',
      )
      .option('--policy <file>', 'policy YAML (as `catalog policy-export` writes it)')
      .addOption(
        new Option('--api-url <url>', 'read policy and custom tools from this AI Census').env(
          'AI_CENSUS_API_URL',
        ),
      )
      .addOption(
        new Option('--token <token>', 'API token for --api-url').env('AI_CENSUS_TOKEN').hideHelp(),
      )
      .option(
        '--data-class <classes...>',
        `data classes the repository holds (${DATA_CLASSES.join(', ')}); else .ai-census.yml`,
      )
      .option('--sarif <file>', 'write SARIF 2.1.0 of the check to this file')
      .option('--json', 'print JSON')
      .option('--print-workflow', 'print a GitHub Actions workflow that runs this check')
      .action(async (path: string, opts: CheckRepoOptions) => {
        const { runCheckRepoCommand } = await import('./check-repo.action');
        await runCheckRepoCommand(path, opts, ctx, program.version() ?? '0.0.0');
      });
  },
};
