import { types } from 'pg';
import { epochMs } from './correlation.repository';

// the driver's own parser for timestamptz, as readAggregates used it before
const parseTimestamptz = types.getTypeParser(1184, 'text') as (text: string) => Date;

describe(epochMs.name, () => {
  it.each([
    ['2026-01-01 00:00:00+00', 1767225600, '000000'],
    ['2026-01-01 00:00:00.123456+00', 1767225600, '123456'],
    ['2026-01-01 00:00:00.007+00', 1767225600, '007000'],
    ['2026-01-01 00:00:00.035+00', 1767225600, '035000'],
    ['2026-01-01 00:00:00.999999+00', 1767225600, '999999'],
    ['1969-12-31 23:59:59.5+00', -1, '500000'],
  ])('should give the milliseconds the driver parses from %s', (text, seconds, micros) => {
    expect(epochMs(seconds, micros)).toBe(parseTimestamptz(text).getTime());
  });
});
