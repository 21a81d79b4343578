import { splitAtLineEnds, type ReadAt } from './byte-ranges';
import { HeaderLineCollector, headerLinesBetween } from './header-lines';

const reader =
  (text: string): ReadAt =>
  (position, length) =>
    Buffer.from(text).subarray(position, position + length);

function pieces(text: string, parts: number, from = 0): string[] {
  const buf = Buffer.from(text);
  return splitAtLineEnds(reader(text), buf.length, parts, from).map((r) =>
    buf.toString('utf8', r.start, r.end),
  );
}

describe('splitAtLineEnds', () => {
  it('cuts only just after a newline and covers the file without gap or overlap', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(i % 17)}\n`).join(
      '',
    );
    for (const parts of [1, 2, 3, 7, 16]) {
      const got = pieces(text, parts);
      expect(got.join('')).toBe(text);
      expect(got.length).toBeLessThanOrEqual(parts);
      for (const p of got) expect(p.endsWith('\n')).toBe(true);
    }
  });

  it('keeps a CRLF line whole', () => {
    const text = 'a\r\nbb\r\nccc\r\ndddd\r\n';
    for (const parts of [2, 3, 4]) {
      for (const p of pieces(text, parts)) expect(p.endsWith('\r\n')).toBe(true);
      expect(pieces(text, parts).join('')).toBe(text);
    }
  });

  it('gives the last line without a newline to the last range', () => {
    const got = pieces('one\ntwo\nthree', 2);
    expect(got.join('')).toBe('one\ntwo\nthree');
    expect(got[got.length - 1].endsWith('three')).toBe(true);
  });

  it('gives fewer ranges than workers to a file with fewer lines', () => {
    expect(pieces('only\n', 8)).toEqual(['only\n']);
    expect(pieces('a\nb\n', 8)).toEqual(['a\n', 'b\n']);
    expect(pieces('', 4)).toEqual([]);
  });

  it('gives one range to a single long line', () => {
    expect(pieces('x'.repeat(1000), 4)).toEqual(['x'.repeat(1000)]);
  });

  it('starts at a resume offset', () => {
    const text = 'a\nb\nc\nd\n';
    expect(pieces(text, 2, 4).join('')).toBe('c\nd\n');
  });
});

describe('headerLinesBetween', () => {
  it("finds the '#' lines before a point, the first line and later ones", () => {
    const text = '#fields\ta\tb\n1\t2\n#fields\tc\n3\n';
    const to = text.indexOf('3\n');
    expect(headerLinesBetween(reader(text), 0, to)).toEqual(['#fields\ta\tb', '#fields\tc']);
    expect(headerLinesBetween(reader(text), text.indexOf('1\t2'), to)).toEqual(['#fields\tc']);
  });
});

describe('HeaderLineCollector', () => {
  it('finds what headerLinesBetween finds, however the stretch is cut into chunks', () => {
    const text =
      '#separator \\x09\n#fields\ta\tb\n1\t2\n#\n#fields\tc\r\nx#y\n##\n3\n#close\t2026\n4\n#open';
    const buf = Buffer.from(text);
    const to = text.lastIndexOf('#open');
    // a '#' inside a line is no header, and an unfinished last line is left out
    expect(headerLinesBetween(reader(text), 0, buf.length)).toEqual([
      '#separator \\x09',
      '#fields\ta\tb',
      '#',
      '#fields\tc\r',
      '##',
      '#close\t2026',
    ]);
    for (const from of [0, text.indexOf('1\t2'), text.indexOf('x#y'), text.indexOf('3\n')]) {
      const expected = headerLinesBetween(reader(text), from, buf.length);
      expect(expected).toEqual(headerLinesBetween(reader(text), from, to));
      for (let size = 1; size <= 12; size++) {
        const sut = new HeaderLineCollector();
        const chunk = Buffer.alloc(size); // one buffer reused for every chunk, as workers read
        for (let pos = from; pos < buf.length; pos += size) {
          const n = buf.copy(chunk, 0, pos, Math.min(buf.length, pos + size));
          sut.push(chunk.subarray(0, n));
        }
        expect(sut.lines).toEqual(expected);
      }
    }
  });
});
