import { readFile, writeFile } from 'node:fs/promises';
import { Option } from 'commander';
import { CatalogService } from '../../catalog/catalog.service';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import {
  checkToSarif,
  renderCheckText,
} from '../../guardrails/enforcement/check-repo/check-repo.judge';
import { runCheckRepo } from '../../guardrails/enforcement/check-repo/check-repo.runner';
import { GITHUB_WORKFLOW } from '../../guardrails/enforcement/check-repo/ci-templates';
import {
  checkPolicyOf,
  fetchCheckPolicy,
  type CheckPolicy,
} from '../../guardrails/enforcement/check-repo/policy-source';
import { parseDataClassFlags } from '../../guardrails/enforcement/check-repo/repo-settings';
import { toolPathSamples } from '../../signals/repos/detect/config-file.detector';
import type { CliCommand, CliContext } from '../cli-context';

interface Opts {
  policy?: string;
  apiUrl?: string;
  token?: string;
  dataClass?: string[];
  sarif?: string;
  json?: boolean;
  printWorkflow?: boolean;
}

/** Exit codes: 0 passed, 1 a violation, 2 the check could not run (bad input, no policy). */
export const CHECK_FAILED = 1;
export const CHECK_ERROR = 2;

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
      .action(async (path: string, opts: Opts) => {
        if (opts.printWorkflow) {
          process.stdout.write(GITHUB_WORKFLOW);
          return;
        }
        try {
          const dataClasses = parseDataClassFlags(opts.dataClass ?? []);
          const policy = await loadPolicy(opts, ctx);
          const report = await runCheckRepo(path, policy, dataClasses);
          if (opts.sarif)
            await writeFile(
              opts.sarif,
              `${JSON.stringify(checkToSarif(report.repository, report, program.version() ?? '0.0.0'), null, 2)}\n`,
            );
          ctx.print(!!opts.json, report, (r) =>
            [
              renderCheckText(r.repository, r),
              `policy: ${r.policySource}; data classes: ${r.dataClasses.join(', ') || 'none'} (${r.dataClassSource})`,
              ...r.warnings.map((w) => `warning: ${w.path ? `${w.path}: ` : ''}${w.reason}`),
            ].join('\n'),
          );
          if (!report.passed) process.exitCode = CHECK_FAILED;
        } catch (error) {
          process.stderr.write(`ai-census: ${(error as Error).message.split('\n')[0]}\n`);
          process.exitCode = CHECK_ERROR;
        }
      });
  },
};

/**
 * The policy to judge by: a file (CI with the policy in the repository), a running AI Census
 * (CI without its database), or else the local AI Census store.
 */
async function loadPolicy(opts: Opts, ctx: CliContext): Promise<CheckPolicy> {
  if (opts.policy) return checkPolicyOf(opts.policy, await readFile(opts.policy, 'utf8'));
  if (opts.apiUrl) {
    if (!opts.token) throw new Error('--api-url needs the token in AI_CENSUS_TOKEN');
    return fetchCheckPolicy(opts.apiUrl, opts.token);
  }
  return ctx.withApp(async (app) => {
    const catalog = app.get(CatalogService);
    const matcher = await catalog.refresh();
    const policies = await catalog.policiesById();
    if ([...policies.values()].every((p) => p.status === 'unreviewed'))
      ctx.warn('no tool policy decided in this AI Census store: every tool passes as unreviewed');
    const tools = catalog.tools();
    const names = new Map(tools.map((t) => [t.id, t.name]));
    return {
      source: 'the local AI Census store',
      matcher,
      toolPathSamples: toolPathSamples(tools.flatMap((t) => t.rules.paths ?? [])),
      toolName: (id: string) => names.get(id) ?? id,
      policies,
      ignored: [],
    };
  });
}
