import * as path from 'node:path';
import { REPO_ROOT } from '../../support/processes';
import { bearer, createTestApp, type TestApp, waitForJob } from '../../support/test-app';
import { FakeGitHub } from '../../support/fake-github';
import type { GitRepoBuilder } from '../../support/git-repo-builder';
import { buildFixtureRepo } from '../../support/repo-fixtures';

interface ToolJson {
  toolId: string;
  signals: { signal: string; path?: string; commit?: string; identity?: string }[];
}
const pairs = (tools: ToolJson[]) =>
  tools.flatMap((t) => t.signals.map((s) => `${t.toolId}|${s.signal}`));

describe('repos API', () => {
  let t: TestApp;
  let gh: FakeGitHub;
  const built: GitRepoBuilder[] = [];

  beforeAll(async () => {
    gh = await new FakeGitHub().start();
    gh.token = 'ghp_api_test_token';
    gh.orgs.add('acme');
    for (const name of ['assistants', 'commits', 'ordinary']) {
      const repo = buildFixtureRepo(name);
      built.push(repo);
      gh.addRepo({ owner: 'acme', name, dir: repo.dir, topics: name === 'commits' ? ['pii'] : [] });
    }
    gh.seats.set('acme', [{ login: 'ann' }]);
    t = await createTestApp({
      env: {
        GITHUB_API_URL: gh.url,
        GITHUB_TOKEN: gh.token,
        LOCAL_SCAN_ROOTS: built.map((r) => path.dirname(r.dir)).join(':'),
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await gh.stop();
    built.forEach((r) => r.remove());
  });

  const scan = async (body: object) => {
    const res = await t.http.post('/api/repos/scans').set(bearer(t.tokens.security)).send(body);
    expect(res.status).toBe(202);
    const job = await waitForJob(t, res.body.id as string);
    expect(job.error ?? null).toBeNull();
    return job;
  };

  it('should scan a local checkout as a job and record evidence once when scanned twice', async () => {
    const job = await scan({ path: built[0].dir });
    expect(job.state).toBe('completed');
    const result = job.result as {
      repository: string;
      evidence: { inserted: number };
      tools: ToolJson[];
    };
    expect(result.repository).toBe('assistants');
    expect(result.evidence.inserted).toBeGreaterThan(3);
    expect(pairs(result.tools)).toEqual(
      expect.arrayContaining([
        'cursor|config-file',
        'claude-code|config-file',
        'github-copilot|ide-extension',
        'claude-code|workflow',
      ]),
    );
    const again = (await scan({ path: built[0].dir })).result as {
      evidence: { inserted: number; updated: number };
    };
    expect(again.evidence).toEqual({ inserted: 0, updated: 0 });
  });

  it('should list repositories and their evidence with filters when asked by an allowed role', async () => {
    const list = await t.http.get('/api/repos').set(bearer(t.tokens.coe));
    expect(list.status).toBe(200);
    const repo = (list.body as { id: string; name: string }[]).find((r) => r.name === 'assistants');
    expect(repo).toBeDefined();
    const ev = await t.http
      .get(`/api/repos/${repo!.id}/evidence?signal=config-file`)
      .set(bearer(t.tokens.coe));
    expect(ev.status).toBe(200);
    const rows = ev.body.evidence as { signal: string; toolId: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.signal === 'config-file')).toBe(true);
    const leader = await t.http.get(`/api/repos/${repo!.id}/evidence`).set(bearer(t.tokens.leader));
    expect(leader.status).toBe(403);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE action = 'repository-evidence.read'`,
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('should serve SARIF 2.1.0 and a CycloneDX 1.6 AI-BOM for a repository', async () => {
    const list = await t.http.get('/api/repos').set(bearer(t.tokens.admin));
    const repo = (list.body as { id: string; name: string }[]).find(
      (r) => r.name === 'assistants',
    )!;
    const sarif = await t.http.get(`/api/repos/${repo.id}/sarif`).set(bearer(t.tokens.security));
    expect(sarif.status).toBe(200);
    const doc = JSON.parse(sarif.text) as {
      version: string;
      runs: { results: { locations: unknown[] }[] }[];
    };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs[0].results.length).toBeGreaterThan(3);
    const bom = await t.http.get(`/api/repos/${repo.id}/cyclonedx`).set(bearer(t.tokens.leader));
    expect(bom.status).toBe(200);
    const cdx = JSON.parse(bom.text) as {
      bomFormat: string;
      specVersion: string;
      components: { name: string }[];
    };
    expect(cdx).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(cdx.components.length).toBeGreaterThan(2);
  });

  it('should scan a GitHub organisation through the configured API and keep classification', async () => {
    const job = await scan({ owner: 'acme' });
    const result = job.result as {
      requests: number;
      repositories: { repository: string; dataClasses: string[]; tools: ToolJson[] }[];
    };
    expect(result.repositories.map((r) => r.repository)).toEqual([
      'acme/assistants',
      'acme/commits',
      'acme/ordinary',
    ]);
    expect(result.repositories.find((r) => r.repository === 'acme/commits')?.dataClasses).toEqual([
      'pii',
    ]);
    expect(result.repositories.find((r) => r.repository === 'acme/ordinary')?.tools).toEqual([]);
    expect(pairs(result.repositories.find((r) => r.repository === 'acme/commits')!.tools)).toEqual(
      expect.arrayContaining([
        'claude-code|commit-trailer',
        'cursor|commit-trailer',
        'github-copilot|bot-author',
      ]),
    );
    const again = (await scan({ owner: 'acme' })).result as { requests: number };
    expect(again.requests).toBe(1);
  });

  it('should turn a repository classified pii into a data-class violation when correlating', async () => {
    // Policy: Cursor is sanctioned for public and internal code only.
    await t.http
      .put('/api/catalog/tools/cursor/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', dataClasses: ['public', 'internal'] })
      .expect(200);
    const queued = await t.http
      .post('/api/findings/correlate')
      .set(bearer(t.tokens.security))
      .expect(202);
    await expect(waitForJob(t, queued.body.id as string)).resolves.toMatchObject({
      state: 'completed',
    });

    const res = await t.http
      .get('/api/findings?subjectType=repository&toolId=cursor&limit=100')
      .set(bearer(t.tokens.security))
      .expect(200);
    const bySubject = new Map<
      string,
      { sanctionStatus: string; dataClasses: string[]; factors: { reason: string }[] }
    >(res.body.items.map((f: { subjectId: string }) => [f.subjectId, f]));
    // acme/commits carries the GitHub topic "pii"; acme/assistants has no classification.
    expect(bySubject.get('acme/commits')).toMatchObject({
      sanctionStatus: 'violation',
      dataClasses: ['pii'],
    });
    expect(
      bySubject
        .get('acme/commits')!
        .factors.map((f) => f.reason)
        .join(' '),
    ).toMatch(/pii/);
    expect(bySubject.get('acme/assistants')).toMatchObject({ sanctionStatus: 'sanctioned' });
  });

  it('should refuse bad requests and roles when the body or role is wrong', async () => {
    const both = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.admin))
      .send({ path: '/tmp', owner: 'acme' });
    expect(both.status).toBe(400);
    const leader = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.leader))
      .send({ owner: 'acme' });
    expect(leader.status).toBe(403);
  });

  it('should refuse every path outside LOCAL_SCAN_ROOTS alike, whether it exists or is a repository', async () => {
    const answers = [];
    for (const p of [
      '/definitely/not/here',
      '/tmp',
      REPO_ROOT,
      `${path.dirname(built[0].dir)}/../..`,
    ]) {
      const res = await t.http
        .post('/api/repos/scans')
        .set(bearer(t.tokens.admin))
        .send({ path: p });
      answers.push({ status: res.status, body: res.body });
      expect(JSON.stringify(res.body)).not.toContain(p);
    }
    expect(answers[0]).toMatchObject({
      status: 403,
      body: { message: expect.stringMatching(/LOCAL_SCAN_ROOTS/) },
    });
    expect(answers.slice(1)).toEqual(
      answers.slice(0, 1).concat(answers.slice(0, 1), answers.slice(0, 1)),
    );
    const jobs = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM job WHERE name = 'repos.scan-repo'`,
    );
    expect(jobs[0].n).toBe(2); // the two scans of the first test only
  });

  it('should refuse a folder under a root that is not the top of a repository', async () => {
    const res = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.admin))
      .send({ path: path.dirname(built[0].dir) });
    expect(res.status).toBe(403);
  });
});
