import { describeDuration, formatDateTime, formatDay, withQuery } from './console-helpers';

describe(withQuery.name, () => {
  it('should keep the current filters, apply the changes and drop empty values', () => {
    expect(withQuery('/findings', { tier: 'high', team: '', page: 2 }, { page: 3 })).toBe(
      '/findings?tier=high&page=3',
    );
    expect(withQuery('/findings', { status: ['open', 'accepted'] })).toBe(
      '/findings?status=open&status=accepted',
    );
    expect(withQuery('/findings', undefined)).toBe('/findings');
  });
});

describe(formatDateTime.name, () => {
  it('should show dates in UTC to the minute, and nothing for a missing or bad date', () => {
    expect(formatDateTime(new Date('2026-03-01T14:05:59Z'))).toBe('2026-03-01 14:05 UTC');
    expect(formatDateTime('2026-03-01T14:05:59Z')).toBe('2026-03-01 14:05 UTC');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDay('2026-03-01T23:59:00Z')).toBe('2026-03-01');
  });
});

describe(describeDuration.name, () => {
  it('should name a duration by its largest whole unit', () => {
    expect(describeDuration(30 * 60_000)).toBe('30 minutes');
    expect(describeDuration(12 * 3_600_000)).toBe('12 hours');
    expect(describeDuration(86_400_000)).toBe('1 day');
    expect(describeDuration(90_000)).toBe('90 seconds');
  });
});
