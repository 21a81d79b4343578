import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { CONFIDENCE, networkKind } from '../src/evidence/confidence';
import { NetworkWatchService } from '../src/signals/network/network-watch.service';
import { writeSquidLog } from '../src/signals/network/testing/squid-log-generator';
import { runCli, runCliInProcess } from './support/processes';
import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';
import { createTestDatabase } from './support/test-db';

const FIXTURES = path.resolve(__dirname, 'fixtures/network');
const fixture = (name: string) => path.join(FIXTURES, name);

interface UsageRow {
  identity_kind: string;
  identity_value: string;
  tool_id: string;
  requests: string;
}

describe('ingest-logs CLI', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let dataDir: string;

  const query = async <T>(sql: string): Promise<T[]> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const usage = async (): Promise<string[]> => {
    const rows = await query<UsageRow>(
      `SELECT identity_kind, identity_value, tool_id, SUM(requests)::text AS requests
         FROM network_usage_daily GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`,
    );
    return rows.map((r) => `${r.tool_id} ${r.identity_kind}:${r.identity_value} ${r.requests}`);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-net-'));
    env = { DATABASE_URL: db.url, LOG_LEVEL: 'error', AI_CENSUS_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should land requests of several formats on the right tool and identity and lookalikes on none', async () => {
    const files = [
      'squid-native.log',
      'zeek-http.log',
      'umbrella-dns.csv',
      'panos.log',
      'cloudflare-gateway.ndjson',
    ];
    const r = runCli(['ingest-logs', ...files.map(fixture), '--zone', 'UTC', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['files', 'format', 'lines', 'parsed', 'malformed', 'tools']);
    expect(out).toMatchObject({ files, format: 'mixed', malformed: 5 });
    expect(out.tools.chatgpt).toEqual({ requests: 5, bytes: 13720, identities: 3 });
    await expect(usage()).resolves.toEqual([
      'anthropic-api email:john@corp.example 1',
      'anthropic-api ip:192.168.1.20 1',
      'chatgpt email:alice@corp.example 2',
      'chatgpt email:jane.doe@corp.example 2',
      'chatgpt username:dave 1',
      'claude ip:10.2.0.16 1',
      'claude ip:10.5.0.6 1',
      'claude ip:fd00::5 1',
      'claude username:corp\\bob 2',
      'perplexity ip:10.1.1.6 1',
    ]);
    // chatgpt.com.evil.example, notchatgpt.com, claude.ai.example.org matched no tool: the list
    // above is every row, and alice's two chatgpt requests are the two real ones

    // graded by days with traffic and volume from the confidence table: a few requests on one
    // day are weak evidence (a lead), traffic on two days is not
    const evidence = await query<{
      count: string;
      confidence: number;
      detail: { days: number; confidenceReason: string };
    }>(`SELECT count::text, confidence, detail FROM evidence WHERE signal = 'network'`);
    expect(evidence).toHaveLength(10);
    for (const e of evidence) {
      const kind = CONFIDENCE[networkKind(Number(e.count), e.detail.days)];
      expect([e.confidence, e.detail.confidenceReason]).toEqual([kind.confidence, kind.reason]);
    }
    expect([...new Set(evidence.map((e) => e.confidence))].sort()).toEqual([0.4, 0.8]);
  });

  it('should add nothing when the same files are ingested again', async () => {
    const before = await usage();
    const r = await runCliInProcess(
      ['ingest-logs', fixture('squid-native.log'), fixture('panos.log'), '--json'],
      env,
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lines).toBe(12);
    await expect(usage()).resolves.toEqual(before);
  });

  it('should read gzip files and standard input', async () => {
    const gz = path.join(dataDir, 'route53.jsonl.gz');
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(fixture('route53-resolver.jsonl'))));
    const zipped = await runCliInProcess(['ingest-logs', gz, '--json'], env);
    expect(JSON.parse(zipped.stdout)).toMatchObject({
      format: 'route53',
      lines: 2,
      tools: { 'openai-api': { requests: 1, bytes: 0, identities: 1 }, claude: { requests: 1 } },
    });
    const piped = runCli(
      ['ingest-logs', '-', '--json'],
      env,
      fs.readFileSync(fixture('squid-combined.log'), 'utf8'),
    );
    expect(JSON.parse(piped.stdout)).toMatchObject({
      files: ['stdin'],
      format: 'squid-common',
      tools: {
        'openai-api': { requests: 1, bytes: 7000, identities: 1 },
        perplexity: { requests: 1 },
      },
    });
  });

  it('should keep the lines of a truncated gzip and say where it broke off', async () => {
    const before = await usage();
    const log = path.join(dataDir, 'cut-access.log');
    await writeSquidLog(log, 40_000, { aiShare: 0.2, seed: 7 });
    const gz = gzipSync(fs.readFileSync(log));
    const cut = path.join(dataDir, 'cut-access.log.gz');
    fs.writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const r = await runCliInProcess(['ingest-logs', cut, '--json'], env);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lines).toBeGreaterThan(10_000);
    expect(out.lines).toBeLessThan(40_000);
    expect(r.stderr.trim()).toMatch(
      new RegExp(
        `^ai-census: warning: cut-access\\.log\\.gz: the gzip data breaks off at byte \\d+ of its text, in line ${out.lines} \\(unexpected end of file\\); the lines before it were kept$`,
      ),
    );
    await expect(usage()).resolves.not.toEqual(before);
  });

  it('should refuse a gzip that inflates past the configured limits, naming the file', async () => {
    const bomb = path.join(dataDir, 'bomb.log.gz');
    // squid lines, so the format given is accepted and the inflation limit is what stops it
    const line =
      '1764403200.123 12 10.0.0.5 TCP_MISS/200 512 GET http://x.example/ - HIER_NONE/- -\n';
    fs.writeFileSync(bomb, gzipSync(Buffer.alloc(64 << 20, line)));
    const r = await runCliInProcess(['ingest-logs', bomb, '--format', 'squid'], {
      ...env,
      LOG_MAX_INFLATE_RATIO: '50',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^ai-census: bomb\.log\.gz: the gzip data inflates past 16777216 bytes \(LOG_MAX_INFLATE_RATIO allows 50 times its \d+ bytes\); refused as a likely decompression bomb$/,
    );
    const bad = await runCliInProcess(['ingest-logs', bomb], {
      ...env,
      LOG_MAX_INFLATE_RATIO: 'lots',
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/LOG_MAX_INFLATE_RATIO/);
  });

  it('should fail with one line naming the file when the format is unknown', async () => {
    const junk = path.join(dataDir, 'junk.txt');
    fs.writeFileSync(junk, 'hello\nworld\n');
    const r = await runCliInProcess(['ingest-logs', junk], env);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^ai-census: junk\.txt: the log format is not recognised/);
    expect(
      (await runCliInProcess(['ingest-logs', fixture('panos.log'), '--zone', 'Mars/Olympus'], env))
        .stderr,
    ).toMatch(/unknown time zone "Mars\/Olympus"/);
  });

  it('should refuse a format that reads none of the lines, and add nothing, so the right one still can', async () => {
    const squid = path.join(dataDir, 'proxy-wrong-format.log');
    // content of its own: the fixture itself was ingested above, and identity is by content
    const lines = fs.readFileSync(fixture('squid-native.log'), 'utf8');
    fs.writeFileSync(
      squid,
      lines + lines.split('\n')[0].replace('1764403200.123', '1764489600.123') + '\n',
    );
    const wrong = await runCliInProcess(['ingest-logs', squid, '--format', 'zeek', '--json'], env);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toMatch(
      /^ai-census: proxy-wrong-format\.log: none of its first \d+ lines reads as zeek; they look like squid/,
    );
    const right = await runCliInProcess(['ingest-logs', squid, '--json'], env);
    expect(right.status).toBe(0);
    expect(JSON.parse(right.stdout)).toMatchObject({ format: 'squid', lines: 9, malformed: 1 });
  });

  it('should warn about a file that reads badly and fail when nothing at all was parsed', async () => {
    const headerOnly = path.join(dataDir, 'zeek-header-only.log');
    const zeek = fs.readFileSync(fixture('zeek-http.log'), 'utf8').split('\n');
    fs.writeFileSync(headerOnly, zeek.filter((l) => l.startsWith('#')).join('\n') + '\n');
    const none = await runCliInProcess(
      ['ingest-logs', headerOnly, '--format', 'zeek', '--json'],
      env,
    );
    expect(none.status).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ parsed: 0 });
    expect(none.stderr).toMatch(
      /warning: zeek-header-only\.log: none of its \d+ lines could be read as zeek/,
    );
    expect(none.stderr.trim().split('\n').pop()).toBe(
      `ai-census: nothing was parsed from zeek-header-only.log`,
    );

    const mostlyJunk = path.join(dataDir, 'mostly-junk.log');
    const good = fs.readFileSync(fixture('squid-native.log'), 'utf8').split('\n')[0];
    fs.writeFileSync(
      mostlyJunk,
      [good, ...Array.from({ length: 6 }, (_, i) => `${good.slice(0, 14)} junk ${i}`)].join('\n') +
        '\n',
    );
    const bad = await runCliInProcess(['ingest-logs', mostlyJunk, '--format', 'squid'], env);
    expect(bad.status).toBe(0);
    expect(bad.stderr).toMatch(/warning: mostly-junk\.log: 6 of 7 lines are malformed for squid/);
  });
});

describe('network API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_BYTES: '4096' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('should queue an ingest job for a raw upload and show its totals', async () => {
    const res = await t.http
      .post('/api/network/uploads?name=access.log')
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(fs.readFileSync(fixture('squid-native.log')))
      .expect(202);
    expect(res.body).toMatchObject({ file: 'access.log', bytes: 913 });
    const job = await waitForJob(t, res.body.jobId);
    expect(job).toMatchObject({
      state: 'completed',
      result: { files: ['access.log'], format: 'squid', lines: 8, malformed: 1 },
    });
    const usage = await t.http
      .get('/api/network/usage?toolId=chatgpt')
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(usage.body).toEqual({
      level: 'person',
      rows: [
        expect.objectContaining({
          identityValue: 'alice@corp.example',
          day: '2025-11-30',
          requests: 1,
        }),
        expect.objectContaining({
          identityValue: 'alice@corp.example',
          day: '2025-11-29',
          requests: 1,
          bytesDown: 5120,
        }),
      ],
    });
    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE action LIKE 'network%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['network-upload.create', 'network-usage.read']);
  });

  it('should return the same job for the same content and add nothing', async () => {
    const again = await t.http
      .post('/api/network/uploads')
      .set(bearer(t.tokens.admin))
      .attach('file', fixture('squid-native.log'))
      .expect(202);
    const job = await waitForJob(t, again.body.jobId);
    expect(job.state).toBe('completed');
    const ingests = await t.http.get('/api/network/ingests').set(bearer(t.tokens.coe)).expect(200);
    expect(ingests.body.ingests).toHaveLength(1);
    expect(ingests.body.ingests[0]).toMatchObject({
      status: 'completed',
      lines: 8,
      committedOffset: 913,
    });
  });

  it('should give leaders tool-level aggregates only, small groups suppressed', async () => {
    const res = await t.http.get('/api/network/usage').set(bearer(t.tokens.leader)).expect(200);
    expect(res.body.level).toBe('tool');
    expect(JSON.stringify(res.body)).not.toContain('alice');
    expect(res.body.tools).toContainEqual(
      expect.objectContaining({ toolId: 'chatgpt', suppressed: true }),
    );
  });

  it('should refuse uploads over the size limit and from roles without the right', async () => {
    const big = await t.http
      .post('/api/network/uploads')
      .set(bearer(t.tokens.admin))
      .set('Content-Type', 'text/plain')
      .send('x'.repeat(10_000));
    expect(big.status).toBe(413);
    await t.http
      .post('/api/network/uploads')
      .set(bearer(t.tokens.coe))
      .set('Content-Type', 'text/plain')
      .send('x')
      .expect(403);
    await t.http.get('/api/network/ingests').set(bearer(t.tokens.leader)).expect(403);
  });
});

describe('network drop folder', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-drop-'));
    t = await createTestApp({ env: { NETWORK_WATCH_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should ingest a file once after its size settles', async () => {
    fs.copyFileSync(fixture('bind-query.log'), path.join(dir, 'named.log'));
    const sut = t.app.get(NetworkWatchService);
    await expect(sut.scan()).resolves.toEqual([]);
    const started = await sut.scan();
    expect(started).toEqual([path.join(dir, 'named.log')]);
    await expect(sut.scan()).resolves.toEqual([]);
    const jobs = await t.http
      .get('/api/jobs?name=network.ingest-logs')
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(jobs.body).toHaveLength(1);
    await expect(waitForJob(t, jobs.body[0].id)).resolves.toMatchObject({
      state: 'completed',
      result: expect.objectContaining({ format: 'bind', lines: 6 }),
    });
  });
});
