import { parsePolicyYaml, policiesToYaml, type ToolPolicy } from './policy-yaml';

const known = new Set(['github-copilot', 'chatgpt', 'cursor']);

const policy = (p: Partial<ToolPolicy> & { toolId: string }): ToolPolicy => ({
  status: 'unreviewed',
  dataClasses: [],
  tenantBound: false,
  note: null,
  decidedBy: null,
  decidedAt: null,
  ...p,
});

describe('policy YAML', () => {
  it('should round-trip the policies that were decided', () => {
    const yaml = policiesToYaml([
      policy({
        toolId: 'github-copilot',
        status: 'sanctioned',
        dataClasses: ['public', 'internal', 'confidential'],
        tenantBound: true,
        note: 'Org seats only',
        decidedBy: 'ciso',
        decidedAt: new Date('2026-11-01T10:00:00Z'),
      }),
      policy({ toolId: 'chatgpt', status: 'prohibited', note: 'Use the enterprise tenant' }),
      policy({ toolId: 'cursor' }),
    ]);
    expect(yaml).not.toContain('cursor');
    const sut = parsePolicyYaml(yaml, known);
    expect(sut.problems).toEqual([]);
    expect(sut.changes).toEqual([
      {
        toolId: 'chatgpt',
        status: 'prohibited',
        dataClasses: [],
        tenantBound: false,
        note: 'Use the enterprise tenant',
      },
      {
        toolId: 'github-copilot',
        status: 'sanctioned',
        dataClasses: ['public', 'internal', 'confidential'],
        tenantBound: true,
        note: 'Org seats only',
      },
    ]);
  });

  it('should name the line and field of every problem and apply nothing', () => {
    const yaml = [
      'version: 1',
      'policies:',
      '  github-copilot:',
      '    status: allowed',
      '    dataClasses: [public, secret]',
      '  no-such-tool:',
      '    status: sanctioned',
      '  cursor:',
      '    status: tolerated',
      '    tenantBound: "yes"',
      '    colour: red',
      '  chatgpt:',
      '    status: prohibited',
    ].join('\n');
    const sut = parsePolicyYaml(yaml, known);
    expect(sut.changes).toEqual([]);
    expect(sut.problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      '4 policies.github-copilot.status',
      '5 policies.github-copilot.dataClasses',
      '6 policies.no-such-tool',
      '11 policies.cursor.colour',
      '10 policies.cursor.tenantBound',
    ]);
  });

  it('should report broken YAML and a wrong version', () => {
    expect(parsePolicyYaml('version: 1\npolicies: [', known).problems[0].field).toBe('(yaml)');
    expect(parsePolicyYaml('version: 2\npolicies: {}', known).problems).toEqual([
      { line: 1, field: 'version', message: 'must be 1' },
    ]);
  });

  it('should round-trip owner, purpose and next review, and keep them out of changes when absent', () => {
    const yaml = policiesToYaml([
      policy({
        toolId: 'cursor',
        status: 'tolerated',
        owner: 'Platform team',
        purpose: 'Agentic refactoring',
        nextReview: '2027-01-31',
      }),
    ]);
    expect(yaml).toMatch(
      /owner: Platform team\n\s+purpose: Agentic refactoring\n\s+nextReview: 2027-01-31/,
    );
    expect(parsePolicyYaml(yaml, known).changes).toEqual([
      {
        toolId: 'cursor',
        status: 'tolerated',
        dataClasses: [],
        tenantBound: false,
        note: null,
        owner: 'Platform team',
        purpose: 'Agentic refactoring',
        nextReview: '2027-01-31',
      },
    ]);
    const cleared = parsePolicyYaml(
      'version: 1\npolicies:\n  cursor:\n    status: tolerated\n    owner: null\n',
      known,
    );
    expect(cleared.changes[0]).toMatchObject({ owner: null });
    expect('purpose' in cleared.changes[0]).toBe(false);
  });

  it('should refuse a next review that is not a calendar date, naming its line', () => {
    const sut = parsePolicyYaml(
      'version: 1\npolicies:\n  cursor:\n    status: tolerated\n    nextReview: 2027-02-30\n    owner: 3\n',
      known,
    );
    expect(sut.problems).toEqual([
      { line: 6, field: 'policies.cursor.owner', message: 'must be text' },
      {
        line: 5,
        field: 'policies.cursor.nextReview',
        message: 'must be a date written YYYY-MM-DD',
      },
    ]);
  });

  it('should round-trip a status per action and refuse an unknown action or status by line', () => {
    const yaml = policiesToYaml([
      policy({ toolId: 'chatgpt', status: 'sanctioned', actions: { upload: 'prohibited' } }),
      // unreviewed with only per-action statuses is still a decision worth keeping
      policy({ toolId: 'cursor', actions: { agent: 'prohibited' } }),
    ]);
    expect(yaml).toContain('upload: prohibited');
    const { changes, problems } = parsePolicyYaml(yaml, known);
    expect(problems).toEqual([]);
    expect(changes.map((c) => [c.toolId, c.actions])).toEqual([
      ['chatgpt', { upload: 'prohibited' }],
      ['cursor', { agent: 'prohibited' }],
    ]);
    const bad = parsePolicyYaml(
      [
        'version: 1',
        'policies:',
        '  chatgpt:',
        '    status: sanctioned',
        '    actions: { teleport: prohibited }',
        '  cursor:',
        '    status: sanctioned',
        '    actions: { upload: banned }',
      ].join('\n'),
      known,
    );
    expect(bad.changes).toEqual([]);
    expect(bad.problems).toEqual([
      expect.objectContaining({ line: 5, field: 'policies.chatgpt.actions' }),
      expect.objectContaining({ line: 8, field: 'policies.cursor.actions' }),
    ]);
  });
});
