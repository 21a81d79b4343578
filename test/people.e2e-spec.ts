import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { PeopleService } from '../src/people/people.service';
import { DIRECTORY_CSV } from './support/survey-fixtures';
import { bearer, createTestApp, waitForJob, type TestApp } from './support/test-app';

/** Speaks the two GitHub REST endpoints the directory import calls, with Link pagination. */
function fakeGithub(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const users: Record<string, { login: string; name: string | null; email: string | null }> = {
    'alice-gh': { login: 'alice-gh', name: 'Alice Able', email: null },
    hank: { login: 'hank', name: 'Hank Hill', email: 'Hank@Example.com' },
    ivy: { login: 'ivy', name: null, email: null },
  };
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/orgs/acme/members') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const base = `http://${req.headers.host}/orgs/acme/members?per_page=100`;
      if (page === 1)
        return send(200, [{ login: 'alice-gh' }, { login: 'hank' }], {
          link: `<${base}&page=2>; rel="next", <${base}&page=2>; rel="last"`,
        });
      return send(200, [{ login: 'ivy' }]);
    }
    const user = /^\/users\/([^/]+)$/.exec(url.pathname);
    if (user && users[user[1]]) return send(200, users[user[1]]);
    send(404, { message: 'Not Found' });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
      }),
    ),
  );
}

describe('people: directory, GitHub members and identity resolution', () => {
  let t: TestApp;
  let github: Awaited<ReturnType<typeof fakeGithub>>;

  beforeAll(async () => {
    github = await fakeGithub();
    t = await createTestApp({
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghp_test_secret_value' },
    });
  });
  afterAll(async () => {
    await t?.close();
    github?.server.close();
  });

  it('should import the directory CSV with teams, managers and aliases, reporting bad rows', async () => {
    const res = await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: `${DIRECTORY_CSV}\nnot-an-email,Nobody,,,,` })
      .expect(201);
    expect(res.body).toMatchObject({
      persons: 7,
      teams: 2,
      errors: ['directory.csv: line 9: field "email": "not-an-email" is not an e-mail address'],
    });
    const teams = await t.http.get('/api/teams').set(bearer(t.tokens.leader)).expect(200);
    const byPath = Object.fromEntries(
      teams.body.map((x: { path: string; id: string; parentId: string | null }) => [x.path, x]),
    );
    expect(Object.keys(byPath)).toEqual([
      'Engineering',
      'Engineering/Data',
      'Engineering/Platform',
    ]);
    expect(byPath['Engineering/Data'].parentId).toBe(byPath.Engineering.id);
    const people = await t.http.get('/api/people').set(bearer(t.tokens.security)).expect(200);
    const bob = people.body.find((p: { email: string }) => p.email === 'bob@example.com');
    const alice = people.body.find((p: { email: string }) => p.email === 'alice@example.com');
    expect(bob).toMatchObject({
      managerId: alice.id,
      teamPath: 'Engineering/Platform',
      githubLogin: 'bob-gh',
    });
    const audit = await t.dataSource.query(
      `SELECT actor_role FROM audit_event WHERE action = 'person.read'`,
    );
    expect(audit).toEqual([{ actor_role: 'security' }]);
  });

  it('should resolve e-mails, noreply commit e-mails, proxy user names and IP leases with a confidence', async () => {
    const sut = t.app.get(PeopleService);
    const alice = (await sut.resolveIdentity('email', 'ALICE@example.com')).personId;
    expect(alice).toBeTruthy();
    await expect(
      sut.resolveIdentity('commit-email', '4242+alice-gh@users.noreply.github.com'),
    ).resolves.toEqual({ personId: alice, confidence: 0.95, rule: 'github-noreply' });
    await expect(sut.resolveIdentity('username', 'CORP\\AABLE')).resolves.toMatchObject({
      personId: alice,
      rule: 'known-identity',
    });
    await expect(sut.resolveIdentity('username', 'carol@corp.example')).resolves.toMatchObject({
      confidence: 0.7,
      rule: 'username-email-local-part',
    });
    const gina = (await sut.resolveIdentity('email', 'gina@example.com')).personId;
    await expect(sut.resolveIdentity('ip', '10.20.0.7', { at: new Date() })).resolves.toMatchObject(
      { personId: gina, rule: 'ip-lease' },
    );
    await expect(
      sut.resolveIdentity('commit-email', 'laptop@build-host.local', { source: 'repo-scan' }),
    ).resolves.toEqual({ personId: null, confidence: 0 });
  });

  it('should list unresolved identities and keep a manual link across re-imports', async () => {
    const unresolved = await t.http
      .get('/api/identities/unresolved')
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(unresolved.body).toContainEqual(
      expect.objectContaining({
        kind: 'commit-email',
        value: 'laptop@build-host.local',
        source: 'repo-scan',
      }),
    );
    const people = await t.http.get('/api/people').set(bearer(t.tokens.coe)).expect(200);
    const dan = people.body.find((p: { email: string }) => p.email === 'dan@example.com');
    await t.http
      .post('/api/identities/links')
      .set(bearer(t.tokens.coe))
      .send({ personId: dan.id, kind: 'commit-email', value: 'laptop@build-host.local' })
      .expect(201);
    // A manual link of an alias the directory gives to someone else wins over the directory.
    await t.http
      .post('/api/identities/links')
      .set(bearer(t.tokens.coe))
      .send({ personId: dan.id, kind: 'username', value: 'CORP\\aable' })
      .expect(201);
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: DIRECTORY_CSV })
      .expect(201);
    const sut = t.app.get(PeopleService);
    await expect(
      sut.resolveIdentity('commit-email', 'laptop@build-host.local'),
    ).resolves.toMatchObject({ personId: dan.id, confidence: 1, rule: 'manual-link' });
    await expect(sut.resolveIdentity('username', 'corp\\aable')).resolves.toMatchObject({
      personId: dan.id,
      rule: 'manual-link',
    });
    const after = await t.http
      .get('/api/identities/unresolved')
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(after.body.map((u: { value: string }) => u.value)).not.toContain(
      'laptop@build-host.local',
    );
    await t.http
      .post('/api/identities/links')
      .set(bearer(t.tokens.leader))
      .send({ personId: dan.id, kind: 'email', value: 'x@y.z' })
      .expect(403);
  });

  it('should import a GitHub organisation’s members through the REST API, following pages', async () => {
    const res = await t.http
      .post('/api/people/imports/github')
      .set(bearer(t.tokens.admin))
      .send({ org: 'acme' })
      .expect(201);
    expect(res.body).toEqual({ members: 3, created: 2, requests: 5 });
    expect(github.requests.every((r) => r.endsWith('token ghp_test_secret_value'))).toBe(true);
    const people = await t.http.get('/api/people').set(bearer(t.tokens.admin)).expect(200);
    expect(
      people.body
        .filter((p: { source: string }) => p.source === 'github-org')
        .map((p: { githubLogin: string; email: string | null }) => [p.githubLogin, p.email]),
    ).toEqual([
      ['hank', 'hank@example.com'],
      ['ivy', null],
    ]);
    const sut = t.app.get(PeopleService);
    const alice = (await sut.resolveIdentity('email', 'alice@example.com')).personId;
    await expect(sut.resolveIdentity('github', 'Alice-GH')).resolves.toMatchObject({
      personId: alice,
      rule: 'github-login',
    });
    const missing = await t.http
      .post('/api/people/imports/github')
      .set(bearer(t.tokens.admin))
      .send({ org: 'nope' })
      .expect(404);
    expect(missing.body.message).toBe('GitHub organisation nope: members could not be read (404)');
    expect(JSON.stringify(missing.body)).not.toContain('ghp_');
  });

  it('should refuse a request-chosen GitHub URL, so the server token goes nowhere else', async () => {
    const elsewhere = await fakeGithub(); // a stand-in at another address, listening for the token
    try {
      for (const apiUrl of [elsewhere.url, 'http://127.0.0.1:6379']) {
        const res = await t.http
          .post('/api/people/imports/github')
          .set(bearer(t.tokens.coe))
          .send({ org: 'acme', apiUrl })
          .expect(400);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'invalid-input',
          message: expect.stringMatching(/^apiUrl is not accepted: .*GITHUB_API_URL/),
        });
      }
      const scan = await t.http
        .post('/api/repos/scans')
        .set(bearer(t.tokens.admin))
        .send({ owner: 'acme', apiUrl: elsewhere.url })
        .expect(400);
      expect(scan.body.message).toMatch(/^apiUrl is not accepted/);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      elsewhere.server.close();
    }
  });

  it('should import a 9,000-person directory uploaded as a file, as a job with progress', async () => {
    const rows = Array.from(
      { length: 9_000 },
      (_, i) => `p${i}@bulk.example,Person ${i},Bulk/Team ${i % 40},,,`,
    );
    const csv = ['email,name,team,manager,github login,aliases', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(100_000);
    // the JSON route stops at the body limit; that is why the file route exists
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.admin))
      .send({ csv })
      .expect(413);

    await t.http
      .post('/api/people/imports/csv-file')
      .set(bearer(t.tokens.leader))
      .attach('file', Buffer.from(csv), 'staff.csv')
      .expect(403);
    const res = await t.http
      .post('/api/people/imports/csv-file')
      .set(bearer(t.tokens.coe))
      .attach('file', Buffer.from(csv), 'staff.csv')
      .expect(202);
    expect(res.body).toMatchObject({ file: 'staff.csv', bytes: csv.length });
    const job = await waitForJob(t, res.body.jobId, 60_000);
    expect(job).toMatchObject({
      state: 'completed',
      progress: 100,
      counts: { rows: 9_000, persons: 9_000 },
      result: { persons: 9_000, teams: 40, errors: [] },
    });
    const count: { n: string }[] = await t.dataSource.query(
      `SELECT count(*)::text AS n FROM person WHERE email LIKE '%@bulk.example'`,
    );
    expect(count[0].n).toBe('9000');
    // the receipt, then the import audited by the job as the uploader's, as the JSON route audits it
    const audit: { action: string; actor_role: string | null; detail: object }[] =
      await t.dataSource.query(
        `SELECT action, actor_role, detail FROM audit_event
          WHERE (target_id = $1 OR detail->>'jobId' = $1) AND action NOT LIKE '%.read'
          ORDER BY id`,
        [res.body.jobId],
      );
    expect(audit).toEqual([
      {
        action: 'directory-upload.create',
        actor_role: 'coe',
        detail: { file: 'staff.csv', bytes: csv.length },
      },
      {
        action: 'people.import',
        actor_role: 'coe',
        detail: {
          source: 'csv',
          file: 'staff.csv',
          jobId: res.body.jobId,
          persons: 9_000,
          errors: 0,
        },
      },
    ]);

    const bad = await t.http
      .post('/api/people/imports/csv-file?name=broken.csv')
      .set(bearer(t.tokens.admin))
      .set('Content-Type', 'text/csv')
      .send('no,header,here\n1,2,3\n')
      .expect(202);
    const failed = await waitForJob(t, bad.body.jobId);
    expect(failed).toMatchObject({ state: 'failed' });
    expect(String(failed.error)).toContain('broken.csv');
    const spool = path.join(t.env.AI_CENSUS_DATA_DIR, 'spool', 'people');
    expect(fs.readdirSync(spool)).toEqual([]);
  });
});
