import { copilotSeatOf } from './github-copilot.connector';

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
});
