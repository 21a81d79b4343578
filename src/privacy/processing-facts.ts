import { Role } from '../auth/role';

/**
 * What AI Census processes, as the live configuration and the records held say: the one input of
 * the transparency page and the record of processing, so the two never disagree.
 */
export interface ProcessingFacts {
  sources: SourceFact[];
  surveys: SurveyFact[];
  retention: RetentionFact[];
  access: RoleAccessFact[];
  safeguards: string[];
  /** where a person asks for their own data; null: the installation's administrators */
  contact: string | null;
}

export type SourceId = 'surveys' | 'repositories' | 'github' | 'network' | 'vendors' | 'endpoints';

export interface SourceFact {
  id: SourceId;
  name: string;
  enabled: boolean;
  /** why it counts as enabled: the settings that switch it on, or records already held */
  because: string[];
  /** what it keeps about people */
  keeps: string[];
  /** what it never keeps */
  never: string[];
}

export interface SurveyFact {
  title: string;
  privacyMode: 'identified' | 'pseudonymous' | 'anonymous';
  k: number;
  status: string;
}

export interface RetentionFact {
  data: string;
  /** the stated period, when one is configured */
  days: number | null;
  /** the setting that states the period; none where the rule is fixed by the code */
  setting?: string;
  rule: string;
}

export interface RoleAccessFact {
  role: Role;
  personLevel: boolean;
  sees: string;
}

/** What the service knows when it describes itself: settings (never their secret values) and counts. */
export interface ProcessingFactsInput {
  githubTokenSet: boolean;
  localScanRoots: number;
  networkWatchDir: boolean;
  smtpConfigured: boolean;
  pseudonymKeyConfigured: boolean;
  /** PSEUDONYMISED_TRIAGE: security and the CoE see findings under pseudonyms */
  pseudonymisedTriage?: boolean;
  privacyK: number;
  privacyContact?: string;
  retentionDays: { evidence?: number; surveys?: number; audit?: number };
  surveys: SurveyFact[];
  /** evidence rows held per signal */
  signalsHeld: Record<string, number>;
  /** names of the vendor connectors given a credential or a schedule */
  vendorConnectors: string[];
}

const REPOSITORY_SIGNALS = [
  'config-file',
  'commit-trailer',
  'bot-author',
  'dependency',
  'workflow',
  'ide-extension',
];
const GITHUB_SIGNALS = ['copilot-seat', 'app-installation'];
const VENDOR_SIGNALS = ['seat', 'vendor-usage', 'oauth-grant', 'sso-signin'];

/** Who may see what, by role; person-level data only where `personLevel` is true. */
export const ROLE_ACCESS: readonly RoleAccessFact[] = [
  {
    role: Role.Admin,
    personLevel: true,
    sees: 'the directory and identities, survey responses, the audit log; answers subject-access requests',
  },
  {
    role: Role.Coe,
    personLevel: true,
    sees: 'the directory, person-level findings with their evidence, individual survey responses',
  },
  {
    role: Role.Security,
    personLevel: true,
    sees: 'the directory, person-level findings with their evidence, individual survey responses, the audit log',
  },
  {
    role: Role.Privacy,
    personLevel: true,
    sees: "one person's complete record when answering a subject-access request; the record of processing",
  },
  {
    role: Role.Leader,
    personLevel: false,
    sees: 'aggregate reports only: no names or e-mail addresses, and groups smaller than k are suppressed',
  },
  {
    role: Role.Collector,
    personLevel: false,
    sees: 'nothing: an endpoint collector may only post its reports',
  },
];

const held = (signalsHeld: Record<string, number>, signals: string[]) =>
  signals.some((s) => (signalsHeld[s] ?? 0) > 0);

export function buildProcessingFacts(input: ProcessingFactsInput): ProcessingFacts {
  const because = (pairs: [boolean, string][]) => pairs.filter(([on]) => on).map(([, why]) => why);
  const modes = [...new Set(input.surveys.map((s) => s.privacyMode))].sort();
  const source = (fact: Omit<SourceFact, 'enabled'>): SourceFact => ({
    ...fact,
    enabled: fact.because.length > 0,
  });
  const sources: SourceFact[] = [
    source({
      id: 'surveys',
      name: 'Adoption surveys',
      because: because([
        [
          input.surveys.length > 0,
          `${input.surveys.length} survey(s) in modes: ${modes.join(', ')}`,
        ],
      ]),
      keeps: [
        'the answers given: which AI tools, how often, for what kinds of work and data',
        'identified surveys: the answer with the person; pseudonymous: under a keyed code; anonymous: no link to anyone, only the day',
        'the respondent’s team when they answered through their invitation (anonymous surveys: only teams of at least k people), to compare waves by team',
        'invitations: who was invited and the day they answered',
      ],
      never: ['the address or browser of the respondent', 'the link itself (only its hash)'],
    }),
    source({
      id: 'repositories',
      name: 'Repositories (local checkouts)',
      because: because([
        [input.localScanRoots > 0, 'LOCAL_SCAN_ROOTS lets the API scan local checkouts'],
        [held(input.signalsHeld, REPOSITORY_SIGNALS), 'repository evidence is held'],
      ]),
      keeps: [
        'paths of AI tool files, commit ids and dates, the author identity of commits that carry AI markers',
        'names and versions of AI packages in manifests and lockfiles',
      ],
      never: ['source code or file contents', 'commit messages beyond the AI marker found'],
    }),
    source({
      id: 'github',
      name: 'GitHub organisation',
      because: because([
        [input.githubTokenSet, 'GITHUB_TOKEN is set: organisation scans and member import'],
        [held(input.signalsHeld, GITHUB_SIGNALS), 'GitHub seat or app evidence is held'],
      ]),
      keeps: [
        'members: login, name and public e-mail',
        'Copilot seat assignments, installed AI apps, repository topics and custom properties',
      ],
      never: ['source code or file contents', 'Copilot prompts or suggestions'],
    }),
    source({
      id: 'network',
      name: 'Network logs (proxy, DNS, firewall)',
      because: because([
        [input.networkWatchDir, 'NETWORK_WATCH_DIR: a drop folder of logs is watched'],
        [held(input.signalsHeld, ['network']), 'network roll-ups are held'],
      ]),
      keeps: [
        'a daily roll-up per identity (user name or address) and AI tool: requests, bytes, days seen, the domain',
      ],
      never: [
        'raw log lines',
        'URL paths or queries',
        'request or response bodies: no prompts, no content',
      ],
    }),
    source({
      id: 'vendors',
      name: 'Vendor connectors (admin APIs of AI tools)',
      because: because([
        [
          input.vendorConnectors.length > 0,
          `connectors configured: ${input.vendorConnectors.join(', ')}`,
        ],
        [held(input.signalsHeld, VENDOR_SIGNALS), 'vendor seat or usage data is held'],
      ]),
      keeps: ['seat assignments and usage counts per user as the vendor reports them'],
      never: ['prompts, completions or conversation content'],
    }),
    source({
      id: 'endpoints',
      name: 'Endpoint collector (developer machines)',
      because: because([[held(input.signalsHeld, ['endpoint']), 'endpoint reports are held']]),
      keeps: [
        'per device: host name, operating system, signed-in user, and the AI tools, IDE extensions and local model runtimes installed',
      ],
      never: ['files, documents or source code', 'prompts or conversation history'],
    }),
  ];
  const period = (
    days: number | undefined,
    what: string,
    setting: string,
    unset = 'no period set: kept until an administrator deletes it or the person’s data is erased',
    // what the daily purge job (privacy/retention) deletes of this kind; null: nothing yet
    purged: string | null = null,
  ): RetentionFact => ({
    data: what,
    days: days ?? null,
    setting,
    rule:
      days === undefined
        ? unset
        : purged
          ? `${days} days, then deleted by AI Census’s daily purge (${purged})`
          : `${days} days, then deleted by an administrator (AI Census does not delete on its own yet)`,
  });
  return {
    sources,
    surveys: input.surveys,
    retention: [
      period(
        input.retentionDays.evidence,
        'Evidence, network roll-ups and findings (counted from when last seen)',
        'RETENTION_EVIDENCE_DAYS',
        undefined,
        'evidence and network roll-ups; a finding whose evidence is gone turns absent, and is kept with its triage history until the person’s data is erased',
      ),
      period(
        input.retentionDays.surveys,
        'Survey answers and invitations (counted from the survey’s close)',
        'RETENTION_SURVEY_DAYS',
        undefined,
        'answers, unfinished drafts and invitations of closed surveys; a survey still open keeps its own',
      ),
      period(
        input.retentionDays.audit,
        'Audit log',
        'RETENTION_AUDIT_DAYS',
        'no period set: kept until an administrator deletes it',
        'the whole audit log',
      ),
      {
        data: 'Raw network log lines',
        days: null,
        rule: 'never stored: only daily roll-ups are kept',
      },
      {
        data: 'Uploaded log and directory files',
        days: null,
        rule: 'deleted as soon as their import job has ended',
      },
      {
        data: 'Survey links and API tokens',
        days: null,
        rule: 'stored only as a hash; links and tokens expire',
      },
    ],
    access: [...ROLE_ACCESS],
    safeguards: [
      `k-anonymity: leader-facing aggregates suppress groups smaller than ${input.privacyK} people (each survey may set a larger k)`,
      'Survey privacy modes: identified, pseudonymous (keyed HMAC of the person), anonymous (no link kept)',
      `Pseudonym key: ${input.pseudonymKeyConfigured ? 'configured (SURVEY_PSEUDONYM_KEY)' : 'generated once into the data directory, readable by the service only'}`,
      input.pseudonymisedTriage
        ? 'Pseudonymised triage: security and the CoE see findings under stable pseudonyms; revealing the person behind one finding needs a reason and the approval of a second person in the privacy role, expires, and is audited'
        : 'Triage: security and the CoE see the people behind findings (pseudonymised triage with four-eyes reveals is off: PSEUDONYMISED_TRIAGE)',
      'Every read of person-level data and every change is written to the audit log with who did it',
      'Leader reports carry no names or e-mail addresses',
      'Access by role-bound API tokens, stored hashed, with optional expiry',
      'Secrets (tokens, keys, credentials in URLs) are never written to logs or responses',
      `Survey mail: ${input.smtpConfigured ? 'sent through the configured mail server' : 'not configured; links are handed out by the survey owner'}`,
    ],
    contact: input.privacyContact ?? null,
  };
}

/** The access-by-role table both privacy documents show. */
export function roleAccessTable(facts: ProcessingFacts, caption: string) {
  return {
    caption,
    header: ['Role', 'Person-level data', 'Sees'],
    rows: facts.access.map((a) => [a.role, a.personLevel ? 'yes' : 'no', a.sees]),
  };
}
