import { isScalar, LineCounter, parseDocument, visit, isPair } from 'yaml';
import type { ToolMatcher } from '../../../catalog/catalog.types';
import type { RepoTrace, ScanWarning } from '../repo-scan.types';
import { traceConfidence } from './path-confidence';

export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}

const URL_IN_TEXT = /\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?/gi;
// env values and `with:` inputs often hold a bare host ("OPENAI_BASE: api.openai.com")
const BARE_HOST = /^([a-z0-9-]+\.)+[a-z]{2,}$/i;

/** CI workflows that use AI actions (`uses:`) or call AI APIs (URLs in `run:`, `env:`, `with:`). */
export function detectWorkflow(
  path: string,
  content: string,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
): RepoTrace[] {
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    warnings.push({
      path,
      reason: `workflow is not valid YAML${line ? ` at line ${line}` : ''}: ${e.code}`,
    });
    return [];
  }
  const traces: RepoTrace[] = [];
  const seen = new Set<string>();
  const push = (
    toolId: string,
    offset: number | undefined,
    detail: Record<string, unknown>,
  ): void => {
    const line = offset === undefined ? undefined : lines.linePos(offset).line;
    const key = `${toolId}|${String(detail.uses ?? detail.host)}|${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    traces.push({
      toolId,
      signal: 'workflow',
      path,
      line,
      confidence: traceConfidence(
        detail.rule === 'workflow-action' ? 'workflowAction' : 'workflowApiHost',
        path,
        detail,
      ),
      detail,
      key: `${String(detail.uses ?? detail.host)}@${line}`,
    });
  };

  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return;
      if (pair.key.value !== 'uses' || typeof pair.value.value !== 'string') return;
      const uses = pair.value.value.trim();
      if (uses.startsWith('./') || uses.startsWith('docker://')) return;
      const toolId = matcher.matchWorkflowAction(uses);
      if (toolId) push(toolId, pair.value.range?.[0], { uses, rule: 'workflow-action' });
    },
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const text = node.value;
      const hosts = new Set<string>();
      for (const m of text.matchAll(URL_IN_TEXT)) hosts.add(m[1].toLowerCase());
      if (BARE_HOST.test(text.trim())) hosts.add(text.trim().toLowerCase());
      for (const host of hosts) {
        const toolId = matcher.matchHost(host);
        if (toolId) push(toolId, node.range?.[0], { host, rule: 'api-host' });
      }
    },
  });
  return traces;
}
