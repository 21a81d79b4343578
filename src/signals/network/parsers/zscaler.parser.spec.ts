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
});
