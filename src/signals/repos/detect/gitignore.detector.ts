import picomatch from 'picomatch';
import type { ToolMatch } from '../../../catalog/catalog.types';
import type { RepoTrace } from '../repo-scan.types';
import { traceConfidence } from './path-confidence';

/** What the .gitignore detector asks about paths (PathMatchCache in config-file.detector.ts). */
export interface PathMatcher {
  match(path: string): ToolMatch[];
}

// Folders many tools (and editors) share: an entry ignoring the whole folder names none of them,
// though one tool keeps a file there (.vscode/mcp.json, .github/copilot-instructions.md).
const SHARED_FOLDERS = new Set([
  '.vscode',
  '.idea',
  '.github',
  '.gitlab',
  '.devcontainer',
  '.config',
  '.well-known',
  '.zed',
  '.fleet',
  '.vs',
  '.local',
  '.cache',
  'docs',
  'doc',
  'src',
  'config',
  'scripts',
  'tools',
]);

const GLOB = /[*?[]/;
// a wildcard entry must keep this much of a name before its first wildcard (`.aider*`)
const MIN_NAME_PREFIX = 3;

/**
 * Entries of a .gitignore that name an AI tool's own artefact: its literal path, or a name or
 * folder that belongs to that tool alone. The tool's files exist locally for someone, but nothing
 * is committed, so the trace is weaker than a committed file (a lead on its own). A broad glob
 * (`*.json`, `/*.yml`) or a shared folder (`.vscode/`) that merely could hold one names nothing.
 */
export function detectGitignore(
  path: string,
  content: string,
  cache: PathMatcher,
  toolPathSamples: string[] = [],
): RepoTrace[] {
  const traces: RepoTrace[] = [];
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const seen = new Set<string>();
  content.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.trim();
    if (!entry || entry.startsWith('#') || entry.startsWith('!')) return;
    for (const m of namedArtefacts(entry, dir, cache, toolPathSamples)) {
      if (seen.has(`${m.toolId}|${entry}`)) continue;
      seen.add(`${m.toolId}|${entry}`);
      const detail: Record<string, unknown> = { rule: m.rule, gitignoreEntry: entry };
      traces.push({
        toolId: m.toolId,
        signal: 'config-file',
        path,
        line: index + 1,
        confidence: traceConfidence('gitignoreEntry', path, detail),
        detail,
        key: `gitignore:${entry}`,
      });
    }
  });
  return traces;
}

/** The tools whose artefact a .gitignore entry names, with the rule that shows it. */
export function namedArtefacts(
  entry: string,
  dir: string,
  cache: PathMatcher,
  samples: string[],
): { toolId: string; rule: string }[] {
  let e = entry.replace(/\\ /g, ' ');
  const anchored = e.startsWith('/') || e.slice(0, -1).includes('/');
  e = e
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/^\*\*\//, '');
  if (!e || e === '**') return [];
  if (!GLOB.test(e)) {
    const direct = cache.match(anchored ? dir + e : e);
    if (direct.length > 0) return direct.map((m) => ({ toolId: m.toolId, rule: m.rule }));
    const owner = folderOwner(e, cache, samples);
    return owner ? [{ toolId: owner, rule: `folder ${e}/` }] : [];
  }
  const segments = e.split('/');
  const k = segments.findIndex((s) => GLOB.test(s));
  const folder = segments.slice(0, k).join('/');
  const segment = segments[k];
  const prefix = segment.slice(0, segment.search(GLOB)).replace(/^\./, '');
  if (prefix.length < MIN_NAME_PREFIX) {
    // `.vscode/*`, `.cursor/rules/*.mdc`: everything in a folder, so the folder must be the tool's
    const owner = folder ? folderOwner(folder, cache, samples) : undefined;
    return owner ? [{ toolId: owner, rule: `folder ${folder}/` }] : [];
  }
  // `.aider*`, `CLAUDE*.md`: a name prefix, which must belong to one tool alone. Compared without
  // case, so `claude*` (CLAUDE.md and claude_desktop_config.json) names no single tool.
  const bare = !e.includes('/');
  const opts = { dot: true, nocase: true };
  const tools = new Map<string, string>();
  for (const s of samples) {
    const hit =
      picomatch.isMatch(s, e, opts) ||
      picomatch.isMatch(s, `${e}/**`, opts) ||
      (bare && picomatch.isMatch(s.split('/')[0], e, opts));
    if (hit) for (const m of cache.match(s)) tools.set(m.toolId, m.rule);
  }
  return tools.size === 1 ? [...tools].map(([toolId, rule]) => ({ toolId, rule })) : [];
}

/** The one tool a folder belongs to: every catalog path inside it is that tool's, and it is not shared. */
function folderOwner(folder: string, cache: PathMatcher, samples: string[]): string | undefined {
  if (SHARED_FOLDERS.has(folder.toLowerCase())) return undefined;
  const tools = new Set<string>();
  for (const s of samples) {
    if (!s.startsWith(`${folder}/`)) continue;
    for (const m of cache.match(s)) tools.add(m.toolId);
  }
  return tools.size === 1 ? [...tools][0] : undefined;
}

/** One concrete path per catalog path rule, for testing .gitignore entries against. */
export function toolPathSamples(pathRules: string[]): string[] {
  const out = new Set<string>();
  for (const rule of pathRules) {
    if (!/[*?[{]/.test(rule)) out.add(rule.endsWith('/') ? `${rule}x` : rule);
    else {
      // `**/CLAUDE.md`: the name itself, at the root
      const anywhere = /^\*\*\/([^*?[{]+)$/.exec(rule);
      if (anywhere) out.add(anywhere[1]);
      const base = picomatch.scan(rule).base;
      if (base && !base.startsWith('**')) out.add(`${base}/x`);
    }
  }
  return [...out];
}
