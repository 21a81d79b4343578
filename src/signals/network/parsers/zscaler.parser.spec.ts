import { parseFixture } from '../testing/samples';
import { ZscalerParser } from './zscaler.parser';

describe(ZscalerParser.name, () => {
  const fields = [
    'time',
    'login',
    'proto',
    'eurl',
    'action',
    'appname',
    'appclass',
    'reqsize',
    'respsize',
  ];

  it('should read a tab feed in its configured order and its local time in the feed zone', () => {
    const out = parseFixture(new ZscalerParser(fields, 'Europe/Berlin'), 'zscaler-web.tsv');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 9, 0, 0),
        sourceIp: undefined,
        identity: { kind: 'email', value: 'jane.doe@corp.example' },
        host: 'chatgpt.com',
        path: '/backend-api/conversation', // eurl carries the path: per-action rules can read it
        bytesUp: 2048,
        bytesDown: 16384,
        blocked: false,
      },
      expect.objectContaining({ host: 'claude.ai', blocked: true }),
      expect.objectContaining({ host: 'claude.ai.attacker.example' }),
    ]);
  });

  it('should read CSV feeds with quoted fields', () => {
    const sut = new ZscalerParser(fields, undefined);
    const line =
      '"Tue Nov 24 10:00:00 2026","a@corp.example","HTTPS","chatgpt.com/x,y","Allowed","ChatGPT","AI","1","2"';
    expect(sut.parse(line)).toMatchObject({
      host: 'chatgpt.com',
      time: Date.UTC(2026, 10, 24, 10),
    });
    expect(sut.parse('"Tue Nov 24 10:00:00 2026","a@corp.example"')).toEqual({
      malformed: 'expected 9 fields, found 2',
    });
  });

  it('should read wrapped JSON with epochtime or text time and treat NA login as absent', () => {
    const out = parseFixture(new ZscalerParser(undefined, 'UTC'), 'zscaler-web.json');
    expect(out).toEqual([
      expect.objectContaining({
        time: 1764405600000,
        host: 'api.openai.com',
        identity: { kind: 'email', value: 'jane.doe@corp.example' },
        bytesUp: 4096,
      }),
      expect.objectContaining({
        time: Date.UTC(2026, 10, 24, 10, 1),
        host: 'perplexity.ai',
        blocked: true,
        identity: { kind: 'ip', value: '10.3.0.6' },
      }),
    ]);
  });

  it('should read the text time in each shape NSS and hand-made feeds write, and no other', () => {
    const timeOf = (zone: string | undefined, text: string) => {
      const out = new ZscalerParser(fields, zone).parse(
        `${text}\ta@corp.example\tHTTPS\tchatgpt.com/x\tAllowed\tChatGPT\tAI\t1\t2`,
      );
      return out && 'time' in out ? out.time : out;
    };
    expect(timeOf(undefined, 'Sun Nov 30 00:00:04 2025')).toBe(Date.UTC(2025, 10, 30, 0, 0, 4));
    expect(timeOf(undefined, 'Mon Nov  3 09:05:07 2025')).toBe(Date.UTC(2025, 10, 3, 9, 5, 7));
    expect(timeOf(undefined, 'Mon Nov 03 09:05:07 2025')).toBe(Date.UTC(2025, 10, 3, 9, 5, 7));
    expect(timeOf(undefined, 'Nov 3 09:05:07 2025')).toBe(Date.UTC(2025, 10, 3, 9, 5, 7));
    expect(timeOf(undefined, 'Mon NOV 03 23:59:59 2025')).toBe(Date.UTC(2025, 10, 3, 23, 59, 59));
    // wall time in the feed's zone: Berlin is UTC+1 in November, UTC+2 in July
    expect(timeOf('Europe/Berlin', 'Sun Nov 30 10:00:00 2025')).toBe(Date.UTC(2025, 10, 30, 9));
    expect(timeOf('Europe/Berlin', 'Tue Jul 01 10:00:00 2025')).toBe(Date.UTC(2025, 6, 1, 8));
    for (const bad of [
      'Sun Nox 30 00:00:04 2025',
      'Sun Nov 30 00:0x:04 2025',
      'Sun Nov 30 00:00:04 20x5',
    ])
      expect(timeOf(undefined, bad)).toEqual({ malformed: `time "${bad}" is not a time` });
  });
});
