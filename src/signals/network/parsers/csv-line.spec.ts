import { readFixture } from '../testing/samples';
import { csvParseLine as csvParse, CsvCells, splitCsvLine, splitPlainCsv } from './csv-line';

describe('splitPlainCsv', () => {
  const fixtures = ['umbrella-proxy.csv', 'umbrella-dns.csv', 'generic.csv', 'panos.log'].flatMap(
    (f) => readFixture(f).split('\n'),
  );

  it('should read the fixture lines as csv-parse does', () => {
    let plain = 0;
    for (const line of fixtures) {
      const fast = splitPlainCsv(line);
      if (fast) plain++;
      if (fast) expect(fast).toEqual(csvParse(line));
      expect(splitCsvLine(line)).toEqual(csvParse(line));
    }
    expect(plain).toBeGreaterThan(5);
  });

  it('should read random lines of quotes, commas and blanks as csv-parse does, or step aside', () => {
    const alphabet = ['a', 'b', ',', '"', ' ', '\t', 'x y', '""', ',"', '",', 'é'];
    let state = 1;
    const r = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    let plain = 0;
    for (let k = 0; k < 20_000; k++) {
      let line = '';
      for (let i = r(12); i >= 0; i--) line += alphabet[r(alphabet.length)];
      const fast = splitPlainCsv(line);
      if (fast === undefined) continue;
      plain++;
      expect([line, fast]).toEqual([line, csvParse(line)]);
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it('should leave escaped quotes, padded fields and line breaks to csv-parse', () => {
    for (const line of ['"a ""b"""', ' a,b', 'a ,b', '"a"b,c', 'a\rb', '"a', ''])
      expect(splitPlainCsv(line)).toBeUndefined();
    expect(splitPlainCsv('"a, b",c,,"",')).toEqual(['a, b', 'c', '', '', '']);
    expect(splitPlainCsv('a;b', ';')).toEqual(['a', 'b']);
  });
});

describe(CsvCells.name, () => {
  it('should give the fields csv-parse reads, plain or not, and nothing past the last', () => {
    const cells = new CsvCells(',', 4);
    for (const line of ['"a, b",c,,"",', 'x,"y ""z""",w', 'a,b,c,d,e,f', ' a ,b']) {
      expect(cells.read(line)).toBe(true);
      const fields = Array.from({ length: cells.count }, (_, i) => cells.get(i));
      expect([line, fields]).toEqual([line, csvParse(line)]);
      expect(cells.get(cells.count)).toBeUndefined();
      expect(cells.get(-1)).toBeUndefined();
    }
  });
});
