import { parseFixture } from '../testing/samples';
import { W3cParser } from './w3c.parser';

describe(W3cParser.name, () => {
  it('should follow #Fields when it changes mid-file and read CRLF lines', () => {
    const out = parseFixture(new W3cParser(), 'w3c-iis.log');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 10, 0, 0),
        sourceIp: '10.7.0.5',
        identity: { kind: 'username', value: 'corp\\jane' },
        host: 'api.openai.com',
        blocked: false,
      },
      {
        time: Date.UTC(2026, 10, 24, 10, 0, 1),
        sourceIp: '10.7.0.6',
        identity: { kind: 'ip', value: '10.7.0.6' },
        host: 'claude.ai',
        bytesUp: 100,
        bytesDown: 300,
        blocked: true,
      },
      expect.objectContaining({
        host: 'chat.openai.com',
        identity: { kind: 'username', value: 'jane doe' },
      }),
      { malformed: 'expected 8 fields from #Fields, found 6' },
    ]);
  });

  it('should read Blue Coat lines whose quoted values hold spaces', () => {
    const out = parseFixture(new W3cParser(), 'w3c-bluecoat.log');
    expect(out).toEqual([
      expect.objectContaining({
        host: 'api.anthropic.com',
        identity: { kind: 'username', value: 'corp\\jane doe' },
        bytesUp: 900,
        bytesDown: 4000,
        blocked: false,
      }),
      expect.objectContaining({ host: 'cursor.sh', blocked: true }),
    ]);
  });

  it('should report data before any #Fields', () => {
    expect(new W3cParser().parse('2026-11-24 10:00:00 a b')).toEqual({
      malformed: 'data line before any #Fields directive',
    });
  });
});
