import { parseFixture } from '../testing/samples';
import { Route53ResolverParser } from './route53.parser';

describe(Route53ResolverParser.name, () => {
  it('should read query name without its trailing dot, source and firewall block', () => {
    const out = parseFixture(new Route53ResolverParser(), 'route53-resolver.jsonl');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 10, 0, 0),
        sourceIp: '10.6.0.5',
        identity: { kind: 'ip', value: '10.6.0.5' },
        host: 'api.openai.com',
        blocked: false,
      },
      expect.objectContaining({ host: 'claude.ai', blocked: true, sourceIp: 'fd00:6::5' }),
    ]);
  });

  it('should name the missing field when a record is incomplete', () => {
    const sut = new Route53ResolverParser();
    expect(sut.parse('{"query_name":"a.example."}')).toEqual({
      malformed: 'query_timestamp is missing or not ISO-8601',
    });
    expect(sut.parse('{"query_timestamp":')).toEqual({ malformed: 'invalid JSON' });
  });
});
