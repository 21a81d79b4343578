import type { ToolMatcher } from '../../../catalog/catalog.types';
import type { RepoFileEntry, RepoTrace } from '../repo-scan.types';
import { CONFIDENCE } from '../../../evidence/confidence';
import { MARKER_LIST_CONFIDENCE } from './path-confidence';

// A file naming this many distinct tools' markers, of two kinds (hosts beside config paths or
// commit e-mails), is a list of markers (a scanner's rules), not a project using them.
export const MARKER_LIST_MIN_TOOLS = 5;
// Hosts alone: an AI framework names its providers' API hosts, so only a long list (a domain
// blocklist) counts.
export const HOST_LIST_MIN_TOOLS = 12;
const MAX_DATA_FILES = 12;
const MAX_DATA_FILE_BYTES = 256 * 1024;
const DATA_EXTENSIONS = /\.(ya?ml|json|jsonc|toml|txt|list|conf|csv|tsv|ini|py|ts|js|go|rs|rb)$/i;
const RULE_WORDS =
  /(^|[/_.-])(rules?|signatures?|patterns?|markers?|detectors?|catalog|domains?|lists?|blocklist|allowlist|data)([/_.-]|$)/i;

/**
 * Files that may hold rule sets or domain lists (a scanner's rules, a blocklist). Chosen by path
 * only, so a GitHub scan asks for the same files a local scan reads.
 */
export function markerDataCandidates(files: RepoFileEntry[]): string[] {
  return files
    .filter(
      (f) =>
        f.size > 0 &&
        f.size <= MAX_DATA_FILE_BYTES &&
        DATA_EXTENSIONS.test(f.path) &&
        // a CI workflow's network allow-list is configuration, not a list of markers
        !f.path.startsWith('.github/workflows/') &&
        RULE_WORDS.test(f.path),
    )
    .sort(
      (a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path),
    )
    .slice(0, MAX_DATA_FILES)
    .map((f) => f.path);
}

const HOST_TOKEN = /\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b/gi;
const PATH_TOKEN = /(?:^|["'\s,[(])((?:\.[a-z0-9_-]+|[A-Z]+\.md)(?:\/[a-z0-9_.*-]+)*)/gim;
const EMAIL_TOKEN = /[a-z0-9._%+[\]-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** Distinct catalog tools whose markers (hosts, config paths, commit e-mails) appear in a text. */
export function toolsNamedIn(content: string, matcher: ToolMatcher): Set<string> {
  const { byHost, byOther } = markersIn(content, matcher);
  return new Set([...byHost, ...byOther]);
}

/** The tools a text names, by host and by the other markers (config paths, commit e-mails). */
function markersIn(
  content: string,
  matcher: ToolMatcher,
): { byHost: Set<string>; byOther: Set<string> } {
  const byHost = new Set<string>();
  const tools = new Set<string>();
  const hosts = new Set((content.match(HOST_TOKEN) ?? []).map((h) => h.toLowerCase()));
  for (const h of hosts) {
    const t = matcher.matchHost(h);
    if (t) byHost.add(t);
  }
  const paths = new Set([...content.matchAll(PATH_TOKEN)].map((m) => m[1]));
  for (const p of paths) for (const m of matcher.matchPath(p)) tools.add(m.toolId);
  const emails = new Set((content.match(EMAIL_TOKEN) ?? []).map((e) => e.toLowerCase()));
  for (const e of emails) {
    const facts = {
      authorName: '',
      authorEmail: e,
      committerName: '',
      committerEmail: '',
      message: '',
    };
    for (const m of matcher.matchCommit(facts)) tools.add(m.toolId);
  }
  return { byHost, byOther: tools };
}

/** Why the repository looks like a list of AI markers, or undefined when it does not. */
export function assessMarkerList(
  files: RepoFileEntry[],
  contents: Map<string, string>,
  matcher: ToolMatcher,
): string | undefined {
  const lists: string[] = [];
  const all = new Set<string>();
  for (const path of markerDataCandidates(files)) {
    const content = contents.get(path);
    if (content === undefined) continue;
    const { byHost, byOther } = markersIn(content, matcher);
    const tools = new Set([...byHost, ...byOther]);
    const twoKinds = byHost.size > 0 && byOther.size > 0 && tools.size >= MARKER_LIST_MIN_TOOLS;
    if (twoKinds || byHost.size >= HOST_LIST_MIN_TOOLS || byOther.size >= MARKER_LIST_MIN_TOOLS) {
      lists.push(`${path} (${tools.size} tools)`);
      tools.forEach((t) => all.add(t));
    }
  }
  if (lists.length === 0) return undefined;
  return `the repository's data files list markers of ${all.size} distinct AI tools: ${lists.slice(0, 3).join(', ')}`;
}

/** Keeps every trace, but a marker-list repository's traces must not read as use. */
export function lowerForMarkerList(traces: RepoTrace[], reason: string): void {
  for (const t of traces) {
    if (t.confidence > MARKER_LIST_CONFIDENCE) {
      t.confidence = MARKER_LIST_CONFIDENCE;
      t.detail.confidenceReason = CONFIDENCE.markerList.reason;
    }
    t.detail.markerList = reason;
  }
}
