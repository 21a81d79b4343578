import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { FakeGitHub } from './support/fake-github';
import type { GitRepoBuilder } from './support/git-repo-builder';
import { runCliAsync, runCliInProcess } from './support/processes';
import { buildFixtureRepo } from './support/repo-fixtures';
import { createTestDatabase } from './support/test-db';
import { bearer, createTestApp, type TestApp, waitForJob } from './support/test-app';

interface Max {
  max: string | null;
}

interface AuditRow {
  id: string;
  actor_name: string;
  actor_role: string | null;
  actor_token_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: Record<string, unknown>;
}

/** What must agree between the two entry points: ids made by either run are placeholders. */
interface Comparable {
  action: string;
  targetType: string;
  targetId: string | null;
  detail: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function normalise(value: unknown, key?: string): unknown {
  if (key === 'jobId') return typeof value === 'string' && value ? '<job>' : value;
  if (typeof value === 'string') return UUID.test(value) ? '<id>' : value;
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  return value;
}

/**
 * The CLI's own entry, in this process: each command's start as a real process is proven in its
 * own suite. `real`: a child process (that does not block the fake GitHub and the API here).
 */
async function cli(args: string[], env: Record<string, string>, real = false): Promise<string> {
  const r = await (real ? runCliAsync : runCliInProcess)(args, env);
  if (r.status !== 0)
    throw new Error(`ai-census ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Every state change that both the API and the CLI offer, made once through each on two databases
 * in the same state: the audit records they leave (reads aside) must be the same, bar the actor.
 */
describe('audit records: the API and the CLI audit alike', () => {
  let t: TestApp;
  let cliDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let cliSql: Client;
  let cliEnv: Record<string, string>;
  let gh: FakeGitHub;
  let repo: GitRepoBuilder;
  let work: string;
  const mark = { api: '0', cli: '0' };
  const cliActor = `cli:${userInfo().username}`;

  const since = async (sql: (q: string, p: unknown[]) => Promise<AuditRow[]>, after: string) =>
    sql(
      `SELECT id, actor_name, actor_role, actor_token_id, action, target_type, target_id, detail
       FROM audit_event WHERE id > $1 AND action NOT LIKE '%.read' ORDER BY id`,
      [after],
    );
  const apiRows = () => since((q, p) => t.dataSource.query(q, p), mark.api);
  const cliRows = () => since(async (q, p) => (await cliSql.query(q, p)).rows, mark.cli);

  beforeAll(async () => {
    gh = await new FakeGitHub().start();
    gh.token = 'ghp_audit_secret_value';
    gh.orgs.add('acme');
    repo = buildFixtureRepo('assistants');
    gh.addRepo({ owner: 'acme', name: 'assistants', dir: repo.dir });
    t = await createTestApp({
      env: {
        GITHUB_TOKEN: gh.token,
        GITHUB_API_URL: gh.url,
        LOCAL_SCAN_ROOTS: dirname(repo.dir),
      },
    });
    cliDb = await createTestDatabase();
    cliSql = new Client({ connectionString: cliDb.url });
    await cliSql.connect();
    work = mkdtempSync(join(tmpdir(), 'aic-audit-'));
    cliEnv = {
      DATABASE_URL: cliDb.url,
      AI_CENSUS_DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'error',
      GITHUB_TOKEN: gh.token,
    };
  });

  afterAll(async () => {
    await cliSql?.end();
    await t?.close();
    await cliDb?.drop();
    await gh?.stop();
    repo?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const maxApiId = async () =>
    ((await t.dataSource.query('SELECT max(id)::text AS max FROM audit_event')) as Max[])[0].max ??
    '0';
  const maxCliId = async () =>
    (await cliSql.query<Max>('SELECT max(id)::text AS max FROM audit_event')).rows[0].max ?? '0';

  beforeEach(async () => {
    mark.api = await maxApiId();
    mark.cli = await maxCliId();
  });

  const cases: {
    name: string;
    api: () => Promise<unknown>;
    cli: () => Promise<unknown>;
    /** the actions each side must leave, in order */
    actions: string[];
    /** the API token that makes the change */
    role?: 'admin' | 'security';
    /** what only the API does on the way (receiving an upload), audited before the shared change */
    apiOnly?: string[];
  }[] = [
    {
      name: 'token create',
      actions: ['token.create'],
      api: () =>
        t.http
          .post('/api/tokens')
          .set(bearer(t.tokens.admin))
          .send({ name: 'ci', role: 'leader' })
          .expect(201),
      cli: () => cli(['token', 'create', '--role', 'leader', '--name', 'ci', '--json'], cliEnv),
    },
    {
      name: 'token revoke',
      actions: ['token.revoke'],
      api: async () => {
        const made = await t.http
          .post('/api/tokens')
          .set(bearer(t.tokens.admin))
          .send({ name: 'short-lived', role: 'coe' })
          .expect(201);
        mark.api = await maxApiId();
        await t.http
          .delete(`/api/tokens/${made.body.info.id}`)
          .set(bearer(t.tokens.admin))
          .expect(204);
      },
      cli: async () => {
        const made = JSON.parse(
          await cli(
            ['token', 'create', '--role', 'coe', '--name', 'short-lived', '--json'],
            cliEnv,
          ),
        ) as { id: string };
        mark.cli = await maxCliId();
        await cli(['token', 'revoke', made.id], cliEnv);
      },
    },
    {
      name: 'policy import',
      actions: ['policy.update', 'policy.update'],
      api: () =>
        t.http
          .post('/api/catalog/policies/import')
          .set(bearer(t.tokens.admin))
          .send({ yaml: POLICY })
          .expect(200),
      cli: () => {
        const file = join(work, 'policy.yaml');
        writeFileSync(file, POLICY);
        return cli(['catalog', 'policy-import', file, '--json'], cliEnv);
      },
    },
    {
      name: 'survey import into a new survey',
      actions: ['survey.create', 'survey.import'],
      api: async () => {
        const survey = await t.http
          .post('/api/surveys')
          .set(bearer(t.tokens.admin))
          .send({ title: 'Imported', privacyMode: 'identified', template: 'blank' })
          .expect(201);
        await t.http
          .post(`/api/surveys/${survey.body.id}/imports`)
          .set(bearer(t.tokens.admin))
          .attach('file', SURVEY_EXPORT)
          .expect(201);
      },
      cli: () => cli(['import-survey', SURVEY_EXPORT, '--privacy', 'identified', '--json'], cliEnv),
    },
    {
      name: 'local repository scan',
      actions: ['repos.scan'],
      api: async () => {
        const job = await t.http
          .post('/api/repos/scans')
          .set(bearer(t.tokens.admin))
          .send({ path: repo.dir })
          .expect(202);
        await expect(waitForJob(t, job.body.id)).resolves.toMatchObject({ state: 'completed' });
      },
      cli: () => cli(['scan-repo', repo.dir, '--json'], cliEnv),
    },
    {
      name: 'GitHub owner scan',
      actions: ['repos.scan'],
      api: async () => {
        const job = await t.http
          .post('/api/repos/scans')
          .set(bearer(t.tokens.admin))
          .send({ owner: 'acme' })
          .expect(202);
        await expect(waitForJob(t, job.body.id)).resolves.toMatchObject({ state: 'completed' });
      },
      cli: () => cli(['scan-github', 'acme', '--api-url', gh.url, '--json'], cliEnv),
    },
    {
      name: 'repository ownership',
      actions: ['repos.ownership'],
      api: async () => {
        const list = await t.http.get('/api/repos').set(bearer(t.tokens.admin)).expect(200);
        const local = (list.body as { id: string; name: string }[]).find(
          (r) => r.name === 'assistants',
        );
        await t.http
          .patch(`/api/repos/${local!.id}/ownership`)
          .set(bearer(t.tokens.admin))
          .send({ dataClasses: ['pii'] })
          .expect(200);
      },
      cli: () => cli(['repo-ownership', 'assistants', '--data-classes', 'pii', '--json'], cliEnv),
    },
    {
      name: 'log ingest',
      actions: ['log-ingest.create'],
      apiOnly: ['network-upload.create'],
      api: async () => {
        const upload = await t.http
          .post('/api/network/uploads?name=squid-native.log')
          .set(bearer(t.tokens.admin))
          .set('Content-Type', 'application/octet-stream')
          .send(readFileSync(PROXY_LOG))
          .expect(202);
        await expect(waitForJob(t, upload.body.jobId)).resolves.toMatchObject({
          state: 'completed',
        });
      },
      cli: () => cli(['ingest-logs', PROXY_LOG, '--json'], cliEnv),
    },
    {
      name: 'correlation and the report set',
      role: 'security',
      actions: ['findings.correlate', 'report.create', 'report.create', 'report.create'],
      api: async () => {
        const job = await t.http
          .post('/api/findings/correlate')
          .set(bearer(t.tokens.security))
          .expect(202);
        await expect(waitForJob(t, job.body.id)).resolves.toMatchObject({ state: 'completed' });
        for (const kind of ['baseline', 'inventory', 'findings']) {
          const report = await t.http
            .post('/api/reports')
            .set(bearer(t.tokens.security))
            .send({ kind })
            .expect(202);
          await expect(waitForJob(t, report.body.id)).resolves.toMatchObject({
            state: 'completed',
          });
        }
      },
      // a real process: the only test of the CLI writing the report set, PDF included
      cli: () => cli(['baseline', '--out', join(work, 'reports'), '--json'], cliEnv, true),
    },
  ];

  it.each(cases)(
    'should write the same audit record for a $name through the API and through the CLI',
    async ({ api, cli: viaCli, actions, role = 'admin', apiOnly = [] }) => {
      await api();
      await viaCli();
      const [allFromApi, fromCli] = [await apiRows(), await cliRows()];
      expect(allFromApi.map((r) => r.action)).toEqual([...apiOnly, ...actions]);
      const fromApi = allFromApi.slice(apiOnly.length);
      expect(fromCli.map((r) => r.action)).toEqual(actions);
      const comparable = (rows: AuditRow[]): Comparable[] =>
        rows.map((r) => ({
          action: r.action,
          targetType: r.target_type,
          targetId: normalise(r.target_id) as string | null,
          detail: normalise(r.detail),
        }));
      expect(comparable(fromCli)).toEqual(comparable(fromApi));
      for (const r of fromApi)
        expect(r).toMatchObject({ actor_name: `test-${role}`, actor_role: role });
      for (const r of fromCli)
        expect(r).toMatchObject({
          actor_name: cliActor,
          actor_role: 'admin',
          actor_token_id: null,
        });
    },
  );
});

const POLICY =
  'version: 1\npolicies:\n  cursor:\n    status: tolerated\n    dataClasses: [public]\n  chatgpt:\n    status: prohibited\n';
const SURVEY_EXPORT = join(__dirname, 'fixtures/surveys/google-forms.csv');
const PROXY_LOG = join(__dirname, 'fixtures/network/squid-native.log');
