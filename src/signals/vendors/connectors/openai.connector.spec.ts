import { openAiSeatOf, openAiUsageOf } from './openai.connector';

describe('openai connector', () => {
  it('makes a user a seat of the API platform with role and projects, never a service account', () => {
    expect(
      openAiSeatOf({
        id: 'user-1',
        email: 'Ann@acme.example',
        role: 'owner',
        projects: {
          data: [
            { id: 'proj_1', name: 'Web' },
            { id: 'proj_2', name: null },
          ],
        },
      }),
    ).toEqual([
      {
        toolId: 'openai-api',
        email: 'ann@acme.example',
        status: 'active',
        lastActiveDay: null,
        detail: { role: 'owner', projects: 'Web, proj_2' },
      },
    ]);
    expect(openAiSeatOf({ id: 's', email: 'ci@acme.example', is_service_account: true })).toEqual(
      [],
    );
    expect(openAiSeatOf({ id: 'x', email: null })).toEqual([]);
  });

  it('maps a daily bucket per user to the user e-mail, leaving out unknown users and key traffic', () => {
    const emails = new Map([['user-1', 'ann@acme.example']]);
    const start = Date.parse('2026-11-20T00:00:00Z') / 1000;
    expect(
      openAiUsageOf(
        {
          start_time: start,
          results: [
            { user_id: 'user-1', num_model_requests: 6, input_tokens: 100, output_tokens: 20 },
            { user_id: null, num_model_requests: 4 },
            { user_id: 'user-9', num_model_requests: 2 },
            { user_id: 'user-1', num_model_requests: 0 },
          ],
        },
        emails,
      ),
    ).toEqual([
      {
        toolId: 'openai-api',
        email: 'ann@acme.example',
        day: '2026-11-20',
        count: 6,
        detail: { counts: 'model requests', inputTokens: 100, outputTokens: 20 },
      },
    ]);
  });
});
