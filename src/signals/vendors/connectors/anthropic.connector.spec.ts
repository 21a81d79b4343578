import { anthropicSeatOf, claudeCodeUsageOf } from './anthropic.connector';

describe('anthropic connector', () => {
  it('makes a Console member a seat of the API platform, a claude_code_user one of Claude Code', () => {
    expect(anthropicSeatOf({ id: 'u1', email: 'Ann@Acme.example', role: 'developer' })).toEqual([
      {
        toolId: 'anthropic-api',
        email: 'ann@acme.example',
        status: 'active',
        lastActiveDay: null,
        detail: { role: 'developer' },
      },
    ]);
    expect(
      anthropicSeatOf({ id: 'u2', email: 'bo@acme.example', role: 'claude_code_user' })[0].toolId,
    ).toBe('claude-code');
    expect(anthropicSeatOf({ id: 'u3', name: 'no mail' })).toEqual([]);
  });

  it('counts a Claude Code day by sessions, with lines and commits as detail and no content', () => {
    const [day] = claudeCodeUsageOf(
      {
        date: '2026-11-20T00:00:00Z',
        actor: { type: 'user_actor', email_address: 'Ann@acme.example' },
        core_metrics: {
          num_sessions: 4,
          lines_of_code: { added: 50, removed: 7 },
          commits_by_claude_code: 1,
          pull_requests_by_claude_code: 1,
        },
        tool_actions: { edit_tool: { accepted: 3, rejected: 1 }, write_tool: { accepted: 2 } },
      },
      '2026-11-21',
    );
    expect(day).toEqual({
      toolId: 'claude-code',
      email: 'ann@acme.example',
      day: '2026-11-20',
      count: 4,
      detail: {
        counts: 'sessions',
        sessions: 4,
        linesAdded: 50,
        linesRemoved: 7,
        commits: 1,
        pullRequests: 1,
        acceptedEdits: 5,
      },
    });
  });

  it('leaves out API-key actors and days with nothing counted', () => {
    expect(
      claudeCodeUsageOf(
        { actor: { type: 'api_actor', api_key_name: 'ci' }, core_metrics: { num_sessions: 9 } },
        '2026-11-20',
      ),
    ).toEqual([]);
    expect(
      claudeCodeUsageOf(
        {
          actor: { type: 'user_actor', email_address: 'a@b.c' },
          core_metrics: { num_sessions: 0 },
        },
        '2026-11-20',
      ),
    ).toEqual([]);
  });
});
