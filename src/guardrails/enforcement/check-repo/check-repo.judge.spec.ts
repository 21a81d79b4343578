import { defaultPolicy } from '../../../catalog/catalog.service';
import type { ToolPolicy } from '../../../catalog/policy-yaml';
import type { RepoTrace } from '../../../signals/repos/repo-scan.types';
import { checkToSarif, judgeRepository } from './check-repo.judge';
import { parseDataClassFlags, parseRepoSettings } from './repo-settings';

const dep = (toolId: string, confidence = 0.9, path = 'package.json'): RepoTrace => ({
  toolId,
  signal: 'dependency',
  path,
  line: 3,
  confidence,
  detail: { package: toolId === 'openai-api' ? 'openai' : toolId, version: '1.0.0' },
});

function policies(...list: Partial<ToolPolicy>[]): Map<string, ToolPolicy> {
  return new Map(list.map((p) => [p.toolId!, { ...defaultPolicy(p.toolId!), ...p }]));
}

const name = (id: string) => id.toUpperCase();

describe(judgeRepository.name, () => {
  it('should fail a prohibited tool committed in the tree and pass an allowed one', () => {
    const sut = judgeRepository(
      [dep('openai-api'), dep('langchain')],
      policies(
        { toolId: 'openai-api', status: 'prohibited' },
        { toolId: 'langchain', status: 'sanctioned' },
      ),
      [],
      name,
    );
    expect(sut.passed).toBe(false);
    expect(sut.violations).toEqual([
      expect.objectContaining({
        toolId: 'openai-api',
        verdict: 'prohibited',
        toolName: 'OPENAI-API',
      }),
    ]);
    expect(sut.allowed).toEqual([{ toolId: 'langchain', policyStatus: 'sanctioned' }]);
  });

  it('should not judge a lead, nor fail on history or .gitignore traces alone', () => {
    const prohibited = policies({ toolId: 'cursor', status: 'prohibited' });
    const lead = judgeRepository(
      [dep('cursor', 0.3, 'test/fixtures/package.json')],
      prohibited,
      [],
      name,
    );
    expect(lead).toMatchObject({ passed: true, allowed: [] });
    const history = judgeRepository(
      [
        { toolId: 'cursor', signal: 'commit-trailer', commit: 'abc', confidence: 0.95, detail: {} },
        {
          toolId: 'cursor',
          signal: 'config-file',
          path: '.gitignore',
          confidence: 0.4,
          detail: { gitignoreEntry: '.cursor/' },
        },
      ],
      prohibited,
      [],
      name,
    );
    expect(history.passed).toBe(true);
  });

  it('should fail a sanctioned tool used with data classes its policy does not allow', () => {
    const p = policies({
      toolId: 'openai-api',
      status: 'sanctioned',
      dataClasses: ['public', 'internal'],
    });
    expect(judgeRepository([dep('openai-api')], p, ['internal'], name).passed).toBe(true);
    const sut = judgeRepository([dep('openai-api')], p, ['pii', 'internal'], name);
    expect(sut.violations[0]).toMatchObject({ verdict: 'data-class' });
    expect(sut.violations[0].reason).toContain(
      'only for public, internal data; this repository holds pii',
    );
  });

  it('should report a fixture trace of a failing tool as a warning that does not fail alone', () => {
    const sut = judgeRepository(
      [dep('openai-api'), dep('openai-api', 0.3, 'examples/demo/package.json')],
      policies({ toolId: 'openai-api', status: 'prohibited' }),
      [],
      name,
    );
    expect(sut.violations[0].traces.map((t) => [t.path, t.blocking])).toEqual([
      ['package.json', true],
      ['examples/demo/package.json', false],
    ]);
  });
});

describe(checkToSarif.name, () => {
  it('should hold the SARIF 2.1.0 essentials code scanning needs for each result', () => {
    const outcome = judgeRepository(
      [dep('openai-api')],
      policies({ toolId: 'openai-api', status: 'prohibited' }),
      [],
      name,
    );
    const sut = checkToSarif('svc', outcome, '1.2.3') as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: Record<string, unknown>[];
      }[];
    };
    expect(sut.version).toBe('2.1.0');
    expect(sut.runs).toHaveLength(1);
    const [run] = sut.runs;
    expect(run.tool.driver.name).toBe('ai-census');
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    expect(run.results).toEqual([
      expect.objectContaining({
        ruleId: 'ai-census/prohibited',
        level: 'error',
        message: { text: expect.stringContaining('dependency openai@1.0.0') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'package.json', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3 },
            },
          },
        ],
      }),
    ]);
    for (const r of run.results) expect(ruleIds[r.ruleIndex as number]).toBe(r.ruleId);
  });
});

describe(parseRepoSettings.name, () => {
  it('should read the data classes and name the line of a bad one', () => {
    expect(parseRepoSettings('dataClasses: [PII, confidential]\n')).toEqual({
      settings: { dataClasses: ['confidential', 'pii'] },
      problems: [],
    });
    expect(parseRepoSettings('dataClasses: phi\n').settings.dataClasses).toEqual(['phi']);
    const bad = parseRepoSettings('# repo\ndataClasses:\n  - pii\n  - secret\nteam: x\n');
    expect(bad.settings.dataClasses).toEqual(['pii']);
    expect(bad.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['5 team', '4 dataClasses']);
    expect(parseRepoSettings('dataClasses: [').problems[0].field).toBe('(yaml)');
    expect(parseRepoSettings('').problems).toEqual([]);
  });

  it('should read --data-class values and refuse an unknown one', () => {
    expect(parseDataClassFlags(['pii,internal', 'PII'])).toEqual(['internal', 'pii']);
    expect(() => parseDataClassFlags(['secret'])).toThrow(/"secret" is not one of/);
  });
});
