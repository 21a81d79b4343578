import type { ColumnSpec, SurveyImporter } from './import.types';
import { splitEncoding } from './column-groups';
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
    // An NPS question comes with a QIDn_NPS_GROUP column (1 detractor, 2 passive, 3 promoter).
    const nps = new Set(
      cols.map((c) => /^(QID\d+)_NPS_GROUP$/.exec(c.importId)?.[1]).filter((b): b is string => !!b),
    );
    const groupEncoding = new Map<string, 'flag' | 'matrix' | 'rank'>();
    for (const base of baseCounts.keys())
      groupEncoding.set(
        base,
        splitEncoding(
          table,
          3,
          cols.filter((c) => splitBase(c) === base),
        ),
      );
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
        /_NPS_GROUP$/.test(c.importId) ||
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
        const encoding = groupEncoding.get(base) ?? 'flag';
        const part = cut > 0 ? c.label.slice(cut + 3) : c.id;
        // Matrix rows ("statement - Coding") and rank order options hold a point or a rank.
        if (encoding !== 'flag')
          return {
            index: c.index,
            header: c.id,
            role: 'question',
            questionKey,
            questionText: cut > 0 ? c.label.slice(0, cut) : questionKey,
            encoding,
            ...(encoding === 'matrix' ? { item: part } : { option: part }),
          };
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
        // a text entry validated as a number ("hours saved") stays a number
        kind: isText
          ? values.length && values.every((v) => /^-?\d+(?:[.,]\d+)?$/.test(v))
            ? 'number'
            : 'text'
          : nps.has(c.importId)
            ? 'nps'
            : undefined,
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
