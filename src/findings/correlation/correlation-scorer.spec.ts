import type { ToolDefinition } from '../../catalog/catalog.types';
import { buildDisclosureIndex } from '../disclosure/disclosure';
import { DEFAULT_RISK_WEIGHTS } from '../risk/risk-weights';
import type { SanctionPolicy } from '../sanction/sanction';
import type { ScoringContext, SubjectToolAggregate } from './correlation-scorer';
import { scoreAggregate } from './correlation-scorer';

const copilot: ToolDefinition = {
  id: 'github-copilot',
  name: 'GitHub Copilot',
  vendor: 'GitHub',
  category: 'coding-assistant',
  rules: {},
};
const ctx: ScoringContext = {
  tools: new Map([[copilot.id, copilot]]),
  policies: new Map<string, SanctionPolicy>([
    [
      copilot.id,
      { status: 'sanctioned', allowedDataClasses: ['public', 'internal'], tenantBound: true },
    ],
  ]),
  disclosures: buildDisclosureIndex(
    ['p1'],
    [{ personId: 'p1', toolId: 'github-copilot', dataClasses: [] }],
  ),
  weights: DEFAULT_RISK_WEIGHTS,
};

function agg(p: Partial<SubjectToolAggregate>): SubjectToolAggregate {
  return {
    subjectType: 'person',
    subjectId: 'p1',
    toolId: 'github-copilot',
    fingerprints: ['b', 'a', 'b'],
    signals: ['network', 'copilot-seat'],
    repositories: [],
    dataClasses: [],
    firstSeen: new Date('2026-01-01'),
    lastSeen: new Date('2026-01-10'),
    activeDays: 3,
    bytes: 1000,
    evidenceCount: 3,
    maxConfidence: 1,
    supportingSignals: ['copilot-seat', 'network'],
    people: 0,
    hasOrgSeat: true,
    ...p,
  };
}

describe(scoreAggregate.name, () => {
  it('should keep a seat holder of a sanctioned tenant-bound tool sanctioned and low', () => {
    const sut = scoreAggregate(agg({}), ctx);
    expect(sut).toMatchObject({
      sanctionStatus: 'sanctioned',
      shadow: false,
      disclosure: 'disclosed',
      tier: 'low',
      fingerprints: ['a', 'b'],
    });
  });

  it('should make personal-account use shadow when the person holds no seat', () => {
    const sut = scoreAggregate(
      agg({ subjectId: 'p2', hasOrgSeat: null, signals: ['network'] }),
      ctx,
    );
    expect(sut).toMatchObject({
      sanctionStatus: 'violation',
      shadow: true,
      disclosure: 'not-surveyed',
    });
    expect(sut.factors.map((f) => f.key)).toContain('violation.personal-account');
  });

  it('should flag a repository classified phi as a data-class violation', () => {
    const sut = scoreAggregate(
      agg({
        subjectType: 'repository',
        subjectId: 'acme/records',
        dataClasses: ['phi', 'bogus'],
        people: 4,
      }),
      ctx,
    );
    expect(sut).toMatchObject({
      sanctionStatus: 'violation',
      disclosure: 'not-applicable',
      dataClasses: ['phi'],
    });
  });

  it('should make a repository pair a lead when its only evidence is a .gitignore entry', () => {
    const repo = { subjectType: 'repository' as const, subjectId: 'acme/app', toolId: 'cursor' };
    const lead = scoreAggregate(
      agg({
        ...repo,
        signals: ['config-file'],
        maxConfidence: 0.4,
        supportingSignals: ['config-file'],
      }),
      ctx,
    );
    expect(lead.strength).toBe('lead');
    const corroborated = scoreAggregate(
      agg({
        ...repo,
        signals: ['config-file', 'network'],
        maxConfidence: 0.4,
        supportingSignals: ['config-file', 'network'],
      }),
      ctx,
    );
    expect(corroborated.strength).toBe('claim');
    expect(scoreAggregate(agg({}), ctx).strength).toBe('claim');
  });

  it('should score an unknown tool as unreviewed', () => {
    const sut = scoreAggregate(agg({ toolId: 'mystery', subjectId: 'p1' }), ctx);
    expect(sut.sanctionStatus).toBe('unreviewed');
    expect(sut.factors[0].reason).toBe('mystery is unreviewed by policy');
  });
});
