import type { ToolMatch, ToolMatcher } from '../../../catalog/catalog.types';
import type { RepoCommit, RepoSnapshot, RepoTrace } from '../repo-scan.types';
import { detectGitignore, toolPathSamples } from './gitignore.detector';
import { traceConfidence } from './path-confidence';

export { detectGitignore, toolPathSamples };

interface Seen {
  sha: string;
  date: Date;
  ref?: string;
}

interface PathHistory {
  added?: Seen;
  deletions: (Seen & { added?: Seen })[];
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
 * Assistant config files (every tool's, generic agent files included) in the current tree, in
 * history (added then deleted, or added on a branch other than HEAD) and named in .gitignore
 * files. `commits` are newest first, as git log and the GitHub API return them.
 */
export function detectConfigFiles(
  snapshot: RepoSnapshot,
  matcher: ToolMatcher,
  cache = new PathMatchCache(matcher),
  samples: string[] = [],
): RepoTrace[] {
  const traces: RepoTrace[] = [];
  const history = snapshot.commitsHaveChanges ? followHistory(snapshot.commits, cache) : new Map();
  const inTree = new Set<string>();

  for (const file of snapshot.files) {
    inTree.add(file.path);
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
        confidence: traceConfidence('configFile', file.path, detail),
        detail,
      });
    }
  }

  for (const [path, h] of history as Map<string, PathHistory>) {
    for (const m of cache.match(path)) {
      for (const del of h.deletions) {
        const detail: Record<string, unknown> = {
          rule: m.rule,
          history: 'deleted',
          deletedCommit: del.sha,
          deletedAt: del.date.toISOString(),
          ...(del.ref ? { ref: del.ref } : {}),
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
          confidence: traceConfidence('historyFile', path, detail),
          detail,
          key: `deleted:${del.sha}`,
        });
      }
      // added and never deleted, yet not in HEAD's tree: it lives on another branch
      if (h.added && !inTree.has(path)) {
        const detail: Record<string, unknown> = {
          rule: m.rule,
          history: 'other-branch',
          addedCommit: h.added.sha,
          addedAt: h.added.date.toISOString(),
          ...(h.added.ref ? { ref: h.added.ref } : {}),
        };
        traces.push({
          toolId: m.toolId,
          signal: m.signal,
          path,
          commit: h.added.sha,
          firstSeen: h.added.date,
          lastSeen: h.added.date,
          confidence: traceConfidence('historyFile', path, detail),
          detail,
          key: `added:${h.added.sha}`,
        });
      }
    }
  }

  for (const file of snapshot.files) {
    if (file.path !== '.gitignore' && !file.path.endsWith('/.gitignore')) continue;
    const content = snapshot.contents.get(file.path);
    if (content !== undefined) traces.push(...detectGitignore(file.path, content, cache, samples));
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
      const at: Seen = { sha: c.sha, date: c.date, ...(c.ref ? { ref: c.ref } : {}) };
      if (change.status === 'A') h.added = at;
      else {
        h.deletions.push({ ...at, added: h.added });
        h.added = undefined;
      }
    }
  }
  return out;
}
