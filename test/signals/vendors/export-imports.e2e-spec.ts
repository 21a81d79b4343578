import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectorTestApp, dayAgo } from '../../support/connector-e2e';
import { runCliAsync, runCliInProcess } from '../../support/processes';
import type { TestApp } from '../../support/test-app';

interface ImportJson {
  connector: string;
  evidence: Record<string, number>;
  people: { resolved: number; unresolved: number };
  tools: Record<string, { seats: number; activeUsers: number }>;
  file: {
    name: string;
    format: string;
    rows: number;
    imported: number;
    added: number;
    rejectedRows: number;
  };
}

const us = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}`;

// `sync CONNECTOR --file F` end to end: each vendor's export read through the same writer as
// its API, bad rows named by file, line and field while the good ones are kept, unknown report
// columns named, and a second import of the same file adding nothing.
jest.setTimeout(240_000); // a CLI run that starts a process is slow on a loaded machine

describe('Connector export imports (sync --file)', () => {
  let t: TestApp;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // the first import runs the CLI as a real process; the others call its entry in this one
  const syncProcess = (connector: string, path: string) =>
    runCliAsync(['sync', connector, '--file', path, '--json'], t.env);
  const sync = (connector: string, path: string) =>
    runCliInProcess(['sync', connector, '--file', path, '--json'], t.env);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'exports-'));
    t = await connectorTestApp(
      'email,name,team\nann@acme.example,Ann,Web\nbo@acme.example,Bo,Web\ncy@acme.example,Cy,Ops\n',
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('should import an Amazon Q Developer activity report, naming bad rows and keeping the good', async () => {
    const path = file(
      'q_by_user_analytic.csv',
      [
        'UserId,Date,Chat_AICodeLines,Chat_MessagesInteracted,Chat_MessagesSent,Inline_AICodeLines,Inline_AcceptanceCount,Inline_SuggestionsCount,Dev_GenerationEventCount',
        `ann@acme.example,${us(dayAgo(2))},12,3,8,40,9,31,1`,
        `bo@acme.example,${us(dayAgo(2))},0,0,0,0,0,4,0`,
        `cy@acme.example,someday,1,1,1,1,1,1,1`,
        `ann@acme.example,${us(dayAgo(1))},0,0,x,0,2,5,0`,
      ].join('\n'),
    );
    const first = await syncProcess('amazon-q', path);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('q_by_user_analytic.csv:4: Date: "someday" is not a date');
    expect(first.stderr).toContain(
      'q_by_user_analytic.csv:5: Chat_MessagesSent: "x" is not a whole number',
    );
    const json = JSON.parse(first.stdout) as ImportJson;
    expect(json).toMatchObject({
      connector: 'amazon-q',
      requests: 0,
      evidence: { 'vendor-usage': 2 },
      people: { resolved: 2, unresolved: 0 },
      tools: { 'amazon-q-developer': { seats: 0, activeUsers: 2 } },
      file: { rows: 4, imported: 2, added: 2, rejectedRows: 2 },
    });
    const rows = (await t.dataSource.query(
      `SELECT identity_value, count::int AS count, detail FROM evidence WHERE tool_id = 'amazon-q-developer' ORDER BY identity_value`,
    )) as { identity_value: string; count: number; detail: Record<string, unknown> }[];
    // ann: 8 chat messages + 9 accepted suggestions + 1 agent run; bo used it without a counted request
    expect(rows.map((r) => [r.identity_value, r.count])).toEqual([
      ['ann@acme.example', 18],
      ['bo@acme.example', 1],
    ]);
    expect(rows[0].detail).toMatchObject({
      connector: 'amazon-q',
      day: dayAgo(2),
      Inline_SuggestionsCount: 31,
    });

    const again = await sync('amazon-q', path);
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as ImportJson).file.added).toBe(0);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE tool_id = 'amazon-q-developer'`,
    )) as { n: number }[];
    expect(n).toBe(2);
  });

  it('should name the columns of a report it does not know', async () => {
    const path = file(
      'q-odd.csv',
      `UserId,Date,Chat_MessagesSent,Prompt_Text\nann@acme.example,${dayAgo(1)},1,hi\n`,
    );
    const r = await sync('amazon-q', path);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/q-odd\.csv: .*unknown columns "Prompt_Text" \(line 1\)/);
  });

  it('should import the Entra sign-in log download as CSV and as JSON', async () => {
    const csv = file(
      'InteractiveSignIns.csv',
      [
        'Date (UTC),Request ID,User,Username,Application,Application ID,IP address,Status,Sign-in error code',
        `${dayAgo(3)}T08:00:00Z,r1,Ann,ann@acme.example,ChatGPT,app-1,198.51.100.1,Success,0`,
        `${dayAgo(3)}T09:00:00Z,r2,Ann,ann@acme.example,ChatGPT,app-1,198.51.100.1,Success,0`,
        `${dayAgo(3)}T10:00:00Z,r3,Bo,bo@acme.example,Claude,app-2,198.51.100.2,Failure,50126`,
        `${dayAgo(3)}T11:00:00Z,r4,Bo,bo@acme.example,Workday,app-3,198.51.100.2,Success,0`,
        `${dayAgo(3)}T12:00:00Z,r5,Cy,not-an-email,Claude,app-2,198.51.100.3,Success,0`,
      ].join('\n'),
    );
    const r = await sync('entra', csv);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      'InteractiveSignIns.csv:6: Username: "not-an-email" is not an e-mail address',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({
      evidence: { 'sso-signin': 1 },
      file: { rows: 5, imported: 4 },
    });
    const json = file(
      'SignIns.json',
      JSON.stringify([
        {
          createdDateTime: `${dayAgo(2)}T08:00:00Z`,
          userPrincipalName: 'cy@acme.example',
          appDisplayName: 'Claude',
          appId: 'app-2',
          status: { errorCode: 0 },
        },
        {
          createdDateTime: 'never',
          userPrincipalName: 'cy@acme.example',
          appDisplayName: 'Claude',
        },
      ]),
    );
    const j = await sync('entra', json);
    expect(j.status).toBe(0);
    expect(j.stderr).toContain('SignIns.json:2: createdDateTime: "never" is not a date');
    expect(JSON.parse(j.stdout)).toMatchObject({
      evidence: { 'sso-signin': 1 },
      tools: { claude: { activeUsers: 1 } },
    });
  });

  it('should import an Okta System Log export and a Google Workspace OAuth log export', async () => {
    const okta = file(
      'okta-system-log.csv',
      [
        'uuid,published,eventType,displayMessage,actor.alternateId,outcome.result,target.type,target.displayName',
        `u1,${dayAgo(1)}T08:00:00.000Z,user.authentication.sso,User single sign on to app,bo@acme.example,SUCCESS,AppInstance,Perplexity`,
        `u2,${dayAgo(1)}T09:00:00.000Z,user.session.start,User login,bo@acme.example,SUCCESS,,`,
      ].join('\n'),
    );
    const o = await sync('okta', okta);
    expect(o.stderr).toBe('');
    expect(JSON.parse(o.stdout)).toMatchObject({
      evidence: { 'sso-signin': 1 },
      tools: { perplexity: { activeUsers: 1 } },
    });
    const google = file(
      'oauth-log-events.csv',
      [
        'Date,Event,Description,Actor,App name,Client ID,Scope,IP address',
        `${dayAgo(4)}T10:00:00Z,Authorize,cy authorised ChatGPT,cy@acme.example,ChatGPT,123.apps.googleusercontent.com,"https://www.googleapis.com/auth/drive.readonly openid",203.0.113.9`,
        `${dayAgo(4)}T11:00:00Z,Revoke,cy revoked Zoom,cy@acme.example,Zoom,456.apps.googleusercontent.com,openid,203.0.113.9`,
      ].join('\n'),
    );
    const g = await sync('google-workspace', google);
    expect(g.stderr).toBe('');
    expect(JSON.parse(g.stdout)).toMatchObject({ evidence: { 'oauth-grant': 1 } });
    const [grant] = (await t.dataSource.query(
      `SELECT detail FROM evidence WHERE signal = 'oauth-grant' AND tool_id = 'chatgpt'`,
    )) as { detail: Record<string, unknown> }[];
    expect(grant.detail).toMatchObject({
      sensitiveScopes: true,
      scopes: ['https://www.googleapis.com/auth/drive.readonly', 'openid'],
    });
  });

  it('should refuse --file for a connector read through its API only, naming those that import', async () => {
    const r = await sync('cursor', file('x.csv', 'a\n1\n'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(
      /--file: cursor is read through its admin API only; connectors that import an export file: amazon-q, google-workspace, entra, okta/,
    );
  });
});
