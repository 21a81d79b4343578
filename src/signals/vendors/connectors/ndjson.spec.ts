import { mergeMalformed, noMalformed, readNdjson } from './ndjson';

describe(readNdjson.name, () => {
  it('should read each object line and skip blank lines, CRLF included', () => {
    expect(readNdjson('{"a":1}\r\n\n  \n{"a":2}', 'f')).toEqual({
      rows: [{ a: 1 }, { a: 2 }],
      malformed: { count: 0, samples: [] },
    });
  });

  it('should count and sample lines that are not JSON objects, with their line numbers', () => {
    const text = ['{"a":1}', '{broken', '[1,2]', '42', '{"a":2}'].join('\n');
    const { rows, malformed } = readNdjson(text, 'users 2026-11-20 #0');
    expect(rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(malformed).toEqual({
      count: 3,
      samples: [
        'users 2026-11-20 #0, line 2: {broken',
        'users 2026-11-20 #0, line 3: [1,2]',
        'users 2026-11-20 #0, line 4: 42',
      ],
    });
  });

  it('should keep at most five samples, each cut short, while counting all', () => {
    const text = Array.from({ length: 8 }, () => 'x'.repeat(200)).join('\n');
    const { malformed } = readNdjson(text, 'f');
    expect(malformed.count).toBe(8);
    expect(malformed.samples).toHaveLength(5);
    expect(malformed.samples[0]).toBe(`f, line 1: ${'x'.repeat(80)}`);
    const total = mergeMalformed(noMalformed(), malformed);
    mergeMalformed(total, { count: 1, samples: ['later'] });
    expect(total.count).toBe(9);
    expect(total.samples).not.toContain('later');
  });
});
