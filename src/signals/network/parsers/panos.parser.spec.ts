import { parseFixture } from '../testing/samples';
import { PanOsParser } from './panos.parser';

describe(PanOsParser.name, () => {
  it('should read TRAFFIC and THREAT/url records behind syslog in the firewall zone', () => {
    const out = parseFixture(new PanOsParser('America/New_York'), 'panos.log');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 15, 0, 0),
        sourceIp: '10.4.0.5',
        identity: { kind: 'username', value: 'corp\\alice' },
        host: '104.18.32.47',
        bytesUp: 2000,
        bytesDown: 10000,
        blocked: false,
      },
      {
        time: Date.UTC(2026, 10, 24, 15, 0, 1),
        sourceIp: '10.4.0.6',
        identity: { kind: 'username', value: 'corp\\bob' },
        host: 'claude.ai',
        blocked: true,
      },
      { malformed: 'expected at least 34 fields for THREAT, found 6' },
    ]);
  });

  it('should read a bare CSV record without a syslog header and ignore SYSTEM logs', () => {
    const sut = new PanOsParser(undefined);
    const csv =
      '1,2026/11/24 10:00:00,0128,SYSTEM,general,2561,2026/11/24 10:00:00,,general,,0,0,general';
    expect(sut.parse(csv)).toBeNull();
    expect(sut.parse('hello world')).toEqual({
      malformed: 'no PAN-OS CSV record (receive time) found',
    });
  });
});
