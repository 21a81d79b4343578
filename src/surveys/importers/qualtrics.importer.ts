import type { ColumnSpec, SurveyImporter } from './import.types';
import { columnValues, looksJoined } from './plan.util';

const META: Record<string, ColumnSpec['role']> = {
  recordeddate: 'submitted-at',
  responseid: 'respondent-id',
  recipientemail: 'respondent-email',
  externalreference: 'respondent-token',
  externaldatareference: 'respondent-token',
};
const KNOWN_META = new Set([
  'startdate',
  'enddate',
  'status',
  'ipaddress',
  'progress',
  'duration (in seconds)',
  'finished',
  'recipientlastname',
  'recipientfirstname',
  'locationlatitude',
  'locationlongitude',
  'distributionchannel',
  'userlanguage',
]);

interface QualtricsColumn {
  index: number;
  id: string;
  label: string;
  importId: string;
  timeZone?: string;
}

export const qualtricsImporter: SurveyImporter = {
  format: 'qualtrics',
  detect(table) {
    return (table[2] ?? []).some((cell) => cell.trim().startsWith('{"ImportId"'));
  },
  plan(table) {
    const ids = table[0] ?? [];
    const cols: QualtricsColumn[] = ids.map((id, index) => ({
      index,
      id: id.trim(),
      label: (table[1]?.[index] ?? '').trim(),
      importId: readImportId(table[2]?.[index] ?? '').importId,
      timeZone: readImportId(table[2]?.[index] ?? '').timeZone,
    }));
    // Split multi-select: Q5_1, Q5_2 … with ImportIds QID5_1, QID5_2 (no _TEXT).
    const splitBase = (c: QualtricsColumn) => {
      const m = /^(QID\d+)_(\d+)$/.exec(c.importId);
      return m && /_\d+$/.test(c.id) ? m[1] : undefined;
    };
    const warnings: string[] = [];
    const baseCounts = new Map<string, number>();
    for (const c of cols) {
      const base = splitBase(c);
      if (base) baseCounts.set(base, (baseCounts.get(base) ?? 0) + 1);
    }
    const columns = cols.map((c): ColumnSpec => {
      const lower = c.id.toLowerCase();
      const role = META[lower];
      if (role === 'submitted-at')
        return { index: c.index, header: c.id, role, timeZone: c.timeZone };
      if (role) return { index: c.index, header: c.id, role };
      if (KNOWN_META.has(lower)) return { index: c.index, header: c.id, role: 'ignore' };
      // Text-analytics topics and the viewing order of randomised choices ("Export viewing
      // order data") are written by Qualtrics, not answered.
      if (
        /_TEXT_.*Topics$/i.test(c.importId) ||
        / - Topics$/.test(c.id) ||
        /_DO$/.test(c.importId) ||
        /_DO$/.test(c.id)
      ) {
        return { index: c.index, header: c.id, role: 'ignore' };
      }
      const base = splitBase(c);
      if (base && (baseCounts.get(base) ?? 0) > 1) {
        const cut = c.label.lastIndexOf(' - ');
        const questionKey = c.id.replace(/_\d+$/, '');
        return {
          index: c.index,
          header: c.id,
          role: 'question',
          questionKey,
          questionText: cut > 0 ? c.label.slice(0, cut) : questionKey,
          encoding: 'flag',
          option: cut > 0 ? c.label.slice(cut + 3) : c.id,
          // a split column holds the choice's text or its numeric value when chosen, and -99
          // when the question was seen but left unanswered ("Recode seen but unanswered")
          chosen: 'any',
          unselected: '-99',
        };
      }
      const isText = /_TEXT$/.test(c.importId);
      const values = columnValues(table, 3, c.index);
      const joined = !isText && looksJoined(values, ',', c.label);
      if (joined && values.every((v) => /^\d+(,\d+)*$/.test(v)))
        warnings.push(
          `${c.id} (${c.label || c.id}): choices exported as numeric values only; export with "Use choice text" or split multi-value fields to read which tools were ticked`,
        );
      return {
        index: c.index,
        header: c.id,
        role: 'question',
        questionKey: c.id,
        questionText: c.label || c.id,
        encoding: joined ? 'joined' : 'value',
        separator: joined ? ',' : undefined,
        kind: isText ? 'text' : undefined,
      };
    });
    return { format: 'qualtrics', headerRows: 3, columns, warnings };
  },
};

function readImportId(cell: string): { importId: string; timeZone?: string } {
  try {
    const parsed = JSON.parse(cell) as { ImportId?: unknown; timeZone?: unknown };
    return {
      importId: typeof parsed.ImportId === 'string' ? parsed.ImportId : '',
      timeZone: typeof parsed.timeZone === 'string' ? parsed.timeZone : undefined,
    };
  } catch {
    return { importId: '' };
  }
}
