import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithBenchmarks } from './benchmark-figures';
import { BenchmarkFileError, parseBenchmarks } from './benchmarks';

const BUILT_IN = join(__dirname, '..', 'data', 'benchmarks.yaml');

describe(parseBenchmarks.name, () => {
  it('should load the built-in file, every figure with its source, publisher and year', () => {
    const all = parseBenchmarks(readFileSync(BUILT_IN, 'utf8'), 'benchmarks.yaml');
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const b of all) {
      expect(b.url).toMatch(/^https:\/\//);
      expect(b.publisher).not.toBe('');
      expect(b.year).toBeGreaterThanOrEqual(2024);
    }
  });

  it('should refuse a figure without a source and name the entry and field', () => {
    const yaml = [
      'benchmarks:',
      '  - id: no-source',
      '    figure: 62',
      '    label: A figure',
      '    publisher: Someone',
      '    source: A survey',
      '    year: 2024',
      '    theirQuestion: Q',
      '    compares: { question: frequency, values: [daily], atLeast: 3 }',
    ].join('\n');
    let error: unknown;
    try {
      parseBenchmarks(yaml, 'mine.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BenchmarkFileError);
    expect((error as BenchmarkFileError).problems).toEqual([
      'benchmarks[0] (no-source).figure: a share between 0 and 1 (62% is 0.62)',
      'benchmarks[0] (no-source).url: required: the https address of the publication',
      'benchmarks[0] (no-source).compares: give either values (answers counted) or atLeast (a number), not both',
    ]);
  });
});

describe(compareWithBenchmarks.name, () => {
  const benchmarks = parseBenchmarks(readFileSync(BUILT_IN, 'utf8'), 'benchmarks.yaml');
  const answers = [
    ...Array.from({ length: 12 }, () => ({ frequency: 'daily', confidence: '4' })),
    ...Array.from({ length: 8 }, () => ({ frequency: 'never' })),
  ];

  it("should set the organisation's share, with its interval, beside each figure", () => {
    const sut = compareWithBenchmarks({ benchmarks, questionKeys: ['frequency'], answers, k: 5 });
    const use = sut.find((b) => b.id === 'stack-overflow-2024-ai-use')!;
    expect(use.organisation).toMatchObject({ n: 20, share: 0.6 });
    expect(use.organisation!.low).toBeLessThan(0.6);
    expect(sut.find((b) => b.id === 'dora-2024-low-trust')).toMatchObject({
      organisation: null,
      missing: 'no-question',
    });
  });

  it('should withhold a share with fewer than k on one side', () => {
    const sut = compareWithBenchmarks({
      benchmarks,
      questionKeys: ['frequency', 'confidence'],
      answers: [...answers, { frequency: 'daily', confidence: '1' }],
      k: 5,
    });
    // 1 of 13 answered 1 or 2: too few to show
    expect(sut.find((b) => b.id === 'dora-2024-low-trust')).toMatchObject({
      organisation: null,
      missing: 'below-k',
    });
  });
});
