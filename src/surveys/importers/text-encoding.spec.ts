import { decodeText, detectTextEncoding } from './text-encoding';

const TEXT = 'Name,Comment\nJürgen Groß,"Café, naïve — déjà vu"\n';

describe(decodeText.name, () => {
  it('should read UTF-8 with and without a BOM', () => {
    const utf8 = Buffer.from(TEXT, 'utf8');
    expect(decodeText(utf8, 'a.csv')).toEqual({ text: TEXT, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(decodeText(bom, 'a.csv')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('should read UTF-16 in both byte orders, with a BOM or by its zero bytes', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'a.csv').text).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.csv').text).toBe(TEXT);
    expect(decodeText(le, 'a.csv')).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(be, 'a.csv')).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('should read a Latin-1 / windows-1252 export without a replacement character', () => {
    const latin1 = Buffer.from(TEXT.replace('—', '-'), 'latin1');
    const sut = decodeText(latin1, 'a.csv');
    expect(sut).toEqual({ text: TEXT.replace('—', '-'), encoding: 'windows-1252' });
    expect(sut.text).not.toContain('\uFFFD');
    // windows-1252's own letters beyond Latin-1: the euro sign and the em dash
    expect(decodeText(Buffer.from([0x80, 0x20, 0x97, 0x20, 0xe9]), 'a.csv').text).toBe('€ — é');
  });

  it('should refuse bytes windows-1252 leaves unassigned, naming the file and byte', () => {
    expect(() => detectTextEncoding(Buffer.from([0x41, 0xe9, 0x81]), 'cyrillic.csv')).toThrow(
      /^cyrillic\.csv: byte 3: the text is neither UTF-8, UTF-16 nor windows-1252/,
    );
  });
});
