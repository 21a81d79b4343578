import fc from 'fast-check';
import { fuzzOptions } from '../../../common/testing/fuzz';
import { identityFrom, normalizeHost, parseTimestamp, slowHost } from './parse-utils';

// URL-shaped text from the characters that change how a host is read
const urlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('https://', 'http://', '://', 'a', 'Z', 'openai', '.', '-', '_', ':', '443'),
      fc.constantFrom('/', '?', '#', '@', '[', ']', ' ', '\t', '\u00a0', 'ü', 'com', '-/', '..'),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('normalizeHost', () => {
  it('should read the common URL shapes in one pass', () => {
    expect(normalizeHost('claude.ai/chat')).toBe('claude.ai');
    expect(normalizeHost('https://api.openai.com/v1?x=1')).toBe('api.openai.com');
    expect(normalizeHost('chatgpt.com:443')).toBe('chatgpt.com');
    expect(normalizeHost('-/path')).toBe('-');
    expect(normalizeHost('a/b://c')).toBe('c');
    expect(normalizeHost('HTTPS://User@Claude.AI.:443/')).toBe('claude.ai');
  });

  it('should agree with its full rules on any URL-shaped text', () => {
    fc.assert(
      fc.property(urlish, (raw) => {
        expect(normalizeHost(raw)).toBe(raw === '' ? undefined : slowHost(raw));
      }),
      fuzzOptions(3000),
    );
  });
});

describe('parseTimestamp', () => {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  // calendar-shaped text around the edges: day 0 and 29-32, hour 24, minute 60, years 0-99
  const isoish = fc
    .record({
      year: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1899, max: 2101 })),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 27, max: 32 })),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 60 }),
      t: fc.constantFrom(' ', 'T'),
    })
    .map(
      (p) =>
        `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.t}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`,
    );

  it('should read an ISO time without offset as Date.parse reads it in UTC', () => {
    fc.assert(
      fc.property(isoish, (text) => {
        const parsed = Date.parse(`${text.replace(' ', 'T')}Z`);
        expect([text, parseTimestamp(text)]).toEqual([
          text,
          Number.isNaN(parsed) ? undefined : parsed,
        ]);
      }),
      fuzzOptions(3000),
    );
    expect(parseTimestamp('2025-11-30 00:00:04')).toBe(Date.UTC(2025, 10, 30, 0, 0, 4));
    expect(parseTimestamp('2024-02-29T23:59:59')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });
});

describe('identityFrom', () => {
  it('should give each caller its own identity, the same for the same user and address', () => {
    const a = identityFrom('Doe, Jane (Jane@Corp.example)', '10.0.0.1');
    const b = identityFrom('Doe, Jane (Jane@Corp.example)', '10.0.0.1');
    expect(a).toEqual({ kind: 'email', value: 'jane@corp.example' });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(identityFrom('-', '10.0.0.2')).toEqual({ kind: 'ip', value: '10.0.0.2' });
    expect(identityFrom(undefined, '10.0.0.2')).toEqual({ kind: 'ip', value: '10.0.0.2' });
    expect(identityFrom('corp\\Smith', undefined)).toEqual({
      kind: 'username',
      value: 'corp\\smith',
    });
    expect(identityFrom('', '')).toBeUndefined();
  });
});
