import type { RepoScanErrorCode } from '../repo-scan.error';
import type { RepoScanResult, RepoTrace, ScanWarning } from '../repo-scan.types';

/** What a GitHub scan remembers about one repository, so the next scan can skip or narrow it. */
export interface GithubRepoState {
  fullName: string;
  pushedAt?: string;
  /** newest commit seen on the default branch */
  headCommit?: string;
  headCommitDate?: string;
  /** custom properties as last read (they are read at most once a day) */
  properties?: Record<string, string>;
}

export interface GithubOwnerState {
  ownerType?: 'Organization' | 'User';
  /** ETag of the first page of the repository list (sorted by push date) */
  listEtag?: string;
  orgLevelScannedAt?: string;
  repos: Record<string, GithubRepoState>;
}

export interface RepoClassification {
  topics: string[];
  properties: Record<string, string>;
  /** data classes named by topics or classification properties (pii, phi, pci, …) */
  dataClasses: string[];
}

export interface GithubRepoScan extends RepoScanResult {
  pushedAt?: string;
  defaultBranch?: string;
  htmlUrl?: string;
  classification: RepoClassification;
  /** not re-read: nothing pushed since the last scan */
  unchanged?: boolean;
  /** the repository could not be read; the scan went on with the others */
  error?: { code: RepoScanErrorCode; reason: string };
}

export interface GithubScanResult {
  owner: string;
  ownerType?: 'Organization' | 'User';
  requests: number;
  repositories: GithubRepoScan[];
  /** organisation-level traces: installed GitHub Apps and Copilot seats */
  orgTraces: RepoTrace[];
  /** the custom properties were read in this scan: only then may what they say replace what is stored */
  propertiesRead: boolean;
  warnings: ScanWarning[];
  state: GithubOwnerState;
}

/** The fields of GitHub's repository payload the scanner reads. */
export interface GithubRepoPayload {
  name: string;
  full_name: string;
  default_branch?: string;
  pushed_at?: string | null;
  topics?: string[];
  size?: number;
  archived?: boolean;
  html_url?: string;
  /** https://HOST/OWNER/NAME.git: where a history clone fetches from */
  clone_url?: string;
}
