import type { ToolView } from './scan-report';

export interface ToolInfo {
  name: string;
  vendor?: string;
}

type Lookup = (toolId: string) => ToolInfo | undefined;

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per signal, one result per trace that has a file
 * location (code scanning needs one; commit and seat traces go to the AI-BOM instead).
 */
export function renderSarif(
  repository: string,
  tools: ToolView[],
  lookup: Lookup,
  version = '0.1.0',
): object {
  const signals = [...new Set(tools.flatMap((t) => t.signals.map((s) => s.signal)))].sort();
  const rules = signals.map((s) => ({
    id: `ai-tool/${s}`,
    name: `AiTool${s.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
    shortDescription: { text: `AI tool trace: ${s}` },
    fullDescription: {
      text: `A trace that an AI tool is used in this repository (${s}). Review it against the AI tool policy.`,
    },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['ai-census', 'ai-tool', s] },
  }));
  const results = tools.flatMap((t) =>
    t.signals
      .filter((s) => s.path)
      .map((s) => {
        const name = lookup(t.toolId)?.name ?? t.toolId;
        const what = describeTrace(s.signal, s.detail);
        return {
          ruleId: `ai-tool/${s.signal}`,
          ruleIndex: signals.indexOf(s.signal),
          level: 'note',
          message: {
            text: `${name}: ${what}${s.confidence < 1 ? ` (confidence ${s.confidence})` : ''}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: s.path, uriBaseId: '%SRCROOT%' },
                region: { startLine: s.line ?? 1 },
              },
            },
          ],
          partialFingerprints: {
            'aiCensusTrace/v1': `${t.toolId}|${s.signal}|${s.path}|${s.line ?? ''}|${s.commit ?? ''}`,
          },
          properties: {
            toolId: t.toolId,
            signal: s.signal,
            confidence: s.confidence,
            ...(s.commit ? { commit: s.commit } : {}),
          },
        };
      }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-census',
            informationUri: 'https://github.com/',
            semanticVersion: version,
            rules,
          },
        },
        automationDetails: { id: `ai-census/${repository}/` },
        results,
      },
    ],
  };
}

/** A trace in a few words, as SARIF messages and check-repo print it. */
export function describeTrace(signal: string, detail: Record<string, unknown>): string {
  if (detail.gitignoreEntry) return `.gitignore lists its files (${String(detail.gitignoreEntry)})`;
  if (detail.history === 'deleted')
    return `config file deleted in ${String(detail.deletedCommit).slice(0, 12)}`;
  if (detail.uses) return `workflow uses ${String(detail.uses)}`;
  if (detail.host) return `workflow calls ${String(detail.host)}`;
  if (detail.extension) return `recommended extension ${String(detail.extension)}`;
  if (detail.package)
    return `dependency ${String(detail.package)}${detail.version ? `@${String(detail.version)}` : ''}`;
  return signal === 'config-file' ? 'assistant config file' : signal;
}
