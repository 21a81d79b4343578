import { daysBetween } from './connector-days';
import { usageOf } from './cursor.connector';

describe('cursor connector', () => {
  it('counts a day of requests and accepted completions as use, with the figures as detail', () => {
    const [day] = usageOf({
      date: Date.parse('2026-11-20T00:00:00Z'),
      email: 'Ann@Acme.example',
      isActive: true,
      chatRequests: 3,
      agentRequests: 2,
      totalTabsAccepted: 10,
      mostUsedModel: 'claude-4-sonnet',
    });
    expect(day).toMatchObject({
      toolId: 'cursor',
      email: 'ann@acme.example',
      day: '2026-11-20',
      count: 15,
    });
    expect(day.detail.mostUsedModel).toBe('claude-4-sonnet');
  });

  it('does not take an active flag with nothing counted, or a row without an e-mail, as use', () => {
    expect(
      usageOf({ date: Date.parse('2026-11-20T00:00:00Z'), email: 'a@b.c', isActive: true }),
    ).toEqual([]);
    expect(usageOf({ date: Date.parse('2026-11-20T00:00:00Z'), chatRequests: 4 })).toEqual([]);
  });

  it('cuts a range into windows the API accepts, ends included', () => {
    expect(daysBetween('2026-10-01', '2026-11-04', 30)).toEqual([
      ['2026-10-01', '2026-10-30'],
      ['2026-10-31', '2026-11-04'],
    ]);
    expect(daysBetween('2026-11-04', '2026-11-04', 30)).toEqual([['2026-11-04', '2026-11-04']]);
    expect(daysBetween('2026-11-05', '2026-11-04', 30)).toEqual([]);
  });
});
