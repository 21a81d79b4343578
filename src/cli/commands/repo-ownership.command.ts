import { Option } from 'commander';
import { LOCAL_OPERATOR } from '../../auth/role';
import type { CliCommand } from '../cli-context';

interface Opts {
  team?: string;
  clearTeam?: boolean;
  dataClasses?: string;
  clearDataClasses?: boolean;
  json?: boolean;
}

export const repoOwnershipCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('repo-ownership')
      .description(
        'set the team that owns a repository and the data classes it holds (correlation and reports use both)',
      )
      .argument(
        '<repository>',
        'its id, or its name as the scans give it (owner/name, folder name)',
      )
      .option('--team <team>', 'the owning team: its path ("Engineering/Platform") or name')
      .addOption(
        new Option(
          '--clear-team',
          'the repository has no owning team (a GitHub scan may set one)',
        ).conflicts('team'),
      )
      .option(
        '--data-classes <list>',
        'comma-separated: public, internal, confidential, pii, phi, pci',
      )
      .addOption(
        new Option('--clear-data-classes', 'use the data classes the scan read again').conflicts(
          'dataClasses',
        ),
      )
      .option('--json', 'print JSON')
      .action(async (repository: string, opts: Opts) => {
        const repo = await ctx.withApp(async (app) =>
          app
            .get((await import('../../signals/repos/repo-ownership.service')).RepoOwnershipService)
            .set(
              repository,
              {
                team: opts.clearTeam ? null : opts.team,
                dataClasses: opts.clearDataClasses
                  ? null
                  : opts.dataClasses
                      ?.split(',')
                      .map((c) => c.trim())
                      .filter(Boolean),
              },
              LOCAL_OPERATOR,
            ),
        );
        ctx.print(
          !!opts.json,
          {
            id: repo.id,
            repository: repo.name,
            team: repo.team,
            teamSource: repo.teamSource,
            dataClasses: repo.declaredDataClasses ?? repo.classification.dataClasses,
          },
          (r) =>
            `${r.repository}: team ${r.team ?? 'none'}, data classes ${r.dataClasses.join(', ') || 'none'}`,
        );
      });
  },
};
