import { parseFixture } from '../testing/samples';
import { CloudflareGatewayParser } from './cloudflare.parser';

describe(CloudflareGatewayParser.name, () => {
  it('should accept RFC3339, unix seconds and unix nanos in Datetime', () => {
    const out = parseFixture(new CloudflareGatewayParser(), 'cloudflare-gateway.ndjson');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 10, 0, 0),
        sourceIp: '10.5.0.5',
        identity: { kind: 'email', value: 'jane.doe@corp.example' },
        host: 'chatgpt.com',
        blocked: false,
      },
      {
        time: 1764410400000,
        sourceIp: '10.5.0.6',
        identity: { kind: 'ip', value: '10.5.0.6' },
        host: 'claude.ai',
        blocked: true,
      },
      {
        time: 1764410460000,
        sourceIp: '10.5.0.7',
        identity: { kind: 'email', value: 'john@corp.example' },
        host: 'api.anthropic.com',
        blocked: false,
      },
      { malformed: 'Datetime "not a time" is not a time' },
    ]);
  });
});
