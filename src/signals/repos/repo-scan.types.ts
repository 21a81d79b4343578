import type { CommitFacts, Signal } from '../../catalog/catalog.types';
import type { IdentityKind } from '../../people/identity/identity-kinds';

/** A file of a repository tree. Both sources (local git, GitHub) describe their tree this way. */
export interface RepoFileEntry {
  path: string;
  /** git blob id */
  sha: string;
  size: number;
}

/** A file whose content was read, because a detector asked for it. */
export interface RepoFileContent {
  path: string;
  content: string;
}

export type ChangeStatus = 'A' | 'M' | 'D';

export interface RepoCommit {
  sha: string;
  /** author date */
  date: Date;
  facts: CommitFacts;
  /** the branch or tag the commit was reached from, when the source reads several refs */
  ref?: string;
  /** files changed, when the source knows them (local git does, the GitHub commit list does not) */
  changes?: { status: ChangeStatus; path: string }[];
}

/** Who a commit names: a commit e-mail or a GitHub login, and the name given with it. */
export interface TraceIdentity {
  kind: Extract<IdentityKind, 'commit-email' | 'github'>;
  value: string;
  name?: string;
}

/** One trace a detector found, before it becomes an evidence row. */
export interface RepoTrace {
  toolId: string;
  signal: Signal;
  path?: string;
  line?: number;
  commit?: string;
  /** the person the trace is attributed to (the human author or co-author of an AI commit) */
  identity?: TraceIdentity;
  firstSeen?: Date;
  lastSeen?: Date;
  /** 0..1, 1 unless lowered (fixtures, examples, vendored folders, marker-list repositories) */
  confidence: number;
  /** which rule or reference matched, and anything a reader needs to judge it */
  detail: Record<string, unknown>;
  /** part of the evidence fingerprint beyond repository/signal/tool/path/commit */
  key?: string;
}

export interface ScanWarning {
  path?: string;
  reason: string;
}

/** What the pure detectors see, whatever the source. */
export interface RepoSnapshot {
  repository: string;
  files: RepoFileEntry[];
  /** contents of the candidate files (see candidate-files.ts) that could be read */
  contents: Map<string, string>;
  commits: RepoCommit[];
  /** true when `commits` carry file changes (history of config files can be followed) */
  commitsHaveChanges: boolean;
  /** the date traces without one of their own carry: the head commit's date */
  scannedAt: Date;
}

/** Guardrails a repository can adopt that the scan recognises. */
export type RepoGuardrail = 'check-repo';

export interface RepoScanResult {
  repository: string;
  /** the commit the scan reached (HEAD); the next scan starts after it */
  headCommit?: string;
  traces: RepoTrace[];
  warnings: ScanWarning[];
  stats: { files: number; filesRead: number; commits: number; ms?: number };
  /** reason the repository looks like a list of AI markers, when it does */
  markerList?: string;
  /** AI guardrails its CI or hooks run (AI Census check-repo) */
  guardrails?: RepoGuardrail[];
}
