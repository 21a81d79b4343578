import { parseFixture } from '../testing/samples';
import { GenericParser } from './generic.parser';

describe(GenericParser.name, () => {
  it('should find columns by their usual names and take the host from a URL column', () => {
    const out = parseFixture(new GenericParser('generic-csv', {}), 'generic.csv');
    expect(out).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 10, 0, 0),
        sourceIp: '10.11.0.5',
        identity: { kind: 'email', value: 'jane.doe@corp.example' },
        host: 'chatgpt.com',
        bytesUp: 1024,
        bytesDown: 2048,
        blocked: false,
      },
      expect.objectContaining({ time: 1764410400000, host: 'claude.ai', blocked: true }),
      expect.objectContaining({ host: 'cursor.com.phish.example' }),
      { malformed: 'timestamp "garbage" is not a time' },
    ]);
  });

  it('should apply an explicit mapping with dotted JSON paths and a zone for local times', () => {
    const sut = new GenericParser('generic-json', {
      mapping: {
        time: '@timestamp',
        user: 'user.email',
        sourceIp: 'source.ip',
        host: 'destination.domain',
        bytesUp: 'network.bytes_out',
        bytesDown: 'network.bytes_in',
      },
    });
    expect(parseFixture(sut, 'generic.ndjson')).toEqual([
      {
        time: Date.UTC(2026, 10, 24, 10, 0, 0),
        sourceIp: '10.12.0.5',
        identity: { kind: 'email', value: 'john@corp.example' },
        host: 'api.anthropic.com',
        bytesUp: 100,
        bytesDown: 200,
        blocked: false,
      },
    ]);
    const local = new GenericParser('generic-csv', {
      csvHeader: ['when', 'who', 'where'],
      mapping: { time: '0', user: '1', host: '2' },
      zone: 'Asia/Tokyo',
    });
    expect(local.parse('2026-11-24 09:00:00,kenji,claude.ai')).toMatchObject({
      time: Date.UTC(2026, 10, 24, 0, 0, 0),
      identity: { kind: 'username', value: 'kenji' },
    });
  });
});
