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
});
