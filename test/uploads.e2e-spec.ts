import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { legacyFingerprint } from '../src/signals/network/ingest/log-source';
import { writeSquidLog } from '../src/signals/network/testing/squid-log-generator';
import {
  runCliInProcess,
  startApi,
  stopProcess,
  waitFor,
  type ApiProcess,
} from './support/processes';
import { createTestDatabase } from './support/test-db';

const MiB = 1 << 20;

/** Uploads against a real API process: over the limit, the same content twice, failed ingests. */
describe('uploads to a running API', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let env: Record<string, string>;
  let api: { proc: ApiProcess; url: string; token: string };

  const sql = async <T>(text: string): Promise<T[]> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(text)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const totals = async () =>
    (
      await sql<{ requests: string }>(
        `SELECT COALESCE(SUM(requests), 0)::text AS requests FROM network_usage_daily`,
      )
    )[0].requests;

  /** what the API left in its spool folder for uploads of this kind (none if never made) */
  const spooled = (kind: string) => {
    const dir = path.join(dataDir, 'spool', kind);
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  const post = async (route: string, body: BodyInit, headers: Record<string, string> = {}) => {
    const res = await fetch(api.url + route, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.token}`, ...headers },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const form = (name: string, content: Blob) => {
    const f = new FormData();
    f.append('file', content, name);
    return f;
  };
  const finished = (id: unknown) =>
    waitFor(
      async () => {
        const res = await fetch(`${api.url}/api/jobs/${String(id)}`, {
          headers: { Authorization: `Bearer ${api.token}` },
        });
        const job = (await res.json()) as Record<string, unknown>;
        return job.state === 'completed' || job.state === 'failed' ? job : undefined;
      },
      `job ${String(id)}`,
      120_000,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-uploads-'));
    env = {
      DATABASE_URL: db.url,
      AI_CENSUS_DATA_DIR: dataDir,
      PORT: '0',
      UPLOAD_MAX_BYTES: String(80 * MiB),
    };
    api = await startApi(env);
  }, 120_000);
  afterAll(async () => {
    if (api) await stopProcess(api.proc);
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should answer 413 to an upload over the limit, multipart or raw, and stay up', async () => {
    const big = new Blob([Buffer.alloc(81 * MiB, 0x61)]);
    const multipart = await post('/api/network/uploads', form('big.log', big));
    expect(multipart).toMatchObject({ status: 413, body: { error: 'too-large' } });
    expect(String(multipart.body.message)).toMatch(/limit of 83886080 bytes/);
    const raw = await post('/api/network/uploads?name=big.log', big, {
      'content-type': 'application/octet-stream',
    });
    expect(raw).toMatchObject({ status: 413, body: { error: 'too-large' } });
    // every upload route: the directory file, the survey exports (over their own 50 MiB limit:
    // a body past it proves the refusal as well as one past UPLOAD_MAX_BYTES, in 30 MiB less)
    const overSurveyLimit = new Blob([Buffer.alloc(51 * MiB, 0x61)]);
    for (const [route, body] of [
      ['/api/people/imports/csv-file', big],
      ['/api/surveys/00000000-0000-4000-8000-000000000000/imports', overSurveyLimit],
      ['/api/surveys/00000000-0000-4000-8000-000000000000/imports/plan', overSurveyLimit],
    ] as const) {
      const res = await post(route, form('export.csv', body));
      expect({ route, ...res }).toMatchObject({ route, status: 413, body: { error: 'too-large' } });
    }
    expect(api.proc.exitCode).toBeNull();
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    // each body said its length: refused before a byte reached the spool
    expect(spooled('network')).toEqual([]);
    expect(spooled('people')).toEqual([]);
  }, 120_000);

  it('should count a log over 64 MiB once, whatever the name it comes under', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-big-log-'));
    try {
      const file = path.join(dir, 'access.log');
      const log = await writeSquidLog(file, 560_000, { aiShare: 0.02 });
      expect(log.bytes).toBeGreaterThan(64 * MiB);
      const content = fs.readFileSync(file);

      const first = await post('/api/network/uploads?name=access.log', content, {
        'content-type': 'application/octet-stream',
      });
      expect(first.status).toBe(202);
      await expect(finished(first.body.jobId)).resolves.toMatchObject({ state: 'completed' });
      const once = await totals();
      expect(Number(once)).toBeGreaterThan(0);

      const renamed = await post('/api/network/uploads', form('access.log.1', new Blob([content])));
      expect(renamed.status).toBe(202);
      expect(renamed.body.jobId).toBe(first.body.jobId);
      await finished(renamed.body.jobId);
      await expect(totals()).resolves.toBe(once);

      const copy = path.join(dir, 'proxy-copy.log');
      fs.renameSync(file, copy);
      // in-process: ingest-logs as a real process is network.e2e's; here it is the fingerprint
      const cli = await runCliInProcess(['ingest-logs', copy, '--json'], env);
      expect(cli.status).toBe(0);
      await expect(totals()).resolves.toBe(once);

      // a file ingested by a release that fingerprinted large files by head + size + name
      const legacy = await legacyFingerprint(copy);
      await sql(`UPDATE log_ingest SET fingerprint = '${legacy}'`);
      const again = await runCliInProcess(['ingest-logs', copy], env);
      expect(again.stdout).toContain('already ingested, nothing added: access.log');
      await expect(totals()).resolves.toBe(once);
      expect(spooled('network')).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('should remove the spooled copy of an upload whose ingest failed', async () => {
    const junk = await post('/api/network/uploads?name=junk.txt', 'hello\nworld\n', {
      'content-type': 'text/plain',
    });
    expect(junk.status).toBe(202);
    await expect(finished(junk.body.jobId)).resolves.toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/junk\.txt: the log format is not recognised/),
    });
    expect(spooled('network')).toEqual([]);
  }, 60_000);
});
