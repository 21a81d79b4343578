import { isMalformed, type ParseOutcome } from '../network.types';
import { readFixture, readSample } from '../testing/samples';
import { ZeekParser } from './zeek.parser';

function parseAll(text: string): ParseOutcome[] {
  const sut = new ZeekParser();
  return text.split('\n').map((l) => sut.parse(l));
}

describe(ZeekParser.name, () => {
  it('should read columns by #fields name and follow a #fields change mid-file', () => {
    const out = parseAll(readFixture('zeek-http.log')).filter((o) => o !== null);
    expect(out).toEqual([
      {
        time: 1764403200250,
        sourceIp: '10.1.1.5',
        identity: { kind: 'username', value: 'dave' },
        host: 'chatgpt.com',
        bytesUp: 1200,
        bytesDown: 5400,
        blocked: false,
      },
      expect.objectContaining({
        host: 'claude.ai',
        identity: { kind: 'ip', value: 'fd00::5' },
        bytesUp: 0,
      }),
      expect.objectContaining({
        host: 'perplexity.ai',
        identity: { kind: 'ip', value: '10.1.1.6' },
      }),
      { malformed: 'expected 6 fields from #fields, found 3' },
    ]);
  });

  it('should read JSON with epoch or ISO ts and guess the log when _path is absent', () => {
    const out = parseAll(readFixture('zeek-conn.json'));
    expect(out[0]).toMatchObject({
      time: 1764403200500,
      host: '160.79.104.10',
      bytesUp: 900,
      bytesDown: 12000,
    });
    expect(out[1]).toMatchObject({
      time: Date.UTC(2026, 10, 24, 8, 0, 1),
      host: 'api.anthropic.com',
    });
    expect(out[2]).toBeNull();
    expect(out[3]).toEqual({ malformed: 'invalid JSON' });
  });

  it('should parse every data line of the real WRCCDC dns and ssl logs when present', () => {
    for (const name of ['dns.log', 'ssl.log', 'dns.json', 'ssl.json']) {
      const text = readSample('zeek', name);
      if (text === undefined) return; // shared samples absent on this machine
      const out = parseAll(text);
      expect(out.filter(isMalformed)).toEqual([]);
      const records = out.filter((o) => o !== null);
      expect(records.length).toBeGreaterThan(300);
    }
    const dns = parseAll(readSample('zeek', 'dns.log') ?? '');
    expect(dns[8]).toEqual({
      time: 1521911721902,
      sourceIp: '10.47.25.25',
      identity: { kind: 'ip', value: '10.47.25.25' },
      host: 'download.windowsupdate.com',
      blocked: false,
    });
  });

  it('should report masked baseline timestamps as malformed and read their columns', () => {
    const text = readSample('zeek', 'conn.log.zeek-baseline');
    if (text === undefined) return;
    const out = parseAll(text).filter((o) => o !== null);
    expect(out.length).toBeGreaterThan(5);
    expect(out.every((o) => isMalformed(o) && o.malformed.startsWith('ts "XXXXXXXXXX'))).toBe(true);
  });
});
