import type { ReportFinding, ReportInput, ReportTool } from './report.types';

// A small organisation for the report builder specs: team a (7), team b (5), team c (2), k = 5.
export const fixtureTools: ReportTool[] = [
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    category: 'coding-assistant',
    policyStatus: 'sanctioned',
  },
  {
    id: 'cursor',
    name: 'Cursor',
    vendor: 'Anysphere',
    category: 'coding-assistant',
    policyStatus: 'unreviewed',
    vendorFacts: {
      plans: {
        free: {
          trainsOnInputs: {
            value: 'no',
            source: 'https://cursor.example/privacy',
            checked: '2026-01-01',
          },
          retention: {
            value: '30 days',
            source: 'https://cursor.example/privacy',
            checked: '2026-01-01',
          },
        },
      },
      enterpriseControls: {
        value: { sso: 'yes', scim: 'yes', adminConsole: 'yes', auditLog: 'not-stated' },
        source: 'https://cursor.example/security',
        checked: '2026-01-01',
      },
    },
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    vendor: 'DeepSeek',
    category: 'chat-assistant',
    policyStatus: 'prohibited',
    vendorFacts: {
      plans: {},
      jurisdiction: {
        value: ['CN'],
        source: 'https://deepseek.example/terms',
        checked: '2026-01-01',
      },
    },
  },
];

let seq = 0;
export function finding(
  p: Partial<ReportFinding> & Pick<ReportFinding, 'subjectId' | 'toolId'>,
): ReportFinding {
  seq++;
  return {
    id: `f${String(seq).padStart(3, '0')}`,
    subjectType: 'person',
    subjectLabel: `${p.subjectId}@example.test`,
    team: 'a',
    sanctionStatus: 'unreviewed',
    shadow: true,
    strength: 'claim',
    disclosure: 'undisclosed',
    score: 30,
    tier: 'medium',
    factors: [{ key: 'policy', points: 22, reason: 'unreviewed by policy' }],
    triageState: 'open',
    signals: ['network'],
    evidenceCount: 1,
    repositories: [],
    bytes: 0,
    firstSeen: '2026-02-01T00:00:00.000Z',
    lastSeen: '2026-02-20T00:00:00.000Z',
    ...p,
  };
}

export function fixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const teamOf = (i: number) => (i < 7 ? 'a' : i < 12 ? 'b' : 'c');
  const people = Array.from({ length: 14 }, (_, i) => ({ id: `p${i}`, team: teamOf(i) }));
  const findings: ReportFinding[] = [
    // Copilot: sanctioned, 6 people in a, disclosed by 5
    ...people.slice(0, 6).map((p, i) =>
      finding({
        subjectId: p.id,
        team: p.team,
        toolId: 'github-copilot',
        sanctionStatus: 'sanctioned',
        shadow: false,
        score: 0,
        tier: 'low',
        factors: [],
        disclosure: i < 5 ? 'disclosed' : 'undisclosed',
      }),
    ),
    // Cursor: unreviewed, 5 people in b, undisclosed
    ...people.slice(7, 12).map((p) => finding({ subjectId: p.id, team: p.team, toolId: 'cursor' })),
    // DeepSeek: prohibited, 2 people (one in c), critical
    finding({
      subjectId: 'p12',
      team: 'c',
      toolId: 'deepseek',
      sanctionStatus: 'prohibited',
      score: 82,
      tier: 'critical',
      factors: [
        { key: 'policy', points: 40, reason: 'DeepSeek is prohibited by policy' },
        { key: 'vendor.jurisdiction', points: 10, reason: 'data processed under CN jurisdiction' },
      ],
    }),
    finding({
      subjectId: 'p0',
      team: 'a',
      toolId: 'deepseek',
      sanctionStatus: 'prohibited',
      score: 60,
      tier: 'high',
    }),
    // a repository finding and a false positive that must not count
    finding({
      subjectType: 'repository',
      subjectId: 'acme/api',
      subjectLabel: 'acme/api',
      team: null,
      toolId: 'cursor',
      signals: ['config-file'],
      disclosure: 'not-applicable',
      score: 25,
    }),
    finding({ subjectId: 'p13', team: 'c', toolId: 'cursor', triageState: 'false-positive' }),
  ];
  return {
    generatedAt: new Date('2026-03-01T00:00:00Z'),
    organisation: 'Fixture Org',
    k: 5,
    people: {
      total: 14,
      byTeam: [
        { team: 'a', headcount: 7 },
        { team: 'b', headcount: 5 },
        { team: 'c', headcount: 2 },
      ],
    },
    repositories: { total: 4 },
    survey: {
      respondents: people.slice(0, 10).map((p) => ({ personId: p.id, team: p.team })),
      selfReported: people
        .slice(0, 5)
        .map((p) => ({ personId: p.id, team: p.team, toolId: 'github-copilot' })),
    },
    tools: fixtureTools,
    findings,
    previous: null,
    ...overrides,
  };
}
