import { parseSurveyTime } from './date.util';

describe(parseSurveyTime.name, () => {
  it('should read vendor local formats as UTC when no zone is known', () => {
    expect(parseSurveyTime('2026-11-24 08:28:48')).toBe('2026-11-24T08:28:48.000Z');
    expect(parseSurveyTime('11/24/2026 1:05:00 PM')).toBe('2026-11-24T13:05:00.000Z');
    expect(parseSurveyTime('24.11.2026 13:45')).toBe('2026-11-24T13:45:00.000Z');
    expect(parseSurveyTime('not a time')).toBeNull();
  });

  it('should move a wall-clock time in a named zone to UTC, across daylight saving', () => {
    expect(parseSurveyTime('2017-07-18 08:28:48', 'Europe/Zurich')).toBe(
      '2017-07-18T06:28:48.000Z',
    );
    expect(parseSurveyTime('2026-01-15 08:00:00', 'America/Denver')).toBe(
      '2026-01-15T15:00:00.000Z',
    );
    expect(parseSurveyTime('2026-01-15 08:00:00', 'Not/AZone')).toBe('2026-01-15T08:00:00.000Z');
  });
});
