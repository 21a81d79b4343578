import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { loadBuiltinCatalog } from '../../../catalog/catalog-loader';
import { defaultPolicy } from '../../../catalog/catalog.service';
import type { ToolPolicy } from '../../../catalog/policy-yaml';
import type { FindingRecord } from '../../../findings/findings.types';
import {
  buildRegister,
  REGISTER_CSV_HEADER,
  registerToCsv,
  registerToXlsx,
  registerToYaml,
} from './ai-register';

const tools = loadBuiltinCatalog();

function finding(p: Partial<FindingRecord> & { toolId: string }): FindingRecord {
  return {
    id: `f-${p.toolId}-${p.subjectId ?? 'svc'}`,
    subjectType: 'repository',
    subjectId: 'svc',
    sanctionStatus: 'sanctioned',
    shadow: false,
    strength: 'claim',
    disclosure: 'not-applicable',
    score: 10,
    tier: 'low',
    factors: [],
    signals: ['dependency'],
    repositories: ['svc'],
    evidenceCount: 1,
    bytes: 0,
    firstSeen: new Date('2026-03-01T00:00:00Z'),
    lastSeen: new Date('2026-05-01T00:00:00Z'),
    triageState: 'open',
    ...p,
  };
}

const policies = new Map<string, ToolPolicy>(tools.map((t) => [t.id, defaultPolicy(t.id)]));
policies.set('github-copilot', {
  ...defaultPolicy('github-copilot'),
  status: 'sanctioned',
  dataClasses: ['public', 'internal'],
  tenantBound: true,
  owner: 'Developer Experience',
  purpose: 'Code completion, "chat" and review',
  nextReview: '2027-03-31',
  decidedAt: new Date('2026-10-02T09:00:00Z'),
  decidedBy: 'alice',
});
policies.set('deepseek-chat', { ...defaultPolicy('deepseek-chat'), status: 'prohibited' });

const findings = [
  finding({ toolId: 'github-copilot', signals: ['config-file'] }),
  finding({ toolId: 'github-copilot', subjectId: 'web', repositories: ['web'] }),
  finding({ toolId: 'cursor', subjectType: 'person', subjectId: 'p1', repositories: [] }),
  finding({ toolId: 'windsurf', strength: 'lead' }),
  finding({ toolId: 'tabnine', triageState: 'false-positive' }),
];
const NOW = new Date('2026-11-29T12:00:00Z');

describe(buildRegister.name, () => {
  const sut = buildRegister(tools, policies, findings, NOW);

  it('should list tools in use and tools decided on, never leads or dismissed findings', () => {
    expect(sut.entries.map((e) => [e.toolId, e.inUse])).toEqual([
      ['cursor', true],
      ['deepseek-chat', false],
      ['github-copilot', true],
    ]);
  });

  it('should carry owner, purpose, data classes, decision date, next review and references', () => {
    expect(sut.entries[2]).toEqual({
      toolId: 'github-copilot',
      tool: 'GitHub Copilot',
      vendor: expect.any(String),
      category: 'coding-assistant',
      status: 'sanctioned',
      owner: 'Developer Experience',
      purpose: 'Code completion, "chat" and review',
      dataClasses: ['internal', 'public'],
      tenantBound: true,
      decisionDate: '2026-10-02',
      nextReview: '2027-03-31',
      inUse: true,
      repositories: 2,
      signals: ['config-file', 'dependency'],
      firstSeen: '2026-03-01',
      lastSeen: '2026-05-01',
      complianceReferences: expect.arrayContaining([
        'EU AI Act Article 4',
        'ISO/IEC 42001 Annex A.9.2',
      ]),
      note: null,
    });
    expect(JSON.stringify(sut)).not.toContain('alice');
    // an undecided tool in use is documented as inventory only
    expect(sut.entries[0].complianceReferences).toEqual([
      'NIST AI RMF GOVERN 1.6',
      'NIST AI RMF MAP 4.1',
    ]);
  });

  it('should round-trip through YAML, CSV and XLSX', async () => {
    const yaml = parse(registerToYaml(sut)) as { version: number; entries: unknown[] };
    expect(yaml.version).toBe(1);
    expect(yaml.entries).toEqual(JSON.parse(JSON.stringify(sut.entries)));

    const rows = parseCsv(registerToCsv(sut), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(REGISTER_CSV_HEADER);
    expect(rows[2]).toMatchObject({
      tool_id: 'github-copilot',
      purpose: 'Code completion, "chat" and review',
      data_classes: 'internal; public',
      compliance_references: expect.stringContaining('EU AI Act Article 4'),
      next_review: '2027-03-31',
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerToXlsx(sut)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('AI register')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...REGISTER_CSV_HEADER]);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).getCell(1).value).toBe('github-copilot');
    expect(sheet.getRow(4).getCell(6).value).toBe('Developer Experience');
  });
});
