import { toCsv } from './csv';

describe(toCsv.name, () => {
  it('should quote separators and neutralise spreadsheet formulas', () => {
    const sut = toCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', '=HYPERLINK("z")', -3],
        [null, 'say "hi"', 'line\nbreak'],
      ],
    );
    expect(sut).toBe('a,b,c\r\n"x,y","\'=HYPERLINK(""z"")",-3\r\n,"say ""hi""","line\nbreak"\r\n');
  });
});
