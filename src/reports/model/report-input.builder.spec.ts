import type { ToolDefinition } from '../../catalog/catalog.types';
import type { FindingRecord } from '../../findings/findings.types';
import type { ReportSources } from './report-input.builder';
import { buildReportInput, summariseEvidence } from './report-input.builder';

const tool = (id: string): ToolDefinition => ({
  id,
  name: id.toUpperCase(),
  vendor: 'V',
  category: 'chat-assistant',
  rules: {},
});

const record = (p: Partial<FindingRecord> & Pick<FindingRecord, 'id' | 'subjectId'>) =>
  ({
    subjectType: 'person',
    toolId: 'chatgpt',
    sanctionStatus: 'unreviewed',
    shadow: true,
    strength: 'claim',
    disclosure: 'undisclosed',
    score: 40,
    tier: 'medium',
    factors: [{ key: 'policy', points: 22, reason: 'ChatGPT is unreviewed by policy' }],
    triageState: 'open',
    signals: ['network'],
    repositories: [],
    evidenceCount: 2,
    bytes: 1200,
    firstSeen: new Date('2026-02-01T00:00:00Z'),
    lastSeen: new Date('2026-02-20T00:00:00Z'),
    ...p,
  }) satisfies FindingRecord;

function sources(p: Partial<ReportSources> = {}): ReportSources {
  return {
    organisation: 'Example',
    k: 5,
    now: new Date('2026-03-01T00:00:00Z'),
    people: [
      { id: 'p1', label: 'Ann <ann@example.test>', team: 'eng/web' },
      { id: 'p2', label: 'Bo <bo@example.test>', team: 'eng/web' },
      { id: 'p3', label: 'Cy <cy@example.test>', team: null },
    ],
    tools: [tool('chatgpt'), tool('cursor'), tool('claude-code')],
    policies: new Map([
      ['cursor', { status: 'sanctioned', allowedDataClasses: [], tenantBound: false }],
    ]),
    survey: {
      respondentPersonIds: ['p1', 'p3'],
      disclosures: [{ personId: 'p1', toolId: 'cursor' }],
    },
    repositories: [{ repository: 'acme/api', team: 'eng/api' }],
    findings: [
      record({ id: 'f1', subjectId: 'p1' }),
      record({ id: 'f2', subjectType: 'repository', subjectId: 'acme/api', toolId: 'chatgpt' }),
      record({ id: 'f3', subjectType: 'repository', subjectId: 'acme/old', toolId: 'chatgpt' }),
    ],
    evidence: [],
    ...p,
  };
}

describe(buildReportInput.name, () => {
  it('should give person findings their label and team and repository findings the owning team', () => {
    const sut = buildReportInput(sources());
    expect(sut.findings.map((f) => [f.id, f.subjectLabel, f.team])).toEqual([
      ['f1', 'Ann <ann@example.test>', 'eng/web'],
      ['f2', 'acme/api', 'eng/api'],
      ['f3', 'acme/old', null],
    ]);
    expect(sut.findings[0]).toMatchObject({
      score: 40,
      factors: [{ key: 'policy', points: 22, reason: 'ChatGPT is unreviewed by policy' }],
      firstSeen: '2026-02-01T00:00:00.000Z',
      lastSeen: '2026-02-20T00:00:00.000Z',
      evidence: undefined,
    });
  });

  it('should count people per team and place respondents and what they said in their teams', () => {
    const sut = buildReportInput(sources());
    expect(sut.people).toEqual({ total: 3, byTeam: [{ team: 'eng/web', headcount: 2 }] });
    expect(sut.repositories).toEqual({ total: 1 });
    expect(sut.survey).toEqual({
      respondents: [
        { personId: 'p1', team: 'eng/web' },
        { personId: 'p3', team: null },
      ],
      selfReported: [{ personId: 'p1', team: 'eng/web', toolId: 'cursor' }],
    });
  });

  it('should list only tools found or said, with their policy and unreviewed by default', () => {
    const sut = buildReportInput(sources());
    expect(sut.tools.map((t) => [t.id, t.policyStatus])).toEqual([
      ['chatgpt', 'unreviewed'],
      ['cursor', 'sanctioned'],
    ]);
  });

  it('should attach each finding its evidence, summarised, when evidence is given', () => {
    const sut = buildReportInput(
      sources({
        evidence: [
          {
            key: 'f2',
            signal: 'config-file',
            fingerprint: 'fp1',
            repository: 'acme/api',
            detail: { path: 'AGENTS.md', line: 3 },
            confidence: 0.95,
            firstSeen: new Date('2026-02-01T00:00:00Z'),
            lastSeen: new Date('2026-02-10T00:00:00Z'),
          },
        ],
      }),
    );
    expect(sut.findings[1].evidence).toEqual([
      {
        signal: 'config-file',
        fingerprint: 'fp1',
        repository: 'acme/api',
        summary: 'acme/api · AGENTS.md · 3',
        lastSeen: '2026-02-10T00:00:00.000Z',
      },
    ]);
    expect(sut.findings[0].evidence).toBeUndefined();
  });
});

describe(summariseEvidence.name, () => {
  it('should shorten a commit and skip empty parts', () => {
    expect(summariseEvidence({ commit: '0123456789abcdef', path: '', rule: 'trailer' }, null)).toBe(
      '0123456789 · trailer',
    );
  });

  it('should fall back to the detail itself when no known part is present', () => {
    expect(summariseEvidence({ seat: 'business' }, null)).toBe('{"seat":"business"}');
  });
});
