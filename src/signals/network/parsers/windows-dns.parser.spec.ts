import { readSample, parseFixture } from '../testing/samples';
import { decodeDnsName, WindowsDnsParser } from './windows-dns.parser';

describe(WindowsDnsParser.name, () => {
  it('should count queries received from clients, with US times in the server zone', () => {
    const out = parseFixture(new WindowsDnsParser('America/Chicago'), 'windows-dns-us.log');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 16, 0, 0),
        sourceIp: '10.10.0.5',
        identity: { kind: 'ip', value: '10.10.0.5' },
        host: 'chatgpt.com',
        blocked: false,
      },
      expect.objectContaining({
        time: Date.UTC(2026, 10, 24, 19, 5, 9),
        host: 'api.anthropic.com',
      }),
    ]);
  });

  it('should settle on day-first order when a day above 12 appears in a 24-hour file', () => {
    const out = parseFixture(new WindowsDnsParser('UTC'), 'windows-dns-eu.log');
    expect(out).toEqual([
      expect.objectContaining({ time: Date.UTC(2026, 10, 24, 13, 5, 9), host: 'claude.ai' }),
      expect.objectContaining({ time: Date.UTC(2026, 10, 5, 8, 0, 0), host: 'chat.mistral.ai' }),
    ]);
  });

  it('should count only the client query among the real example lines when present', () => {
    const text = readSample('windows_dns_debug', 'dns_debug_examples.log');
    if (text === undefined) return;
    const sut = new WindowsDnsParser('UTC', 'us');
    const out = text
      .split('\n')
      .map((l) => sut.parse(l))
      .filter((o) => o !== null);
    expect(out).toEqual([
      expect.objectContaining({
        time: Date.UTC(2013, 5, 5, 10, 0, 32),
        host: 'somecomputer.domain.com',
        sourceIp: '10.161.60.71',
      }),
    ]);
    // the other three are responses and an upstream query: no malformed line among them
    expect(text.split('\n').filter((l) => l.includes('PACKET'))).toHaveLength(4);
  });

  it('should decode length-prefixed names', () => {
    expect(decodeDnsName('(3)www(6)google(3)com(0)')).toBe('www.google.com');
  });
});
