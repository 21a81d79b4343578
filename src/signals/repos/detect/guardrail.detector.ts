import type { RepoGuardrail } from '../repo-scan.types';
import { isWorkflowPath } from './workflow.detector';

export function isPreCommitConfigPath(path: string): boolean {
  return path === '.pre-commit-config.yaml' || path === '.pre-commit-config.yml';
}

// The check's command as a workflow or hook runs it: `ai-census check-repo`, `npx ai-census
// check-repo`, `node dist/cli.js check-repo` in a file that names ai-census, or the hook id
// `ai-census-check-repo`. Another project's own "check-repo" script is not AI Census's check.
const NAMED_COMMAND = /\bai-census(?:@[\w.^~-]+)?\s+check-repo\b/i;
const HOOK_ID = /\bid:\s*["']?ai-census-check-repo\b/i;
const CLI_COMMAND = /\bcli\.js\s+check-repo\b/i;

/** Which guardrails a repository's CI workflows and pre-commit hooks run. */
export function detectGuardrails(contents: ReadonlyMap<string, string>): RepoGuardrail[] {
  for (const [path, content] of contents) {
    if (!isWorkflowPath(path) && !isPreCommitConfigPath(path)) continue;
    const lines = content.split('\n').filter((l) => !/^\s*#/.test(l));
    const text = lines.join('\n');
    if (NAMED_COMMAND.test(text) || HOOK_ID.test(text)) return ['check-repo'];
    if (CLI_COMMAND.test(text) && /ai-census/i.test(text)) return ['check-repo'];
  }
  return [];
}
