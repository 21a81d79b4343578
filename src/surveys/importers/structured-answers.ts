import { splitList } from './column-groups';
import type { ColumnSpec } from './import.types';
import type { Answer } from '../survey.types';

/** Says which cell did not fit its question; the row's other answers are still read. */
export type CellReport = (column: ColumnSpec, problem: string) => void;

const UNANSWERED = '-99';

/**
 * A matrix's row answers, or a ranking's options in ranked order, read from the columns of one
 * question; undefined when the row left it empty (or its cells contradict each other, which is
 * reported), null when the columns hold another kind.
 */
export function structuredAnswer(
  columns: ColumnSpec[],
  row: string[],
  report: CellReport,
): Answer | undefined | null {
  const cell = (c: ColumnSpec) => (row[c.index] ?? '').trim();
  if (columns.every((c) => c.encoding === 'matrix')) {
    const rows: Record<string, string> = {};
    for (const c of columns)
      if (cell(c) && cell(c) !== UNANSWERED) rows[c.item ?? c.header] = cell(c);
    return Object.keys(rows).length ? rows : undefined;
  }
  if (columns.length === 1 && columns[0].encoding === 'pairs')
    return pairsAnswer(columns[0], cell(columns[0]), report);
  if (columns.every((c) => c.encoding === 'rank')) return rankAnswer(columns, cell, report);
  if (columns.every((c) => c.encoding === 'position')) return positionAnswer(columns, cell, report);
  if (columns.length === 1 && columns[0].kind === 'ranking' && columns[0].encoding === 'joined') {
    const c = columns[0];
    const list = splitList(cell(c), c.separator ?? ';');
    if (!list.length) return undefined;
    const twice = list.find((o, i) => list.indexOf(o) !== i);
    if (twice) {
      report(c, `"${twice}" is ranked twice`);
      return undefined;
    }
    return list;
  }
  return null;
}

/** One column per option holding its rank (1 = first). */
function rankAnswer(
  columns: ColumnSpec[],
  cell: (c: ColumnSpec) => string,
  report: CellReport,
): Answer | undefined {
  const taken = new Map<number, ColumnSpec>();
  for (const c of columns) {
    const raw = cell(c);
    if (!raw || raw === UNANSWERED) continue;
    const rank = Number(raw);
    if (!Number.isInteger(rank) || rank < 1 || rank > columns.length) {
      report(c, `rank "${raw}" is not a whole number from 1 to ${columns.length}`);
      return undefined;
    }
    const before = taken.get(rank);
    if (before) {
      report(c, `rank ${rank} is given twice (also to "${before.option ?? before.header}")`);
      return undefined;
    }
    taken.set(rank, c);
  }
  const ranked = [...taken.entries()].sort((a, b) => a[0] - b[0]);
  return ranked.length ? ranked.map(([, c]) => c.option ?? c.header) : undefined;
}

/** One column per rank holding the option placed there (LimeSurvey "Q2[1]", "Q2[2]"…). */
function positionAnswer(
  columns: ColumnSpec[],
  cell: (c: ColumnSpec) => string,
  report: CellReport,
): Answer | undefined {
  const ordered = [...columns].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of ordered) {
    const option = cell(c);
    if (!option) continue;
    if (seen.has(option)) {
      report(c, `"${option}" is ranked twice`);
      return undefined;
    }
    seen.add(option);
    out.push(option);
  }
  return out.length ? out : undefined;
}

/** "Coding: Often\nReview: Never" (older Formbricks matrix cells). */
function pairsAnswer(column: ColumnSpec, raw: string, report: CellReport): Answer | undefined {
  if (!raw) return undefined;
  const rows: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/).filter((l) => l.trim())) {
    const cut = line.lastIndexOf(':');
    if (cut <= 0) {
      report(column, `"${line.trim()}" is not a "row: answer" pair`);
      return undefined;
    }
    rows[line.slice(0, cut).trim()] = line.slice(cut + 1).trim();
  }
  return Object.keys(rows).length ? rows : undefined;
}
