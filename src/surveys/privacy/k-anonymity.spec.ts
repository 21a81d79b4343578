import { suppressCounts, suppressSmallCells } from './k-anonymity';

describe(suppressSmallCells.name, () => {
  it('should hide cells under k and keep zeros and cells of k or more', () => {
    const sut = suppressCounts({ copilot: 12, cursor: 3, chatgpt: 0, claude: 5 }, 5, false);
    expect(sut).toEqual({ copilot: 12, cursor: null, chatgpt: 0, claude: 5 });
  });

  it('should suppress a second cell when one hidden cell could be derived from an additive total', () => {
    // Daily 3 would be 20 - 9 - 8 without a partner; the smallest other cell goes too.
    const sut = suppressCounts({ daily: 3, weekly: 9, monthly: 8 }, 5, true);
    expect(sut).toEqual({ daily: null, weekly: 9, monthly: null });
  });

  it('should prefer a non-zero partner and fall back to a zero one', () => {
    expect(suppressCounts({ a: 2, b: 0, c: 7 }, 5, true)).toEqual({ a: null, b: 0, c: null });
    expect(suppressCounts({ a: 2, b: 0 }, 5, true)).toEqual({ a: null, b: null });
  });

  it('should hide a whole group smaller than k and protect it across groups when categories add up', () => {
    const sut = suppressSmallCells({
      k: 5,
      groupSizes: { platform: 4, data: 10, web: 12 },
      groupsAdditive: false,
      categoriesAdditive: true,
      cells: [
        { group: 'platform', category: 'copilot', count: 4 },
        { group: 'data', category: 'copilot', count: 6 },
        { group: 'web', category: 'copilot', count: 9 },
        { group: 'platform', category: 'cursor', count: 0 },
        { group: 'data', category: 'cursor', count: 7 },
        { group: 'web', category: 'cursor', count: 8 },
      ],
    });
    expect(sut.map((c) => [c.group, c.category, c.count, c.reason])).toEqual([
      ['platform', 'copilot', null, 'group-below-k'],
      ['data', 'copilot', null, 'complementary'],
      ['web', 'copilot', 9, undefined],
      ['platform', 'cursor', null, 'group-below-k'],
      ['data', 'cursor', null, 'complementary'],
      ['web', 'cursor', 8, undefined],
    ]);
  });

  it('should repeat until no row or column holds a lone suppressed cell', () => {
    const sut = suppressSmallCells({
      k: 3,
      groupsAdditive: true,
      categoriesAdditive: true,
      cells: [
        { group: 'a', category: 'x', count: 1 },
        { group: 'a', category: 'y', count: 5 },
        { group: 'b', category: 'x', count: 6 },
        { group: 'b', category: 'y', count: 7 },
      ],
    });
    expect(sut.every((c) => c.suppressed)).toBe(true);
  });
});
