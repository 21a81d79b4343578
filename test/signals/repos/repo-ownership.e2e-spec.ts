import { dirname } from 'node:path';
import { LOCAL_OPERATOR } from '../../../src/auth/role';
import { RepoOwnershipService } from '../../../src/signals/repos/repo-ownership.service';
import { FakeGitHub } from '../../support/fake-github';
import type { GitRepoBuilder } from '../../support/git-repo-builder';
import { runCli, runCliInProcess } from '../../support/processes';
import { buildFixtureRepo } from '../../support/repo-fixtures';
import { bearer, createTestApp, type TestApp, waitForJob } from '../../support/test-app';

interface FindingRow {
  subjectType: string;
  subject: string;
  team: string | null;
  toolId: string;
}

describe(RepoOwnershipService.name, () => {
  let t: TestApp;
  let checkout: GitRepoBuilder;
  let repoId: string;

  beforeAll(async () => {
    checkout = buildFixtureRepo('assistants');
    t = await createTestApp({ env: { LOCAL_SCAN_ROOTS: dirname(checkout.dir) } });
    const dir = await t.http.post('/api/people/imports/csv').set(bearer(t.tokens.coe)).send({
      fileName: 'directory.csv',
      csv: 'email,name,team\nann@acme.example,Ann,Engineering/Platform\nbo@acme.example,Bo,Sales/Platform\nci@acme.example,Ci,Engineering/Web\n',
    });
    expect(dir.status).toBe(201);
    const scan = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.coe))
      .send({ path: checkout.dir });
    expect((await waitForJob(t, scan.body.id as string)).state).toBe('completed');
    const list = await t.http.get('/api/repos').set(bearer(t.tokens.coe));
    repoId = (list.body as { id: string; name: string }[]).find((r) => r.name === 'assistants')!.id;
  });

  afterAll(async () => {
    await t.close();
    checkout.remove();
  });

  const setOwnership = (body: object, token = t.tokens.coe) =>
    t.http.patch(`/api/repos/${repoId}/ownership`).set(bearer(token)).send(body);

  /** Correlates through the API, then reads the security report's repository findings. */
  async function repositoryFindings(): Promise<FindingRow[]> {
    const correlate = await t.http.post('/api/findings/correlate').set(bearer(t.tokens.coe));
    expect((await waitForJob(t, correlate.body.id as string)).state).toBe('completed');
    const build = await t.http
      .post('/api/reports')
      .set(bearer(t.tokens.security))
      .send({ kind: 'findings', organisation: 'Acme' });
    const job = await waitForJob(t, build.body.id as string);
    expect(job.state).toBe('completed');
    const id = (job.result as { reportId: string }).reportId;
    const res = await t.http
      .get(`/api/reports/${id}/download?format=json`)
      .set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    return (JSON.parse(res.text).findings as FindingRow[]).filter(
      (f) => f.subjectType === 'repository' && f.subject === 'assistants',
    );
  }

  it('should carry the team the CoE sets into every finding of the repository after correlating', async () => {
    const before = await repositoryFindings();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((f) => f.team === null)).toBe(true);

    const res = await setOwnership({ team: 'engineering/platform', dataClasses: ['phi', 'pii'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      team: 'Engineering/Platform',
      teamSource: 'manual',
      declaredDataClasses: ['phi', 'pii'],
    });

    const after = await repositoryFindings();
    expect(after.map((f) => f.toolId).sort()).toEqual(before.map((f) => f.toolId).sort());
    expect(after.every((f) => f.team === 'Engineering/Platform')).toBe(true);

    const audit = await t.http.get('/api/audit?action=repos.ownership').set(bearer(t.tokens.admin));
    expect(audit.body).toEqual([
      expect.objectContaining({
        actorName: 'test-coe',
        targetId: repoId,
        detail: {
          repository: 'assistants',
          team: 'Engineering/Platform',
          dataClasses: ['phi', 'pii'],
        },
      }),
    ]);
  });

  it('should refuse a team the directory does not know or that a name leaves ambiguous, naming the field', async () => {
    const unknown = await setOwnership({ team: 'Marketing' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^team: the directory has no team "Marketing"/);
    const ambiguous = await setOwnership({ team: 'Platform' });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.message).toMatch(/Engineering\/Platform, Sales\/Platform/);
    const badClass = await setOwnership({ dataClasses: ['secret'] });
    expect(badClass.status).toBe(400);
    const nothing = await setOwnership({});
    expect(nothing.status).toBe(400);
  });

  it('should let only the CoE and administrators set ownership', async () => {
    for (const role of ['leader', 'security'] as const)
      expect((await setOwnership({ team: 'Web' }, t.tokens[role])).status).toBe(403);
    expect((await setOwnership({ team: 'Web' }, t.tokens.admin)).body.team).toBe('Engineering/Web');
  });

  it('should set and clear the team from the CLI, audited as the local operator', async () => {
    const env = {
      DATABASE_URL: t.env.DATABASE_URL,
      AI_CENSUS_DATA_DIR: t.env.AI_CENSUS_DATA_DIR,
      LOG_LEVEL: 'error',
    };
    const set = runCli(['repo-ownership', 'assistants', '--team', 'Sales/Platform', '--json'], env);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toEqual({
      id: repoId,
      repository: 'assistants',
      team: 'Sales/Platform',
      teamSource: 'manual',
      dataClasses: ['phi', 'pii'],
    });
    expect((await repositoryFindings()).every((f) => f.team === 'Sales/Platform')).toBe(true);

    // the same entry in this process from here
    const cleared = await runCliInProcess(
      ['repo-ownership', 'assistants', '--clear-team', '--clear-data-classes', '--json'],
      env,
    );
    expect(JSON.parse(cleared.stdout)).toMatchObject({
      team: null,
      teamSource: null,
      dataClasses: [],
    });
    const unknown = await runCliInProcess(['repo-ownership', 'nowhere', '--team', 'Web'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('ai-census: no repository nowhere\n');
    const audit = await t.http.get('/api/audit?action=repos.ownership').set(bearer(t.tokens.admin));
    expect(
      (audit.body as { actorName: string }[]).filter((a) => a.actorName === LOCAL_OPERATOR.name),
    ).toHaveLength(2);
  });
});

describe('repository ownership from GitHub custom properties', () => {
  let t: TestApp;
  let gh: FakeGitHub;
  const built: GitRepoBuilder[] = [];

  beforeAll(async () => {
    gh = await new FakeGitHub().start();
    gh.token = 'ghp_ownership_test_token';
    gh.orgs.add('acme');
    for (const name of ['assistants', 'commits', 'ordinary'] as const) {
      const repo = buildFixtureRepo(name);
      built.push(repo);
      gh.addRepo({ owner: 'acme', name, dir: repo.dir });
    }
    gh.properties.set('acme/assistants', { team: 'platform', 'data-classification': 'pii' });
    gh.properties.set('acme/commits', { 'owning-team': 'Marketing' });
    t = await createTestApp({ env: { GITHUB_API_URL: gh.url, GITHUB_TOKEN: gh.token } });
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ fileName: 'd.csv', csv: 'email,team\nann@acme.example,Engineering/Platform\n' });
  });

  afterAll(async () => {
    await t.close();
    await gh.stop();
    built.forEach((r) => r.remove());
  });

  it('should take the team a property names when the directory knows it, and report one it does not', async () => {
    const scan = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.coe))
      .send({ owner: 'acme' });
    const job = await waitForJob(t, scan.body.id as string);
    expect(job.state).toBe('completed');
    expect((job.result as { warnings: { path?: string; reason: string }[] }).warnings).toEqual(
      expect.arrayContaining([
        {
          path: 'acme/commits',
          reason: 'custom property team "Marketing" names no team in the directory; no team set',
        },
      ]),
    );
    const list = await t.http.get('/api/repos').set(bearer(t.tokens.coe));
    const byName = Object.fromEntries(
      (list.body as { name: string; team: string | null; teamSource: string | null }[]).map((r) => [
        r.name,
        [r.team, r.teamSource],
      ]),
    );
    expect(byName).toEqual({
      'acme/assistants': ['Engineering/Platform', 'github'],
      'acme/commits': [null, null],
      'acme/ordinary': [null, null],
    });
  });

  it('should leave a team a person set when the property says otherwise, and clear one the property no longer names', async () => {
    const list = await t.http.get('/api/repos').set(bearer(t.tokens.coe));
    const repos = list.body as { id: string; name: string; locationKey: string }[];
    const ordinary = repos.find((r) => r.name === 'acme/ordinary')!;
    await t.http
      .patch(`/api/repos/${ordinary.id}/ownership`)
      .set(bearer(t.tokens.coe))
      .send({ team: 'Engineering/Platform' });
    await t.app.get(RepoOwnershipService).setFromGithubProperties(
      repos.map((r) => ({
        locationKey: r.locationKey,
        repository: r.name,
        properties:
          r.name === 'acme/ordinary' ? { team: 'Nobody' } : ({} as Record<string, string>),
      })),
    );
    const after = await t.app.get(RepoOwnershipService).ownership();
    expect(after.map((r) => [r.repository, r.team, r.dataClasses])).toEqual([
      ['acme/assistants', null, ['pii']],
      ['acme/commits', null, []],
      ['acme/ordinary', 'Engineering/Platform', []],
    ]);
  });
});
