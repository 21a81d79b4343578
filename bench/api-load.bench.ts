// The console and the API under load (issue #14, target 4): p99 ≤ 200 ms for the findings list, a
// finding and the dashboard data at 10k people and 100k findings (with 300k evidence rows), made
// set-based in SQL on a scratch database migrated by the real migrations. The real built service
// (`node dist/main.js`) serves them on loopback; autocannon drives each route with a bounded number
// of requests (BENCH_REQUESTS, default 2000; BENCH_QUICK=1: 400) over BENCH_CONNECTIONS (default
// 10) connections, and stops a route after BENCH_SECONDS (default 30) whatever it has done. The
// floor is GET /health on the same server under the same load. BENCH_ROUTES=a,b keeps the routes
// whose names contain one of them.
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { LOCAL_OPERATOR, Role } from '../src/auth/role';
import { TokenService } from '../src/auth/token.service';
import { createHttpApp } from '../src/bootstrap/http-app';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { AppConfig } from '../src/config/app-config';
import { ReportsService } from '../src/reports/reports.service';
import { SESSION_COOKIE } from '../src/web/session/cookies';
import { ConsoleSessionService } from '../src/web/session/console-session.service';
import { scratchDatabase } from './scratch-database';

const PEOPLE = 10_000;
const TEAMS = 50;
const TOOLS_PER_PERSON = 9;
const REPOS = 2_000;
const TOOLS_PER_REPO = 5;
const EVIDENCE_PER_FINDING = 3;
const TARGET_P99_MS = 200;
const DIST = join(__dirname, '..');

interface Route {
  name: string;
  path: string;
  headers: Record<string, string>;
}

interface Measured {
  route: Route;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

export async function run(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const amount = Number(process.env.BENCH_REQUESTS ?? (quick ? 400 : 2000));
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 10 : 30));
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'aic-bench-api-'));
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    AI_CENSUS_DATA_DIR: dataDir,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
    REDIS_PREFIX: `aic-bench-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  };
  let server: ChildProcess | undefined;
  try {
    cli(['migrate'], env);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    let seedMs: number;
    let findingId: string;
    let counts: { findings: number; evidence: number };
    try {
      const t = Date.now();
      await seed(pg);
      seedMs = Date.now() - t;
      counts = (
        await pg.query<{ findings: number; evidence: number }>(
          `SELECT (SELECT count(*)::int FROM finding) AS findings,
                  (SELECT count(*)::int FROM evidence) AS evidence`,
        )
      ).rows[0];
      // a person's finding in the middle of the list, with its evidence
      findingId = (
        await pg.query<{ id: string }>(
          `SELECT id FROM finding WHERE subject_type = 'person' ORDER BY score DESC, id OFFSET 5000 LIMIT 1`,
        )
      ).rows[0].id;
    } finally {
      await pg.end();
    }
    const { token, session, baselineMs, reportId } = await credentialsAndBaseline(env);

    const t = Date.now();
    server = await startServer(env);
    const startMs = Date.now() - t;
    const base = `http://127.0.0.1:${env.PORT}`;
    const bearer = { Authorization: `Bearer ${token}` };
    const cookie = { Cookie: `${SESSION_COOKIE}=${session}` };
    const routes: Route[] = [
      { name: 'floor: GET /health', path: '/health', headers: {} },
      { name: 'GET /api/findings (first page)', path: '/api/findings', headers: bearer },
      {
        name: 'GET /api/findings (filtered page)',
        path: '/api/findings?tier=high&triageState=open&signal=network&offset=50',
        headers: bearer,
      },
      {
        name: 'GET /api/findings (a team)',
        path: `/api/findings?team=${encodeURIComponent('eng/team-7')}`,
        headers: bearer,
      },
      { name: 'GET /api/findings/:id', path: `/api/findings/${findingId}`, headers: bearer },
      { name: 'GET /api/reports (dashboard)', path: '/api/reports', headers: bearer },
      {
        name: 'GET /api/reports/:id (dashboard)',
        path: `/api/reports/${reportId}`,
        headers: bearer,
      },
      { name: 'console GET / (dashboard)', path: '/', headers: cookie },
      { name: 'console GET /findings', path: '/findings', headers: cookie },
      { name: 'console GET /findings/:id', path: `/findings/${findingId}`, headers: cookie },
    ];
    const only = process.env.BENCH_ROUTES?.split(',');
    const chosen = routes.filter(
      (r, i) => i === 0 || !only || only.some((o) => r.name.includes(o)),
    );
    for (const r of chosen) await expectOk(base, r);
    const results: Measured[] = [];
    for (const r of chosen) {
      await load(base, r, 50, 2, 10); // warm-up: the JIT, the pools, PostgreSQL's caches
      results.push(await load(base, r, amount, connections, seconds));
    }
    print(results, {
      people: PEOPLE,
      ...counts,
      seedMs,
      baselineMs,
      startMs,
      amount,
      connections,
      seconds,
    });
  } finally {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  }
}

/** 10k people in 50 teams; 9 tools each and 5 per repository: 100k findings, 3 evidence rows each. */
async function seed(pg: Client): Promise<void> {
  const tools = loadBuiltinCatalog()
    .map((t) => t.id)
    .sort()
    .slice(0, 12);
  await pg.query(
    `INSERT INTO team (name, path)
     SELECT 'Team ' || t, 'eng/team-' || t FROM generate_series(0, $1::int - 1) t`,
    [TEAMS],
  );
  await pg.query(
    `INSERT INTO person (email, name, team_id, source)
     SELECT 'p' || g || '@bench.example', 'Person ' || g, team.id, 'directory'
       FROM generate_series(0, $1::int - 1) g JOIN team ON team.path = 'eng/team-' || (g % $2::int)`,
    [PEOPLE, TEAMS],
  );
  // one row per (subject, tool): n numbers the subject, t the tool; the score spreads over 0–100
  const findingColumns = `subject_type, subject_id, tool_id, sanction_status, shadow, strength,
    disclosure, score, tier, factors, triage_state, evidence_fingerprints, signals, repositories,
    data_classes, evidence_count, bytes, first_seen, last_seen, correlation_hash`;
  const derived = (subject: string, signals: string, repositories: string) => `
    SELECT ${subject}, ($1::text[])[1 + (n + t * 5) % cardinality($1::text[])],
           (ARRAY['sanctioned','tolerated','unreviewed','under-review','prohibited','violation'])[1 + (n + t) % 6],
           (n + t) % 6 >= 2, CASE WHEN (n * 7 + t) % 23 = 0 THEN 'lead' ELSE 'claim' END,
           (ARRAY['disclosed','undisclosed','not-surveyed'])[1 + (n + 2 * t) % 3],
           s, CASE WHEN s >= 75 THEN 'critical' WHEN s >= 50 THEN 'high' WHEN s >= 25 THEN 'medium' ELSE 'low' END,
           jsonb_build_array(jsonb_build_object('key', 'policy', 'points', s, 'reason', 'bench: policy status')),
           CASE WHEN (n + t) % 10 = 0 THEN 'acknowledged' ELSE 'open' END,
           ARRAY(SELECT 'bf:' || '${subject.includes('person') ? 'p' : 'r'}' || n || ':' || t || ':' || k
                   FROM generate_series(0, ${EVIDENCE_PER_FINDING - 1}) k),
           ${signals}, ${repositories}, ARRAY['internal'], ${EVIDENCE_PER_FINDING}, (n % 997) * 1000,
           timestamptz '2026-01-01', timestamptz '2026-01-01' + (n % 58) * interval '1 day',
           md5(n || ':' || t)`;
  await pg.query(
    `INSERT INTO finding (${findingColumns})
     ${derived(
       `'person', p.id::text`,
       `CASE t % 3 WHEN 0 THEN ARRAY['network'] WHEN 1 THEN ARRAY['network','survey'] ELSE ARRAY['vendor-usage'] END`,
       `'{}'::text[]`,
     )}
       FROM (SELECT id, row_number() OVER (ORDER BY email)::int - 1 AS n FROM person) p
      CROSS JOIN generate_series(0, $2::int - 1) t
      CROSS JOIN LATERAL (SELECT ((p.n * $2::int + t) * 37) % 101 AS s) sc`,
    [tools, TOOLS_PER_PERSON],
  );
  await pg.query(
    `INSERT INTO finding (${findingColumns})
     ${derived(`'repository', 'org/repo-' || n`, `ARRAY['config-file']`, `ARRAY['org/repo-' || n]`)}
       FROM generate_series(0, $3::int - 1) n
      CROSS JOIN generate_series($2::int, $2::int + $4::int - 1) t
      CROSS JOIN LATERAL (SELECT ((n * 11 + t) * 53) % 101 AS s) sc`,
    [tools, TOOLS_PER_PERSON, REPOS, TOOLS_PER_REPO],
  );
  await pg.query(
    `INSERT INTO evidence (fingerprint, tool_id, signal, repository, identity_kind, identity_value,
            confidence, first_seen, last_seen, count, bytes, detail)
     SELECT fp, f.tool_id, f.signals[1], f.repositories[1],
            CASE WHEN p.email IS NULL THEN NULL ELSE 'email' END, p.email, 1,
            f.first_seen, f.last_seen, 1 + length(fp) % 40, f.bytes,
            CASE WHEN p.email IS NULL THEN jsonb_build_object('path', '.cursor/rules/' || fp)
                 ELSE jsonb_build_object('host', 'api.bench.example', 'user', p.email) END
       FROM finding f
       LEFT JOIN person p ON f.subject_type = 'person' AND p.id::text = f.subject_id
      CROSS JOIN unnest(f.evidence_fingerprints) fp`,
  );
  // as autovacuum leaves a table after a bulk load: statistics, and a visibility map for index-only scans
  await pg.query('VACUUM ANALYZE');
}

/** A security token, a console session for it, and a baseline report for the dashboard. */
async function credentialsAndBaseline(env: Record<string, string>) {
  const app = await createHttpApp(AppConfig.fromEnv(env), ['error']);
  await app.init();
  try {
    const created = await app.get(TokenService).create('bench', Role.Security, LOCAL_OPERATOR);
    const signedIn = await app.get(ConsoleSessionService).signIn(created.token);
    if (!signedIn.ok) throw new Error(`console sign-in: ${signedIn.reason}`);
    const t = Date.now();
    const report = await app.get(ReportsService).build('baseline', { organisation: 'Bench' });
    return {
      token: created.token,
      session: signedIn.secret,
      baselineMs: Date.now() - t,
      reportId: report.id,
    };
  } finally {
    await app.close();
  }
}

function cli(args: string[], env: Record<string, string>): void {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(DIST, 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service stopped: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${env.PORT}/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the service did not answer /health within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function expectOk(base: string, r: Route): Promise<void> {
  const res = await fetch(base + r.path, { headers: r.headers, redirect: 'manual' });
  if (res.status !== 200)
    throw new Error(`${r.name}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

/** One bounded run: `amount` requests at most, `seconds` at most; any failed request fails it. */
async function load(
  base: string,
  route: Route,
  amount: number,
  connections: number,
  seconds: number,
): Promise<Measured> {
  const instance = autocannon({
    url: base + route.path,
    headers: route.headers,
    connections,
    amount,
    timeout: 10,
  });
  const timer = setTimeout(() => instance.stop(), seconds * 1000);
  const r = await instance;
  clearTimeout(timer);
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `${route.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts`,
    );
  return {
    route,
    requests: r['2xx'],
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

function print(
  results: Measured[],
  s: {
    people: number;
    findings: number;
    evidence: number;
    seedMs: number;
    baselineMs: number;
    startMs: number;
    amount: number;
    connections: number;
    seconds: number;
  },
): void {
  const floor = results[0];
  const n = (x: number) => x.toLocaleString('en');
  process.stdout.write(
    `${n(s.people)} people, ${n(s.findings)} findings, ${n(s.evidence)} evidence rows; seeded in ${s.seedMs} ms, ` +
      `baseline built in ${s.baselineMs} ms, service up in ${s.startMs} ms\n` +
      `load per route: ${n(s.amount)} requests over ${s.connections} connections, at most ${s.seconds} s\n`,
  );
  const width = Math.max(...results.map((r) => r.route.name.length));
  for (const r of results) {
    const verdict =
      r === floor
        ? ''
        : `  target p99 ≤ ${TARGET_P99_MS} ms ${r.p99 <= TARGET_P99_MS ? 'met' : 'MISSED'}`;
    process.stdout.write(
      `${r.route.name.padEnd(width)}  ${String(r.requests).padStart(5)} req in ${r.seconds.toFixed(1).padStart(4)} s ` +
        `(${Math.round(r.requests / Math.max(r.seconds, 0.001))
          .toString()
          .padStart(5)}/s)  p50 ${r.p50.toFixed(0).padStart(4)} ms  p99 ${r.p99
          .toFixed(0)
          .padStart(4)} ms  max ${r.max.toFixed(0).padStart(4)} ms  ` +
        `p99 ${(r.p99 / Math.max(floor.p99, 1)).toFixed(1).padStart(5)}× the floor${verdict}\n`,
    );
  }
}
