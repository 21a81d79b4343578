import { columnValues } from './plan.util';
import type { ColumnSpec } from './import.types';
import type { LimeHeading } from './limesurvey-headings';

interface ArrayColumn {
  index: number;
  header: string;
  heading: LimeHeading;
}

// A ranking's columns are its ranks: "Q2[1]", "Q2[2]"… in code headings, "Question [Ranking 1]"
// (or "[1]") in text headings; each cell is the answer placed at that rank.
const RANK = /^(?:ranking\s*|rank\s*)?(\d{1,2})$/i;

/**
 * The columns of a LimeSurvey array (one per subquestion, each cell a point or answer on one
 * shared scale) as a matrix, or of a ranking as its positions; undefined when the group holds
 * free text or numbers per row (multiple short text, multiple numerical input).
 */
export function arrayColumns(
  table: string[][],
  subs: ArrayColumn[],
  key: string,
  questionText: string,
  /** the cells read as ticked options: only a ranking can claim the group then */
  choiceLike: boolean,
): ColumnSpec[] | undefined {
  if (subs.length < 2) return undefined;
  const cells = subs.flatMap((s) => columnValues(table, 1, s.index));
  const rankOf = (s: ArrayColumn) =>
    Number(RANK.exec(s.heading.subCode ?? '')?.[1] ?? RANK.exec(s.heading.subText ?? '')?.[1]);
  const ranks = subs.map(rankOf);
  const base = (s: ArrayColumn) => ({
    index: s.index,
    header: s.header,
    role: 'question' as const,
    questionKey: key,
    questionText,
  });
  if (ranks.every((r, i) => r === i + 1))
    return subs.map((s, i) => ({ ...base(s), encoding: 'position', position: ranks[i] }));
  if (choiceLike) return undefined;
  const distinct = new Set(cells);
  const shortAnswers = cells.every((v) => v.length <= 40) && distinct.size <= 12;
  const numbers = cells.length > 0 && cells.every((v) => /^-?\d+(?:\.\d+)?$/.test(v));
  if (!cells.length || !shortAnswers || (numbers && cells.some((v) => +v > 10))) return undefined;
  return subs.map((s) => ({
    ...base(s),
    encoding: 'matrix',
    item: s.heading.subText ?? s.heading.subCode ?? s.header,
  }));
}
