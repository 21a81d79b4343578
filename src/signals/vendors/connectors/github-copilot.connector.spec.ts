import { copilotSeatOf, parseCopilotUserReport } from './github-copilot.connector';

describe('github-copilot connector', () => {
  it('makes a seat of the assignee login, with its last active day and a pending cancellation', () => {
    expect(
      copilotSeatOf({
        assignee: { login: 'Ann-GH', type: 'User' },
        last_activity_at: '2026-11-20T23:10:00+00:00',
        last_activity_editor: 'vscode/1.95.0/copilot/1.250.0',
        pending_cancellation_date: '2026-12-31',
        plan_type: 'business',
      }),
    ).toEqual([
      {
        toolId: 'github-copilot',
        email: 'ann-gh',
        identityKind: 'github',
        status: 'pending cancellation',
        lastActiveDay: '2026-11-20',
        detail: { plan: 'business', lastEditor: 'vscode/1.95.0/copilot/1.250.0' },
      },
    ]);
    expect(copilotSeatOf({ assignee: { login: 'team-x', type: 'Team' } })).toEqual([]);
    expect(copilotSeatOf({ assignee: null })[0]).toBeUndefined();
  });

  it('reads one use per user line of a day report, counting interactions and accepted code', () => {
    const text = [
      JSON.stringify({
        day: '2026-11-20',
        user_login: 'Ann-GH',
        user_initiated_interaction_count: 4,
        code_generation_activity_count: 9,
        code_acceptance_activity_count: 3,
        loc_added_sum: 12,
        used_chat: true,
        totals_by_ide: [{ ide: 'vscode' }, { ide: 'jetbrains' }, { ide: 'vscode' }],
      }),
      '',
      JSON.stringify({
        day: '2026-11-20',
        user_login: 'idle',
        user_initiated_interaction_count: 0,
      }),
    ].join('\n');
    expect(parseCopilotUserReport(text, '2026-11-20')).toEqual([
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
          ides: 'vscode, jetbrains',
        },
      },
    ]);
  });

  it('names the line of a report that is not JSON', () => {
    expect(() => parseCopilotUserReport('{"user_login":"a"}\n{broken', '2026-11-20')).toThrow(
      /users report of 2026-11-20, line 2: not JSON/,
    );
  });
});
