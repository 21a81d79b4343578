// Small-cell suppression for survey breakdowns (group × category counts of respondents).

export interface BreakdownCell {
  group: string;
  category: string;
  count: number;
}

export type SuppressionReason = 'below-k' | 'group-below-k' | 'complementary';

export interface SuppressedCell {
  group: string;
  category: string;
  /** null when suppressed */
  count: number | null;
  suppressed: boolean;
  reason?: SuppressionReason;
}

export interface SuppressionInput {
  cells: BreakdownCell[];
  k: number;
  /** respondents per group; a group smaller than k is suppressed whole */
  groupSizes?: Record<string, number>;
  /**
   * Cells of a group add up to a published group total (single-choice answers). Multi-select
   * answers do not add up, so a lone suppressed cell cannot be derived from the group total.
   */
  groupsAdditive: boolean;
  /** Cells of a category add up across groups to a published overall count. */
  categoriesAdditive: boolean;
}

/**
 * Primary suppression: any cell of 1..k-1 respondents, and every cell of a group smaller than k.
 * Complementary suppression: wherever cells add up to a published total, a line with exactly one
 * suppressed cell gets a second one (the smallest other cell, preferring non-zero) so the hidden
 * value cannot be recovered by subtraction; repeated until no line has a lone suppressed cell.
 */
export function suppressSmallCells(input: SuppressionInput): SuppressedCell[] {
  const { k } = input;
  const cells: SuppressedCell[] = input.cells.map((cell) => ({ ...cell, suppressed: false }));
  const counts = input.cells.map((cell) => cell.count);
  cells.forEach((cell, index) => {
    const size = input.groupSizes?.[cell.group];
    if (size !== undefined && size < k) {
      cell.suppressed = true;
      cell.reason = 'group-below-k';
    } else if (counts[index] > 0 && counts[index] < k) {
      cell.suppressed = true;
      cell.reason = 'below-k';
    }
  });

  const lines: number[][] = [];
  const collect = (keyOf: (cell: SuppressedCell) => string) => {
    const byKey = new Map<string, number[]>();
    cells.forEach((cell, index) =>
      byKey.set(keyOf(cell), [...(byKey.get(keyOf(cell)) ?? []), index]),
    );
    lines.push(...byKey.values());
  };
  if (input.groupsAdditive) collect((cell) => cell.group);
  if (input.categoriesAdditive) collect((cell) => cell.category);

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((i) => cells[i].suppressed);
      if (hidden.length !== 1) continue;
      const candidates = line
        .filter((i) => !cells[i].suppressed)
        .sort((a, b) => Number(counts[a] === 0) - Number(counts[b] === 0) || counts[a] - counts[b]);
      const partner = candidates[0];
      if (partner === undefined) continue;
      cells[partner].suppressed = true;
      cells[partner].reason = 'complementary';
      changed = true;
    }
  }
  for (const cell of cells) if (cell.suppressed) cell.count = null;
  return cells;
}

/** Suppress a plain list of counts (one group). */
export function suppressCounts(
  counts: Record<string, number>,
  k: number,
  additive: boolean,
): Record<string, number | null> {
  const cells = suppressSmallCells({
    cells: Object.entries(counts).map(([category, count]) => ({ group: 'all', category, count })),
    k,
    groupsAdditive: additive,
    categoriesAdditive: false,
  });
  return Object.fromEntries(cells.map((cell) => [cell.category, cell.count]));
}
