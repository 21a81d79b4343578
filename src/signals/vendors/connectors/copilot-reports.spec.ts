import { parseCopilotOrgReport, parseCopilotUserReport } from './copilot-reports';

describe(parseCopilotUserReport.name, () => {
  it('should read one use per user line, counting interactions and accepted code', () => {
    const text = [
      JSON.stringify({
        day: '2026-11-20',
        user_login: 'Ann-GH',
        user_initiated_interaction_count: 4,
        code_generation_activity_count: 9,
        code_acceptance_activity_count: 3,
        loc_added_sum: 12,
        used_chat: true,
        used_cli: true,
        totals_by_ide: [{ ide: 'vscode' }, { ide: 'jetbrains' }, { ide: 'vscode' }],
      }),
      '',
      JSON.stringify({
        day: '2026-11-20',
        user_login: 'idle',
        user_initiated_interaction_count: 0,
      }),
    ].join('\n');
    expect(parseCopilotUserReport(text, '2026-11-20')).toEqual({
      usage: [
        {
          toolId: 'github-copilot',
          email: 'ann-gh',
          identityKind: 'github',
          day: '2026-11-20',
          count: 7,
          detail: {
            counts: 'interactions and accepted code',
            interactions: 4,
            acceptances: 3,
            generations: 9,
            linesAdded: 12,
            usedChat: true,
            usedAgent: false,
            usedCli: true,
            ides: 'vscode, jetbrains',
          },
        },
      ],
      malformed: { count: 0, samples: [] },
    });
  });

  it('should keep the good lines of a file with a broken one, and name the broken line', () => {
    const text = '{"user_login":"a","user_initiated_interaction_count":1}\n{broken\n';
    const { usage, malformed } = parseCopilotUserReport(text, '2026-11-20');
    expect(usage.map((u) => u.email)).toEqual(['a']);
    expect(malformed).toEqual({
      count: 1,
      samples: ['users report of 2026-11-20, line 2: {broken'],
    });
  });
});

describe(parseCopilotOrgReport.name, () => {
  const total = (day: string, dau: number) => ({
    day,
    organization_id: '4242',
    daily_active_users: dau,
    weekly_active_users: dau + 2,
    monthly_active_users: dau + 5,
    monthly_active_chat_users: 3,
    monthly_active_agent_users: 1,
    daily_active_cli_users: 1,
    user_initiated_interaction_count: 20,
    code_generation_activity_count: 50,
    code_acceptance_activity_count: 15,
    loc_suggested_to_add_sum: 300,
    loc_added_sum: 120,
    loc_deleted_sum: 7,
    totals_by_ide: [{ ide: 'vscode' }],
  });

  it('should read every day of the day_totals from the first day asked, in day order', () => {
    const line = JSON.stringify({
      day_totals: [total('2026-11-03', 9), total('2026-11-01', 7), total('2026-10-31', 1)],
      organization_id: '4242',
      report_start_day: '2026-10-31',
      report_end_day: '2026-11-03',
    });
    const { days, malformed } = parseCopilotOrgReport(line, 'acme', '28-day', '2026-11-01');
    expect(malformed.count).toBe(0);
    expect(days.map((d) => [d.day, d.dailyActiveUsers])).toEqual([
      ['2026-11-01', 7],
      ['2026-11-03', 9],
    ]);
    expect(days[0]).toEqual({
      org: 'acme',
      day: '2026-11-01',
      dailyActiveUsers: 7,
      weeklyActiveUsers: 9,
      monthlyActiveUsers: 12,
      monthlyActiveChatUsers: 3,
      monthlyActiveAgentUsers: 1,
      dailyActiveCliUsers: 1,
      interactions: 20,
      generations: 50,
      acceptances: 15,
      locSuggestedToAdd: 300,
      locAdded: 120,
      locDeleted: 7,
    });
  });

  it('should read a flat day total, and count a bad line and a total with no day', () => {
    const text = [
      JSON.stringify(total('2026-11-02', 4)),
      'not json',
      JSON.stringify({ day_totals: [{ daily_active_users: 3 }] }),
    ].join('\n');
    const { days, malformed } = parseCopilotOrgReport(text, 'acme', 'org 2026-11-02');
    expect(days.map((d) => d.day)).toEqual(['2026-11-02']);
    expect(malformed).toEqual({
      count: 2,
      samples: ['org 2026-11-02, line 2: not json', 'org 2026-11-02: a day total without a day'],
    });
  });
});
