import { DomainError, ErrorCode } from '../../common/domain-error';
import type { Answer, Answers, QuestionDefinition } from '../survey.types';

export interface ExportColumn {
  header: string;
  /** what the header stands for, for the workbook's Questions sheet */
  label: string;
  numeric: boolean;
  value(answers: Answers): string | number | null;
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: (string | number | null)[][];
}

export const SMALL_TEAM = '(team below k)';

const NUMERIC_KINDS = ['scale', 'likert', 'nps', 'number'];

const asNumber = (v: string) => (Number.isFinite(Number(v)) && v !== '' ? Number(v) : v);

/**
 * One column per question; a matrix gets one per item (the chosen column) and a ranking one per
 * option (its rank, 1 = first); a multiple choice joins its choices with "; ".
 */
export function exportColumns(questions: QuestionDefinition[]): ExportColumn[] {
  return questions.flatMap((q): ExportColumn[] => {
    const get = (a: Answers): Answer | undefined => a[q.key];
    if (q.kind === 'matrix')
      return (q.items ?? []).map((item) => ({
        header: `${q.key}[${item.value}]`,
        label: `${q.text} — ${item.label}`,
        numeric: !!q.scale,
        value: (a) => {
          const row = get(a);
          const v =
            row && typeof row === 'object' && !Array.isArray(row) ? row[item.value] : undefined;
          return v === undefined ? null : q.scale ? asNumber(v) : v;
        },
      }));
    if (q.kind === 'ranking')
      return (q.options ?? []).map((o) => ({
        header: `${q.key}[${o.value}]`,
        label: `${q.text} — rank of ${o.label}`,
        numeric: true,
        value: (a) => {
          const r = get(a);
          const at = Array.isArray(r) ? r.indexOf(o.value) : -1;
          return at === -1 ? null : at + 1;
        },
      }));
    return [
      {
        header: q.key,
        label: q.number?.unit ? `${q.text} (${q.number.unit})` : q.text,
        numeric: NUMERIC_KINDS.includes(q.kind),
        value: (a) => {
          const v = get(a);
          if (v === undefined) return null;
          if (Array.isArray(v)) return v.join('; ');
          if (typeof v === 'object') return Object.values(v).join('; ');
          return NUMERIC_KINDS.includes(q.kind) ? asNumber(v) : v;
        },
      },
    ];
  });
}

/**
 * The responses as rows, suppressed like the results: no person, pseudonym or date; the team
 * only when at least k respondents share it; nothing at all when fewer than k answered.
 */
export function exportTable(
  surveyId: string,
  questions: QuestionDefinition[],
  responses: { answers: Answers; team: string | null }[],
  k: number,
): ExportTable {
  if (responses.length < k)
    throw new DomainError(
      ErrorCode.Conflict,
      `survey ${surveyId} has fewer than k (${k}) responses; an export would show individuals`,
    );
  const teamSizes = new Map<string, number>();
  for (const r of responses) if (r.team) teamSizes.set(r.team, (teamSizes.get(r.team) ?? 0) + 1);
  const teamColumn: ExportColumn = {
    header: 'team',
    label: 'Team',
    numeric: false,
    value: () => null,
  };
  const columns = [teamColumn, ...exportColumns(questions)];
  const rows = responses.map((r) => [
    r.team === null ? null : (teamSizes.get(r.team) ?? 0) >= k ? r.team : SMALL_TEAM,
    ...columns.slice(1).map((c) => c.value(r.answers)),
  ]);
  return { columns, rows };
}
