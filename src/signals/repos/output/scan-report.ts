import { strengthOf } from '../../../evidence/confidence';
import type { EvidenceRecord } from '../../../evidence/evidence.types';
import type { RepoTrace } from '../repo-scan.types';

/** One trace as the CLI and API print it (the DESIGN.md scan-repo contract). */
export interface SignalView {
  signal: string;
  path?: string;
  line?: number;
  commit?: string;
  identity?: string;
  confidence: number;
  firstSeen?: string;
  lastSeen?: string;
  detail: Record<string, unknown>;
}

export interface ToolView {
  toolId: string;
  signals: SignalView[];
}

/** Traces found by this scan, grouped by tool. */
export function toolsOf(traces: RepoTrace[]): ToolView[] {
  return groupByTool(
    traces.map((t) => ({
      toolId: t.toolId,
      view: {
        signal: t.signal,
        ...(t.path !== undefined ? { path: t.path } : {}),
        ...(t.line !== undefined ? { line: t.line } : {}),
        ...(t.commit !== undefined ? { commit: t.commit } : {}),
        ...(t.identity ? { identity: t.identity.value } : {}),
        confidence: t.confidence,
        firstSeen: t.firstSeen?.toISOString(),
        lastSeen: t.lastSeen?.toISOString(),
        detail: t.detail,
      },
    })),
  );
}

/** Stored evidence of a repository, grouped by tool like a scan's own traces. */
export function toolsOfEvidence(rows: EvidenceRecord[]): ToolView[] {
  return groupByTool(
    rows.map((e) => {
      const { path, line, commit, ...detail } = e.detail as {
        path?: string;
        line?: number;
        commit?: string;
      };
      return {
        toolId: e.toolId,
        view: {
          signal: e.signal,
          ...(path !== undefined ? { path } : {}),
          ...(line !== undefined ? { line } : {}),
          ...(commit !== undefined ? { commit } : {}),
          ...(e.identityValue ? { identity: e.identityValue } : {}),
          confidence: Number(e.confidence),
          firstSeen: new Date(e.firstSeen).toISOString(),
          lastSeen: new Date(e.lastSeen).toISOString(),
          detail,
        },
      };
    }),
  );
}

/** The one grouping: tools by id, each tool's signals by signal, path and commit. */
function groupByTool(entries: { toolId: string; view: SignalView }[]): ToolView[] {
  const byTool = new Map<string, SignalView[]>();
  for (const { toolId, view } of entries) {
    const list = byTool.get(toolId) ?? [];
    list.push(view);
    byTool.set(toolId, list);
  }
  return [...byTool.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([toolId, signals]) => ({
      toolId,
      signals: signals.sort(
        (a, b) =>
          a.signal.localeCompare(b.signal) ||
          (a.path ?? '').localeCompare(b.path ?? '') ||
          (a.commit ?? '').localeCompare(b.commit ?? ''),
      ),
    }));
}

/**
 * Claimed tools and leads (DESIGN.md's contract): a tool whose evidence is only weak is a lead,
 * kept for review but never counted as use, unless weak evidence from another, independent
 * source (commit history beside repository files) corroborates it.
 */
export function claimsAndLeads(tools: ToolView[]): { tools: ToolView[]; leads: ToolView[] } {
  const claimed: ToolView[] = [];
  const leads: ToolView[] = [];
  for (const t of tools) (strengthOf(t.signals) === 'claim' ? claimed : leads).push(t);
  return { tools: claimed, leads };
}

/** A short human summary for the CLI's text mode. */
export function renderToolsText(
  repository: string,
  tools: ToolView[],
  leads: ToolView[] = [],
): string {
  if (tools.length === 0 && leads.length === 0) return `${repository}: no AI tool traces`;
  const lines = [`${repository}:`];
  const line = (t: ToolView, tag: string) => {
    const signals = [...new Set(t.signals.map((s) => s.signal))].join(', ');
    lines.push(
      `  ${t.toolId.padEnd(24)} ${String(t.signals.length).padStart(4)} trace(s): ${signals}${tag}`,
    );
  };
  for (const t of tools) line(t, '');
  for (const t of leads) line(t, ' (lead: weak evidence only, for review)');
  return lines.join('\n');
}
