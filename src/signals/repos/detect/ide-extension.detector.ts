import { XMLParser } from 'fast-xml-parser';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ToolMatcher } from '../../../catalog/catalog.types';
import type { RepoTrace, ScanWarning } from '../repo-scan.types';
import { traceConfidence } from './path-confidence';

type IdeFileKind = 'vscode-extensions' | 'devcontainer' | 'code-workspace' | 'idea-dependencies';

export function ideFileKind(path: string): IdeFileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (path === '.vscode/extensions.json' || path.endsWith('/.vscode/extensions.json'))
    return 'vscode-extensions';
  if (
    name === '.devcontainer.json' ||
    (name === 'devcontainer.json' && /(^|\/)\.devcontainer\//.test(path))
  )
    return 'devcontainer';
  if (name.endsWith('.code-workspace')) return 'code-workspace';
  if (path === '.idea/externalDependencies.xml' || path.endsWith('/.idea/externalDependencies.xml'))
    return 'idea-dependencies';
  return undefined;
}

/** AI extensions a repository asks its developers to install (VS Code, dev containers, JetBrains). */
export function detectIdeExtensions(
  path: string,
  content: string,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
): RepoTrace[] {
  const kind = ideFileKind(path);
  if (!kind) return [];
  let ids: string[];
  try {
    ids = kind === 'idea-dependencies' ? ideaPlugins(content) : vscodeIds(kind, content);
  } catch (err) {
    warnings.push({ path, reason: (err as Error).message });
    return [];
  }
  const traces: RepoTrace[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const toolId = matcher.matchIdeExtension(id);
    if (!toolId || seen.has(`${toolId}|${id.toLowerCase()}`)) continue;
    seen.add(`${toolId}|${id.toLowerCase()}`);
    const detail: Record<string, unknown> = { extension: id, source: kind, rule: 'ide-extension' };
    traces.push({
      toolId,
      signal: 'ide-extension',
      path,
      line: lineOf(content, id),
      confidence: traceConfidence('ideRecommendation', path, detail),
      detail,
      key: id.toLowerCase(),
    });
  }
  return traces;
}

function vscodeIds(kind: Exclude<IdeFileKind, 'idea-dependencies'>, content: string): string[] {
  const errors: ParseError[] = [];
  const doc: unknown = parseJsonc(content, errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  if (errors.length > 0) {
    const e = errors[0];
    throw new Error(
      `not valid JSON with comments at line ${lineAt(content, e.offset)}: ${printParseErrorCode(e.error)}`,
    );
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'vscode-extensions':
      return strings(obj.recommendations);
    case 'code-workspace':
      return strings((obj.extensions as Record<string, unknown> | undefined)?.recommendations);
    case 'devcontainer': {
      const vscode = (obj.customizations as Record<string, Record<string, unknown>> | undefined)
        ?.vscode;
      // `extensions` at the top level is the older devcontainer.json form
      return [...strings(vscode?.extensions), ...strings(obj.extensions)];
    }
  }
}

function ideaPlugins(content: string): string[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (_n, _j, _l, isAttribute) => !isAttribute,
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(content, true) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`not valid XML: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'plugin')
        for (const p of v as Record<string, unknown>[])
          if (typeof p['@id'] === 'string') ids.push(p['@id']);
      walk(v);
    }
  };
  walk(doc);
  return ids;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function lineAt(content: string, offset: number): number {
  return content.slice(0, offset).split('\n').length;
}

function lineOf(content: string, needle: string): number | undefined {
  const i = content.toLowerCase().indexOf(`"${needle.toLowerCase()}"`);
  const j = i >= 0 ? i : content.indexOf(needle);
  return j >= 0 ? lineAt(content, j) : undefined;
}
