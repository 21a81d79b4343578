// How sure each kind of trace makes us that a tool is used, in one place. Every detector takes its
// confidence (and the reason a reader sees) from this table, and correlation decides claims and
// leads with the same numbers. README.md prints the same table (a spec checks they agree).

export interface ConfidenceEntry {
  /** the evidence signal the trace is recorded under */
  signal: string;
  /** the trace, in a few words */
  trace: string;
  confidence: number;
  reason: string;
}

export const CONFIDENCE = {
  configFile: {
    signal: 'config-file',
    trace: 'tool file committed in the current tree',
    confidence: 0.95,
    reason: 'a file only this tool reads is committed, so someone set the tool up here',
  },
  historyFile: {
    signal: 'config-file',
    trace: 'tool file only in history or on another branch',
    confidence: 0.8,
    reason:
      'the file was committed once (since deleted, or on a branch other than HEAD): past or side use',
  },
  gitignoreEntry: {
    signal: 'config-file',
    trace: '.gitignore entry naming the tool’s own file or folder',
    confidence: 0.4,
    reason:
      'the tool’s files are kept out of git, but nothing is committed; .gitignore templates copy such lines',
  },
  testOrExampleFile: {
    signal: 'any repository signal',
    trace: 'any repository trace under tests, fixtures, examples or vendored code',
    confidence: 0.3,
    reason: 'fixtures, examples and vendored code copy other people’s traces',
  },
  markerList: {
    signal: 'any repository signal',
    trace: 'any trace in a repository that lists AI markers as data',
    confidence: 0.2,
    reason: 'rule sets and domain lists name every tool without using any',
  },
  coAuthorTrailer: {
    signal: 'commit-trailer',
    trace: 'AI co-author trailer or tool footer',
    confidence: 0.95,
    reason: 'the tool’s own address or footer is on the commit',
  },
  disclosureTrailer: {
    signal: 'commit-trailer',
    trace: 'AI disclosure trailer (Assisted-by, Generated-by, AI-assisted, Made-with)',
    confidence: 0.9,
    reason: 'the author declares the AI help; the value names the tool or a model',
  },
  botAuthor: {
    signal: 'bot-author',
    trace: 'commit by the tool’s agent account',
    confidence: 0.95,
    reason: 'the agent’s own identity made the commit',
  },
  dependencyRuntime: {
    signal: 'dependency',
    trace: 'direct runtime dependency',
    confidence: 0.9,
    reason: 'the project declares the package for its own code',
  },
  dependencyDev: {
    signal: 'dependency',
    trace: 'direct dev, test or build dependency',
    confidence: 0.7,
    reason: 'declared by the project, but for its tooling or tests',
  },
  dependencyOptional: {
    signal: 'dependency',
    trace: 'direct optional or peer dependency',
    confidence: 0.5,
    reason: 'offered as an extra: the project supports the package without needing it',
  },
  dependencyTransitive: {
    signal: 'dependency',
    trace: 'transitive dependency (lockfile only)',
    confidence: 0.4,
    reason: 'pulled in by another package; the project may never call it',
  },
  dependencyExample: {
    signal: 'dependency',
    trace: 'dependency in an examples folder',
    confidence: 0.4,
    reason: 'examples show readers how to use the package; not the project’s own use',
  },
  dependencyFixture: {
    signal: 'dependency',
    trace: 'dependency in a test fixtures folder',
    confidence: 0.3,
    reason: 'test data, not a dependency of the project',
  },
  dependencyVendored: {
    signal: 'dependency',
    trace: 'dependency in a vendored folder',
    confidence: 0.2,
    reason: 'someone else’s code copied into the repository',
  },
  workflowAction: {
    signal: 'workflow',
    trace: 'CI workflow uses the tool’s action',
    confidence: 0.9,
    reason: 'CI runs the tool on every trigger',
  },
  workflowApiHost: {
    signal: 'workflow',
    trace: 'CI workflow calls the tool’s API host',
    confidence: 0.8,
    reason: 'CI calls the API; the call may be optional or disabled',
  },
  ideRecommendation: {
    signal: 'ide-extension',
    trace: 'IDE extension recommended by the repository',
    confidence: 0.6,
    reason: 'maintainers ask contributors to install it; whether each does is unknown',
  },
  networkRecurring: {
    signal: 'network',
    trace: 'network traffic on 3 or more days',
    confidence: 0.95,
    reason: 'recurring traffic to the tool’s own hosts',
  },
  networkTwoDays: {
    signal: 'network',
    trace: 'network traffic on 2 days',
    confidence: 0.8,
    reason: 'traffic on more than one day',
  },
  networkOneDayBusy: {
    signal: 'network',
    trace: 'network traffic on 1 day, 20 requests or more',
    confidence: 0.6,
    reason: 'a session of use on one day',
  },
  networkOneDayFew: {
    signal: 'network',
    trace: 'network traffic on 1 day, under 20 requests',
    confidence: 0.4,
    reason: 'a few requests on one day: a page visit, a link preview or a blocked call',
  },
  surveySelfReport: {
    signal: 'survey',
    trace: 'survey self-report',
    confidence: 0.9,
    reason: 'the person says so; answers can be mistaken but are rarely invented',
  },
  vendorSeat: {
    signal: 'copilot-seat',
    trace: 'seat assigned by the vendor’s admin API',
    confidence: 0.9,
    reason: 'the organisation’s account gives the person the tool',
  },
  seat: {
    signal: 'seat',
    trace: 'seat in the organisation’s tenant, read from the vendor’s admin API',
    confidence: 0.9,
    reason: 'the organisation’s own account gives the person the tool; a seat is access, not use',
  },
  vendorUsage: {
    signal: 'vendor-usage',
    trace: 'use on a day, recorded by the vendor’s admin API',
    confidence: 0.95,
    reason: 'the vendor itself counted requests by the person’s account that day',
  },
  oauthGrant: {
    signal: 'oauth-grant',
    trace: 'OAuth grant to the app on the work account (identity provider)',
    confidence: 0.85,
    reason: 'the person authorised the app to act on their work account',
  },
  ssoSignin: {
    signal: 'sso-signin',
    trace: 'sign-in to the app through the identity provider',
    confidence: 0.9,
    reason: 'the identity provider recorded the person signing in to the app',
  },
  ssoSigninNonInteractive: {
    signal: 'sso-signin',
    trace: 'non-interactive sign-in to the app (identity provider)',
    confidence: 0.6,
    reason:
      'non-interactive: a client app refreshed the person’s token without them signing in; it holds access, use that day is likely but not shown',
  },
  appInstallation: {
    signal: 'app-installation',
    trace: 'GitHub App installed on the organisation',
    confidence: 0.9,
    reason: 'an owner installed the tool’s app',
  },
  endpointInstalled: {
    signal: 'endpoint',
    trace: 'installed or configured on a person’s device (endpoint collector)',
    confidence: 0.85,
    reason: 'the tool is on the machine the person works on; installed is not always used',
  },
  mcpServer: {
    signal: 'mcp-server',
    trace: 'MCP server in a committed client configuration',
    confidence: 0.9,
    reason: 'the client starts or connects to the server for whoever opens the repository with it',
  },
  agentPermission: {
    signal: 'agent-permission',
    trace: 'agent definition or permission settings committed',
    confidence: 0.95,
    reason: 'only the agent reads these files: someone set up what it may do here',
  },
  agentWorkflow: {
    signal: 'agent-workflow',
    trace: 'CI job runs an AI coding agent',
    confidence: 0.9,
    reason: 'CI starts the agent on its triggers, with the job’s token and secrets',
  },
} as const satisfies Record<string, ConfidenceEntry>;

export type ConfidenceKind = keyof typeof CONFIDENCE;

/** Below this the evidence is weak: a pair with nothing stronger is a lead, not a claim. */
export const CLAIM_THRESHOLD = 0.5;
/** Weak evidence at or above this can corroborate weak evidence from another, independent source. */
export const CORROBORATION_FLOOR = 0.3;

export type Strength = 'claim' | 'lead';
export const STRENGTHS: readonly Strength[] = ['claim', 'lead'];

/** The confidence and reason of a kind of trace, for a trace's detail. */
export function confidenceOf(kind: ConfidenceKind): { confidence: number; reason: string } {
  const e: ConfidenceEntry = CONFIDENCE[kind];
  return { confidence: e.confidence, reason: e.reason };
}

/** Network evidence: by the days with traffic and the volume. */
export function networkKind(requests: number, days: number): ConfidenceKind {
  if (days >= 3) return 'networkRecurring';
  if (days === 2) return 'networkTwoDays';
  return requests >= 20 ? 'networkOneDayBusy' : 'networkOneDayFew';
}

// Signals that come from the same place are not independent of each other: a .gitignore line
// and a fixture manifest are both the repository's files.
const SOURCE_OF_SIGNAL: Record<string, string> = {
  'config-file': 'repository files',
  dependency: 'repository files',
  workflow: 'repository files',
  'ide-extension': 'repository files',
  'mcp-server': 'repository files',
  'agent-permission': 'repository files',
  'agent-workflow': 'repository files',
  'commit-trailer': 'commit history',
  'bot-author': 'commit history',
  network: 'network',
  survey: 'survey',
  'copilot-seat': 'vendor',
  'app-installation': 'vendor',
  seat: 'vendor',
  'vendor-usage': 'vendor',
  'oauth-grant': 'identity provider',
  'sso-signin': 'identity provider',
  endpoint: 'device',
};

export function independentSource(signal: string): string {
  return SOURCE_OF_SIGNAL[signal] ?? signal;
}

/**
 * Claim or lead for one (subject, tool) pair: a claim when some evidence is strong, or when weak
 * evidence comes from two independent sources (each at least the corroboration floor).
 * `supportingSignals` are the signals of the evidence at or above the floor.
 */
export function pairStrength(maxConfidence: number, supportingSignals: Iterable<string>): Strength {
  if (maxConfidence >= CLAIM_THRESHOLD) return 'claim';
  const sources = new Set<string>();
  for (const s of supportingSignals) sources.add(independentSource(s));
  return sources.size >= 2 ? 'claim' : 'lead';
}

/** pairStrength over the traces themselves. */
export function strengthOf(evidence: { signal: string; confidence: number }[]): Strength {
  let max = 0;
  const supporting: string[] = [];
  for (const e of evidence) {
    max = Math.max(max, e.confidence);
    if (e.confidence >= CORROBORATION_FLOOR) supporting.push(e.signal);
  }
  return pairStrength(max, supporting);
}

/** The table as README.md prints it. */
export function confidenceTableMarkdown(): string {
  const rows = Object.values(CONFIDENCE as Record<string, ConfidenceEntry>).map(
    (e) =>
      `| ${e.trace} | ${e.signal.includes(' ') ? e.signal : `\`${e.signal}\``} | ${e.confidence.toFixed(2)} | ${e.confidence >= CLAIM_THRESHOLD ? 'claim' : 'lead'} | ${e.reason} |`,
  );
  return [
    '| Trace | Signal | Confidence | Alone it is a | Why |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
