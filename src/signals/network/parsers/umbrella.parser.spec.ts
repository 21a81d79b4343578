import { parseFixture } from '../testing/samples';
import { UmbrellaParser } from './umbrella.parser';

describe(UmbrellaParser.name, () => {
  it('should read 13- and 10-field DNS rows with lenient spaces and trailing dots', () => {
    const out = parseFixture(new UmbrellaParser('umbrella-dns'), 'umbrella-dns.csv');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 9, 0, 0),
        sourceIp: '10.2.0.15',
        identity: { kind: 'email', value: 'jane.doe@corp.example' },
        host: 'chatgpt.com',
        blocked: false,
      },
      // a roaming computer is no person: the internal IP stands in
      expect.objectContaining({
        host: 'claude.ai',
        blocked: true,
        identity: { kind: 'ip', value: '10.2.0.16' },
      }),
      expect.objectContaining({
        host: 'xn--bcher-kva.ai',
        identity: { kind: 'username', value: 'corp\\smith' },
        sourceIp: 'fd00::16',
      }),
      expect.objectContaining({ host: 'claude.ai.example.org' }),
      { malformed: 'expected 10, 13 or 35+ fields, found 2' },
    ]);
  });

  it('should read proxy rows with URL host, sizes and action when the row has 35 fields', () => {
    const out = parseFixture(new UmbrellaParser('umbrella-proxy'), 'umbrella-proxy.csv');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 9, 10, 0),
        sourceIp: '10.2.0.15',
        identity: { kind: 'email', value: 'jane.doe@corp.example' },
        host: 'chatgpt.com',
        path: '/backend-api/conversation',
        method: 'POST', // the request method column after the identity types
        bytesUp: 2048,
        bytesDown: 16384,
        blocked: false,
      },
      expect.objectContaining({
        host: 'claude.ai',
        blocked: true,
        identity: { kind: 'ip', value: '10.2.0.99' },
      }),
    ]);
  });

  it('should skip the optional header row', () => {
    const sut = new UmbrellaParser();
    expect(sut.parse('"timestamp","most granular identity","identities"')).toBeNull();
  });
});
