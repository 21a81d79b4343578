import { stringify } from 'yaml';
import type {
  DataClass,
  PolicyStatus,
  ToolCategory,
  ToolDefinition,
} from '../../../catalog/catalog.types';
import {
  complianceReference,
  policyReferenceIds,
  type ComplianceFramework,
} from '../../../catalog/compliance-references';
import { defaultPolicy } from '../../../catalog/catalog.service';
import type { ToolPolicy } from '../../../catalog/policy-yaml';
import { toCsv } from '../../../common/csv';
import type { FindingRecord } from '../../../findings/findings.types';

export { REGISTER_FORMATS, type RegisterFormat } from './register-formats';

/** One tool of the AI register. No person is named: owner is a team or role. */
export interface RegisterEntry {
  toolId: string;
  tool: string;
  vendor: string;
  category: string;
  status: PolicyStatus;
  owner: string | null;
  purpose: string | null;
  /** data classes the policy allows the tool for; empty = no restriction recorded */
  dataClasses: DataClass[];
  tenantBound: boolean;
  /** YYYY-MM-DD of the last policy decision */
  decisionDate: string | null;
  nextReview: string | null;
  /** claimed use in a present finding that is not dismissed */
  inUse: boolean;
  repositories: number;
  signals: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** the provisions of the EU AI Act, ISO/IEC 42001 and NIST AI RMF the policy decision documents */
  complianceReferences: string[];
  note: string | null;
}

export interface AiRegister {
  generatedAt: string;
  entries: RegisterEntry[];
}

const NOT_IN_USE = new Set(['false-positive', 'remediated']);

/**
 * The register: every tool in use (a claimed finding, not dismissed or remediated) and every
 * tool the organisation decided on (any status but unreviewed), in tool id order.
 */
export function buildRegister(
  tools: readonly ToolDefinition[],
  policies: ReadonlyMap<string, ToolPolicy>,
  findings: readonly FindingRecord[],
  now: Date,
): AiRegister {
  const use = new Map<string, FindingRecord[]>();
  for (const f of findings) {
    if (f.strength !== 'claim' || NOT_IN_USE.has(f.triageState)) continue;
    use.set(f.toolId, [...(use.get(f.toolId) ?? []), f]);
  }
  const entries: RegisterEntry[] = [];
  for (const tool of [...tools].sort((a, b) => a.id.localeCompare(b.id))) {
    const policy = policies.get(tool.id) ?? defaultPolicy(tool.id);
    const used = use.get(tool.id) ?? [];
    if (used.length === 0 && policy.status === 'unreviewed') continue;
    const times = used.flatMap((f) => [
      new Date(f.firstSeen).getTime(),
      new Date(f.lastSeen).getTime(),
    ]);
    entries.push({
      toolId: tool.id,
      tool: tool.name,
      vendor: tool.vendor,
      category: tool.category,
      status: policy.status,
      owner: policy.owner ?? null,
      purpose: policy.purpose ?? null,
      dataClasses: [...policy.dataClasses].sort(),
      tenantBound: policy.tenantBound,
      decisionDate: policy.decidedAt ? new Date(policy.decidedAt).toISOString().slice(0, 10) : null,
      nextReview: policy.nextReview ?? null,
      inUse: used.length > 0,
      repositories: new Set(used.flatMap((f) => f.repositories)).size,
      signals: [...new Set(used.flatMap((f) => f.signals))].sort(),
      firstSeen: times.length ? new Date(Math.min(...times)).toISOString().slice(0, 10) : null,
      lastSeen: times.length ? new Date(Math.max(...times)).toISOString().slice(0, 10) : null,
      complianceReferences: complianceReferencesOf(policy, tool.category),
      note: policy.note,
    });
  }
  return { generatedAt: now.toISOString(), entries };
}

const FRAMEWORK_NAMES: Record<ComplianceFramework, string> = {
  'eu-ai-act': 'EU AI Act',
  'iso-iec-42001': 'ISO/IEC 42001',
  'nist-ai-rmf': 'NIST AI RMF',
};

/** The framework provisions a tool's policy documents, as a reader cites them ("EU AI Act Article 4"). */
export function complianceReferencesOf(policy: ToolPolicy, category: ToolCategory): string[] {
  return policyReferenceIds(policy, category).map((id) => {
    const r = complianceReference(id);
    return `${FRAMEWORK_NAMES[r.framework]} ${r.ref}`;
  });
}

/** The columns, in order, shared by CSV and XLSX. */
const COLUMNS: { key: keyof RegisterEntry; header: string; width: number }[] = [
  { key: 'toolId', header: 'tool_id', width: 22 },
  { key: 'tool', header: 'tool', width: 24 },
  { key: 'vendor', header: 'vendor', width: 18 },
  { key: 'category', header: 'category', width: 18 },
  { key: 'status', header: 'status', width: 13 },
  { key: 'owner', header: 'owner', width: 20 },
  { key: 'purpose', header: 'purpose', width: 32 },
  { key: 'dataClasses', header: 'data_classes', width: 22 },
  { key: 'tenantBound', header: 'tenant_bound', width: 12 },
  { key: 'decisionDate', header: 'decision_date', width: 13 },
  { key: 'nextReview', header: 'next_review', width: 13 },
  { key: 'inUse', header: 'in_use', width: 8 },
  { key: 'repositories', header: 'repositories', width: 12 },
  { key: 'signals', header: 'signals', width: 28 },
  { key: 'firstSeen', header: 'first_seen', width: 12 },
  { key: 'lastSeen', header: 'last_seen', width: 12 },
  { key: 'complianceReferences', header: 'compliance_references', width: 36 },
  { key: 'note', header: 'note', width: 32 },
];
export const REGISTER_CSV_HEADER = COLUMNS.map((c) => c.header);

function cell(value: RegisterEntry[keyof RegisterEntry]): string | number | boolean | null {
  return Array.isArray(value) ? value.join('; ') : value;
}

export function registerToCsv(register: AiRegister): string {
  return toCsv(
    REGISTER_CSV_HEADER,
    register.entries.map((e) => COLUMNS.map((c) => cell(e[c.key]))),
  );
}

export function registerToYaml(register: AiRegister): string {
  return (
    '# AI Census AI register: every AI tool in use or decided on, with its policy.\n' +
    stringify({ version: 1, ...register }, { lineWidth: 0 })
  );
}

export async function registerToXlsx(register: AiRegister): Promise<Buffer> {
  // exceljs is loaded when a workbook is made, not when the module is (start-up cost).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AI Census';
  wb.created = new Date(register.generatedAt);
  const sheet = wb.addWorksheet('AI register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const e of register.entries)
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, cell(e[c.key])])));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
