import { readFile, writeFile } from 'node:fs/promises';
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
import type { CliContext } from '../cli-context';

export interface CheckRepoOptions {
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

type Opts = CheckRepoOptions;

/** What `check-repo` does once its options are parsed; apart so --help loads none of it. */
export async function runCheckRepoCommand(
  path: string,
  opts: Opts,
  ctx: CliContext,
  version: string,
): Promise<void> {
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
        `${JSON.stringify(checkToSarif(report.repository, report, version), null, 2)}\n`,
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
}

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
    const { CatalogService } = await import('../../catalog/catalog.service');
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
