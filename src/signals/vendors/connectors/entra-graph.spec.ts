import { entraNonInteractiveOf, entraSigninsOf } from './entra-graph';
import { signinKey } from './sso-totals';

describe(entraNonInteractiveOf.name, () => {
  const signin = (upn: string, at: string, o: Record<string, unknown> = {}) => ({
    createdDateTime: at,
    userPrincipalName: upn,
    appDisplayName: 'ChatGPT',
    appId: 'app-chatgpt',
    status: { errorCode: 0 },
    isInteractive: false,
    signInEventTypes: ['nonInteractiveUser'],
    ...o,
  });

  it('should count token refreshes per person and day, marked non-interactive, less the days an interactive sign-in shows', () => {
    const shown = new Set(
      entraSigninsOf([signin('ann@acme.example', '2026-11-20T09:00:00Z')]).map(signinKey),
    );
    expect(
      entraNonInteractiveOf(
        [
          signin('ann@acme.example', '2026-11-20T11:00:00Z'),
          signin('Bo@acme.example', '2026-11-20T11:00:00Z'),
          signin('bo@acme.example', '2026-11-20T12:00:00Z'),
          signin('bo@acme.example', '2026-11-20T13:00:00Z', { status: { errorCode: 70043 } }),
          // an interactive one in a beta page is left to the interactive pass
          signin('cy@acme.example', '2026-11-20T13:00:00Z', { isInteractive: true }),
        ],
        shown,
      ),
    ).toEqual([
      {
        toolId: 'chatgpt',
        email: 'bo@acme.example',
        appName: 'ChatGPT',
        day: '2026-11-20',
        count: 2,
        interactive: false,
      },
    ]);
  });
});
