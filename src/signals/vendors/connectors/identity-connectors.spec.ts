import { nextLink } from '../connector-http';
import { grantsOf } from './google-token-events';
import { signinsOf } from './okta-events';

describe('grantsOf (Google token activity)', () => {
  const activity = (appName: string, name = 'authorize') => ({
    id: { time: '2026-03-04T10:11:12.000Z', applicationName: 'token' },
    actor: { email: 'Ann@Acme.example' },
    events: [
      {
        type: 'auth',
        name,
        parameters: [
          { name: 'client_id', value: '77.apps.googleusercontent.com' },
          { name: 'app_name', value: appName },
          { name: 'scope', multiValue: ['openid', 'https://mail.google.com/'] },
        ],
      },
    ],
  });

  it('should read an authorize event of an AI app into a grant with its scopes', () => {
    expect(grantsOf(activity('ChatGPT'))).toEqual([
      {
        toolId: 'chatgpt',
        email: 'ann@acme.example',
        clientId: '77.apps.googleusercontent.com',
        appName: 'ChatGPT',
        scopes: ['openid', 'https://mail.google.com/'],
        day: '2026-03-04',
      },
    ]);
  });

  it('should leave out revocations, unknown apps and lookalikes', () => {
    expect(grantsOf(activity('ChatGPT', 'revoke'))).toEqual([]);
    expect(grantsOf(activity('Acme Expenses'))).toEqual([]);
    expect(grantsOf(activity("Claude's Bakery Scheduler"))).toEqual([]);
  });
});

describe('signinsOf (Okta System Log)', () => {
  const event = (app: string, result = 'SUCCESS', published = '2026-03-04T10:00:00.000Z') => ({
    published,
    eventType: 'user.authentication.sso',
    actor: { type: 'User', alternateId: 'bo@acme.example' },
    outcome: { result },
    target: [{ type: 'AppInstance', alternateId: app, displayName: app }],
  });

  it('should count successful sign-ins to AI apps per person, app and day', () => {
    expect(
      signinsOf([
        event('Claude'),
        event('Claude'),
        event('Claude', 'SUCCESS', '2026-03-05T01:00:00.000Z'),
        event('Claude', 'FAILURE'),
        event('Workday'),
        event("Claude's Bakery Scheduler"),
      ]),
    ).toEqual([
      {
        toolId: 'claude',
        email: 'bo@acme.example',
        appName: 'Claude',
        day: '2026-03-04',
        count: 2,
      },
      {
        toolId: 'claude',
        email: 'bo@acme.example',
        appName: 'Claude',
        day: '2026-03-05',
        count: 1,
      },
    ]);
  });
});

describe('nextLink', () => {
  it('should find the rel="next" target among other links', () => {
    expect(
      nextLink(
        '<https://acme.okta.com/api/v1/logs?since=x>; rel="self", <https://acme.okta.com/api/v1/logs?after=1,2>; rel="next"',
      ),
    ).toBe('https://acme.okta.com/api/v1/logs?after=1,2');
    expect(nextLink('<https://acme.okta.com/api/v1/logs>; rel="self"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});
