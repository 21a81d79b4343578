import type { VendorFacts } from '../../catalog/facts/vendor-facts.types';
import { evaluateSanction } from '../sanction/sanction';
import type { RiskInput } from './risk-score';
import { computeRisk, riskTier } from './risk-score';
import { DEFAULT_RISK_WEIGHTS, resolveRiskWeights } from './risk-weights';

const fact = <T>(value: T) => ({ value, source: 'https://example.test', checked: '2026-01-01' });
const controls = (sso: 'yes' | 'no') => fact({ sso, scim: sso, adminConsole: sso, auditLog: sso });
const riskyVendor: VendorFacts = {
  plans: { free: { trainsOnInputs: fact('yes' as const), retention: fact('until deleted') } },
  enterpriseControls: controls('no'),
  jurisdiction: fact(['CN']),
};
const safeVendor: VendorFacts = {
  plans: {
    free: {
      trainsOnInputs: fact('no' as const),
      retention: fact('0 days'),
      zeroRetention: fact('yes' as const),
    },
  },
  enterpriseControls: controls('yes'),
  jurisdiction: fact(['US']),
};

function input(overrides: Partial<RiskInput> = {}): RiskInput {
  return {
    subjectType: 'person',
    toolName: 'Tool',
    sanction: evaluateSanction({ policy: undefined, dataClasses: [] }),
    vendorFacts: safeVendor,
    dataClasses: [],
    repositories: 0,
    people: 0,
    activeDays: 1,
    bytes: 0,
    disclosure: 'disclosed',
    signals: ['network'],
    maxConfidence: 1,
    ...overrides,
  };
}

describe(computeRisk.name, () => {
  it('should count an AI app holding mail, drive or calendar scopes as a factor of its own', () => {
    const plain = computeRisk(input({ toolName: 'ChatGPT' }));
    const sut = computeRisk(input({ toolName: 'ChatGPT', oauthSensitiveScopes: true }));
    expect(sut.factors).toContainEqual(
      expect.objectContaining({
        key: 'oauth.sensitive-scopes',
        points: DEFAULT_RISK_WEIGHTS.oauth.sensitiveScopes,
      }),
    );
    expect(sut.score - plain.score).toBe(DEFAULT_RISK_WEIGHTS.oauth.sensitiveScopes);
    expect(plain.factors.map((f) => f.key)).not.toContain('oauth.sensitive-scopes');
    const off = computeRisk(
      input({ oauthSensitiveScopes: true }),
      resolveRiskWeights({ oauth: { sensitiveScopes: 0 } }),
    );
    expect(off.factors.map((f) => f.key)).not.toContain('oauth.sensitive-scopes');
  });

  it('should lower the score of a local model runtime by a named factor', () => {
    const cloud = computeRisk(input({ toolName: 'Cloud', toolCategory: 'llm-api' }));
    const sut = computeRisk(input({ toolName: 'Ollama', toolCategory: 'local-runtime' }));
    expect(sut.factors).toContainEqual({
      key: 'deployment.local-runtime',
      points: DEFAULT_RISK_WEIGHTS.deployment.localRuntime,
      reason: 'Ollama runs models locally: prompts and data stay on the machine',
    });
    expect(DEFAULT_RISK_WEIGHTS.deployment.localRuntime).toBeLessThan(0);
    expect(sut.score).toBeLessThan(cloud.score);
    expect(cloud.factors.map((f) => f.key)).not.toContain('deployment.local-runtime');
  });

  it('should score sanctioned use within its terms as zero when disclosed', () => {
    const sut = computeRisk(
      input({
        sanction: evaluateSanction({
          policy: { status: 'sanctioned', allowedDataClasses: [], tenantBound: false },
          dataClasses: [],
        }),
        vendorFacts: riskyVendor,
      }),
    );
    expect(sut).toEqual({ score: 0, tier: 'low', factors: [] });
  });

  it('should sum named factors with a reason each when a prohibited risky tool is used undisclosed', () => {
    const sut = computeRisk(
      input({
        sanction: evaluateSanction({
          policy: { status: 'prohibited', allowedDataClasses: [], tenantBound: false },
          dataClasses: ['pii'],
        }),
        vendorFacts: riskyVendor,
        dataClasses: ['pii', 'internal'],
        repositories: 2,
        bytes: 2_000_000_000,
        activeDays: 25,
        disclosure: 'undisclosed',
        signals: ['network', 'config-file'],
      }),
    );
    const keys = sut.factors.map((f) => f.key);
    expect(keys).toEqual([
      'policy',
      'vendor.trains-on-inputs',
      'vendor.retention',
      'vendor.no-sso',
      'vendor.jurisdiction',
      'data-class',
      'breadth.repositories',
      'breadth.volume',
      'breadth.activity',
      'disclosure',
      'confidence.corroborated',
    ]);
    expect(sut.factors.every((f) => f.reason.length > 0)).toBe(true);
    expect(sut.score).toBe(100); // 40+12+4+3+10+12+4+8+5+10+3 = 111, clamped
    expect(sut.tier).toBe('critical');
  });

  it('should give the same score and factors when called twice with the same input', () => {
    const i = input({
      dataClasses: ['phi', 'pii'],
      disclosure: 'undisclosed',
      vendorFacts: undefined,
    });
    expect(computeRisk(i)).toEqual(computeRisk({ ...i, dataClasses: ['pii', 'phi'] }));
  });

  it('should add a violation factor when a public-only tool is traced with pii data', () => {
    const sanction = evaluateSanction({
      policy: { status: 'sanctioned', allowedDataClasses: ['public'], tenantBound: false },
      dataClasses: ['pii'],
    });
    const sut = computeRisk(input({ sanction, dataClasses: ['pii'], vendorFacts: safeVendor }));
    expect(sut.factors.find((f) => f.key === 'violation.data-class')?.points).toBe(25);
    expect(sut.score).toBe(25); // the pii is counted once, by the violation
  });

  it('should lower the score when every trace is low confidence', () => {
    const strong = computeRisk(input({ disclosure: 'undisclosed' }));
    const weak = computeRisk(input({ disclosure: 'undisclosed', maxConfidence: 0.3 }));
    expect(weak.score).toBe(Math.max(0, strong.score - 12));
    expect(weak.factors.at(-1)?.key).toBe('confidence.low');
  });

  it('should never go below zero when only negative factors apply', () => {
    const sanction = evaluateSanction({
      policy: { status: 'sanctioned', allowedDataClasses: [], tenantBound: false },
      dataClasses: [],
    });
    expect(computeRisk(input({ sanction, maxConfidence: 0.1 })).score).toBe(0);
  });

  it('should use overridden weights when given', () => {
    const weights = resolveRiskWeights({
      policy: { ...DEFAULT_RISK_WEIGHTS.policy, unreviewed: 50 },
    });
    const sut = computeRisk(input(), weights);
    expect(sut.factors[0]).toEqual({
      key: 'policy',
      points: 50,
      reason: 'Tool is unreviewed by policy',
    });
    expect(sut.tier).toBe('high');
  });
});

describe(resolveRiskWeights.name, () => {
  it('should keep defaults for sections not overridden', () => {
    const sut = resolveRiskWeights({ disclosure: { undisclosed: 20 } });
    expect(sut.disclosure).toEqual({ ...DEFAULT_RISK_WEIGHTS.disclosure, undisclosed: 20 });
    expect(sut.policy).toBe(DEFAULT_RISK_WEIGHTS.policy);
  });

  it('should reject tiers out of order', () => {
    expect(() => resolveRiskWeights({ tiers: { critical: 10, high: 20 } })).toThrow(/tiers/);
  });

  it('should reject an unknown section', () => {
    expect(() => resolveRiskWeights({ nope: {} } as never)).toThrow(/unknown section "nope"/);
  });
});

describe(riskTier.name, () => {
  it.each([
    [100, 'critical'],
    [70, 'critical'],
    [69, 'high'],
    [45, 'high'],
    [20, 'medium'],
    [19, 'low'],
    [0, 'low'],
  ])('should map %d to %s', (score, tier) => {
    expect(riskTier(score)).toBe(tier);
  });
});

describe('agent and MCP risk factors', () => {
  const flags = [
    'agent.unrestricted-shell|claude-code settings .claude/settings.json',
    'mcp.write-sensitive|github (GitHub MCP Server: writes code-host)',
    'mcp.unknown-package|helper (mcp-shady-helper)',
    'mcp.unpinned|helper (mcp-shady-helper)',
    'mcp.remote-unknown|remote (mcp.unknown.example)',
  ];

  it('should add one named factor per flag kind, with its weight and what it is about', () => {
    const r = computeRisk(
      input({ subjectType: 'repository', dataClasses: ['phi'], riskFlags: flags }),
    );
    const byKey = new Map(r.factors.map((f) => [f.key, f]));
    expect(byKey.get('agent.unrestricted-shell')).toEqual({
      key: 'agent.unrestricted-shell',
      points: DEFAULT_RISK_WEIGHTS.agents.unrestrictedShellSensitiveData,
      reason:
        'an agent may run any shell command where the repository holds phi data: claude-code settings .claude/settings.json',
    });
    expect(byKey.get('mcp.write-sensitive')?.points).toBe(
      DEFAULT_RISK_WEIGHTS.agents.mcpWriteSensitive,
    );
    expect(byKey.get('mcp.unknown-package')?.reason).toContain('helper (mcp-shady-helper)');
    expect(byKey.get('mcp.unpinned')?.points).toBe(DEFAULT_RISK_WEIGHTS.agents.mcpUnpinned);
    expect(byKey.get('mcp.remote-unknown')?.reason).toContain('mcp.unknown.example');
  });

  it('should count an unrestricted shell only in a repository holding pii or phi', () => {
    const r = computeRisk(
      input({ subjectType: 'repository', dataClasses: ['internal'], riskFlags: flags }),
    );
    expect(r.factors.map((f) => f.key)).not.toContain('agent.unrestricted-shell');
    expect(r.factors.map((f) => f.key)).toContain('mcp.write-sensitive');
  });

  it('should take agent weights from configuration', () => {
    const w = resolveRiskWeights({ agents: { mcpUnpinned: 9 } });
    const r = computeRisk(input({ riskFlags: ['mcp.unpinned|x (y)'] }), w);
    expect(r.factors.find((f) => f.key === 'mcp.unpinned')?.points).toBe(9);
  });
});
