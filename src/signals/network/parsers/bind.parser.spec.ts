import { parseFixture } from '../testing/samples';
import { BindQueryParser } from './bind.parser';

describe(BindQueryParser.name, () => {
  it('should read BIND, Infoblox and RPZ lines behind either syslog header in the server zone', () => {
    const out = parseFixture(new BindQueryParser('Europe/Berlin', 2026), 'bind-query.log');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 9, 0, 0),
        sourceIp: '10.9.0.5',
        identity: { kind: 'ip', value: '10.9.0.5' },
        host: 'chatgpt.com',
        blocked: false,
      },
      expect.objectContaining({
        time: Date.UTC(2026, 10, 24, 9, 0, 1, 250),
        host: 'api.openai.com',
        sourceIp: 'fd00:9::5',
      }),
      // RFC 5424 carries its own offset
      expect.objectContaining({ time: Date.UTC(2026, 10, 24, 10, 0, 2), host: 'claude.ai' }),
      expect.objectContaining({ time: Date.UTC(2026, 10, 24, 9, 0, 4), host: 'perplexity.ai' }),
      expect.objectContaining({ host: 'claude.ai', sourceIp: '10.9.0.8', blocked: true }),
    ]);
  });
});
