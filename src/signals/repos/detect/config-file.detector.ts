import picomatch from 'picomatch';
import type { ToolMatch, ToolMatcher } from '../../../catalog/catalog.types';
import type { RepoCommit, RepoSnapshot, RepoTrace } from '../repo-scan.types';
import { withPathConfidence } from './path-confidence';

interface PathHistory {
  added?: { sha: string; date: Date };
  deletions: { sha: string; date: Date; added?: { sha: string; date: Date } }[];
}

/** Caches matchPath: history walks ask about the same paths thousands of times. */
export class PathMatchCache {
  private readonly cache = new Map<string, ToolMatch[]>();
  constructor(private readonly matcher: ToolMatcher) {}

  match(path: string): ToolMatch[] {
    let hit = this.cache.get(path);
    if (!hit) {
      hit = this.matcher.matchPath(path);
      this.cache.set(path, hit);
    }
    return hit;
  }
}

/**
 * Assistant config files in the current tree, in history (added then deleted) and named in
 * .gitignore files. `commits` are newest first, as git log and the GitHub API return them.
 */
export function detectConfigFiles(
  snapshot: RepoSnapshot,
  matcher: ToolMatcher,
  cache = new PathMatchCache(matcher),
  toolPathSamples: string[] = [],
): RepoTrace[] {
  const traces: RepoTrace[] = [];
  const history = snapshot.commitsHaveChanges ? followHistory(snapshot.commits, cache) : new Map();

  for (const file of snapshot.files) {
    for (const m of cache.match(file.path)) {
      // the add date goes to firstSeen only: an incremental scan cannot know it, and the
      // evidence row keeps the earliest firstSeen it was given
      const added = history.get(file.path)?.added;
      const detail: Record<string, unknown> = { rule: m.rule };
      traces.push({
        toolId: m.toolId,
        signal: m.signal,
        path: file.path,
        firstSeen: added?.date,
        confidence: withPathConfidence(file.path, detail),
        detail,
      });
    }
  }

  for (const [path, h] of history) {
    for (const del of h.deletions) {
      for (const m of cache.match(path)) {
        const detail: Record<string, unknown> = {
          rule: m.rule,
          history: 'deleted',
          deletedCommit: del.sha,
          deletedAt: del.date.toISOString(),
        };
        if (del.added) {
          detail.addedCommit = del.added.sha;
          detail.addedAt = del.added.date.toISOString();
        }
        traces.push({
          toolId: m.toolId,
          signal: m.signal,
          path,
          commit: del.sha,
          firstSeen: del.added?.date ?? del.date,
          lastSeen: del.date,
          confidence: withPathConfidence(path, detail),
          detail,
          key: `deleted:${del.sha}`,
        });
      }
    }
  }

  for (const file of snapshot.files) {
    if (file.path !== '.gitignore' && !file.path.endsWith('/.gitignore')) continue;
    const content = snapshot.contents.get(file.path);
    if (content !== undefined)
      traces.push(...detectGitignore(file.path, content, cache, toolPathSamples));
  }
  return traces;
}

function followHistory(commits: RepoCommit[], cache: PathMatchCache): Map<string, PathHistory> {
  const out = new Map<string, PathHistory>();
  for (let i = commits.length - 1; i >= 0; i--) {
    const c = commits[i];
    for (const change of c.changes ?? []) {
      if (change.status === 'M' || cache.match(change.path).length === 0) continue;
      let h = out.get(change.path);
      if (!h) out.set(change.path, (h = { deletions: [] }));
      const at = { sha: c.sha, date: c.date };
      if (change.status === 'A') h.added = at;
      else {
        h.deletions.push({ ...at, added: h.added });
        h.added = undefined;
      }
    }
  }
  return out;
}

/** Entries of a .gitignore that name an AI tool's files: the tool is used, its files kept local. */
export function detectGitignore(
  path: string,
  content: string,
  cache: PathMatchCache,
  toolPathSamples: string[] = [],
): RepoTrace[] {
  const traces: RepoTrace[] = [];
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const seen = new Set<string>();
  content.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.trim();
    if (!entry || entry.startsWith('#') || entry.startsWith('!')) return;
    const candidates = [
      ...gitignoreCandidates(entry, dir),
      ...samplesMatching(entry, toolPathSamples),
    ];
    for (const candidate of candidates) {
      for (const m of cache.match(candidate)) {
        if (seen.has(`${m.toolId}|${entry}`)) continue;
        seen.add(`${m.toolId}|${entry}`);
        const detail: Record<string, unknown> = { rule: m.rule, gitignoreEntry: entry };
        traces.push({
          toolId: m.toolId,
          signal: m.signal,
          path,
          line: index + 1,
          confidence: withPathConfidence(path, detail),
          detail,
          key: `gitignore:${entry}`,
        });
      }
    }
  });
  return traces;
}

/**
 * Catalog paths a wildcard entry covers (`.aider*` covers `.aider.conf.yml`). Git matches an entry
 * without a slash against any single path segment, so the first segment is tried as well.
 */
function samplesMatching(entry: string, samples: string[]): string[] {
  if (!/[*?[]/.test(entry) || samples.length === 0) return [];
  const glob = entry.replace(/^\/+/, '').replace(/\/+$/, '');
  const bare = !glob.includes('/');
  return samples.filter(
    (s) =>
      picomatch.isMatch(s, glob, { dot: true }) ||
      picomatch.isMatch(s, `${glob}/**`, { dot: true }) ||
      (bare && picomatch.isMatch(s.split('/')[0], glob, { dot: true })),
  );
}

/** One concrete path per catalog path rule, for testing .gitignore wildcards against. */
export function toolPathSamples(pathRules: string[]): string[] {
  const out = new Set<string>();
  for (const rule of pathRules) {
    if (!/[*?[{]/.test(rule)) out.add(rule.endsWith('/') ? `${rule}x` : rule);
    else {
      const base = picomatch.scan(rule).base;
      if (base && !base.startsWith('**')) out.add(`${base}/x`);
    }
  }
  return [...out];
}

const DIRECTORY_PROBES = [
  'x',
  'settings.json',
  'mcp.json',
  'config.json',
  'rules/x.md',
  'rules/x.mdc',
];

function gitignoreCandidates(entry: string, dir: string): string[] {
  let e = entry.replace(/\\ /g, ' ');
  const anchored = e.startsWith('/') || e.slice(0, -1).includes('/');
  e = e
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/^\*\*\//, '');
  const plain = e.replace(/\*+/g, '').replace(/\/+$/, '');
  if (plain.replace(/[./]/g, '').length < 2) return [];
  const base = anchored ? dir : '';
  const out = new Set<string>();
  for (const p of [e, plain]) {
    if (p.includes('*') || p.includes('?') || p.includes('[')) continue;
    out.add(base + p);
    // an ignored folder: probe a few ordinary file names inside it, since rules are globs
    for (const probe of DIRECTORY_PROBES) out.add(`${base}${p}/${probe}`);
  }
  return [...out];
}
