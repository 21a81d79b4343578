// Correlation and baseline benchmark: 10,000 people in 50 teams, 2,000 repositories and 1M
// evidence rows (BENCH_QUICK=1: 100k), generated in the database with set-based SQL. Times the
// first correlation, a re-run that must change nothing, an incremental run after 1% new evidence,
// one after a policy change, and the baseline and inventory builds; each against its target and
// a floor measured in the same run (reading every evidence row once).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import type { DataClass, PolicyStatus, ToolDefinition } from '../src/catalog/catalog.types';
import { AppConfig } from '../src/config/app-config';
import { CorrelationService } from '../src/findings/correlation/correlation.service';
import type { BaselineModel } from '../src/reports/model/report.types';
import { ReportsService } from '../src/reports/reports.service';
import {
  identityKey,
  InMemoryCorrelationSources,
} from '../test/support/in-memory-correlation-sources';

const PEOPLE = 10_000;
const TEAMS = 50;
const REPOS = 2_000;
const TOOLS = [
  'github-copilot',
  'chatgpt',
  'claude',
  'cursor',
  'gemini',
  'perplexity',
  'deepseek-chat',
  'claude-code',
  'openai-api',
  'anthropic-api',
  'langchain',
  'ai-coding-agent',
];
const STATUSES: PolicyStatus[] = [
  'sanctioned',
  'tolerated',
  'unreviewed',
  'under-review',
  'unreviewed',
  'unreviewed',
  'prohibited',
  'under-review',
  'sanctioned',
  'tolerated',
  'unreviewed',
  'unreviewed',
];

export async function run(): Promise<void> {
  const total = process.env.BENCH_QUICK === '1' ? 100_000 : 1_000_000;
  const adminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `aic_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // BENCH_EXPLAIN=1: every statement over 300 ms logs its EXPLAIN (ANALYZE, BUFFERS) to the
  // server's log (docs/perf-correlation.md was written from those plans)
  if (process.env.BENCH_EXPLAIN === '1')
    for (const [k, v] of Object.entries({
      session_preload_libraries: 'auto_explain',
      'auto_explain.log_min_duration': '300ms',
      'auto_explain.log_analyze': 'on',
      'auto_explain.log_buffers': 'on',
      'auto_explain.log_nested_statements': 'on',
    }))
      await admin.query(`ALTER DATABASE ${name} SET ${k} = '${v}'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'aic-bench-'));
  const config = AppConfig.fromEnv({
    DATABASE_URL: url.toString(),
    AI_CENSUS_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  });
  const catalog = loadBuiltinCatalog();
  const known = new Set(catalog.map((t) => t.id));
  const tools = TOOLS.filter((t) => known.has(t));
  const sources = benchSources(catalog, tools);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      role: 'cli',
      config,
      correlationSources: sources,
    }),
    { logger: ['error'] },
  );
  try {
    const ds = app.get(DataSource);

    // CPU as well as wall time: on a machine shared with other work, CPU is what the run cost
    const clock = await cpuClock(ds, name);
    const cpu = clock.read;
    let t = Date.now();
    await generateEvidence(ds, total, tools);
    const generateMs = Date.now() - t;

    t = Date.now();
    await ds.query(`SELECT count(*) FROM evidence`);
    const countMs = Date.now() - t;
    let c = await cpu();
    t = Date.now();
    await ds.query(
      `SELECT sum(length(fingerprint) + length(detail::text) + bytes), count(DISTINCT identity_value) FROM evidence`,
    );
    const floorMs = Date.now() - t;
    const floorCpu = (await cpu()) - c;

    const correlation = app.get(CorrelationService);
    c = await cpu();
    t = Date.now();
    const first = await correlation.correlate(new Date('2026-03-01T00:00:00Z'));
    const firstMs = Date.now() - t;
    const firstCpu = (await cpu()) - c;
    c = await cpu();
    t = Date.now();
    const again = await correlation.correlate(new Date('2026-03-01T00:00:00Z'));
    const againMs = Date.now() - t;
    const againCpu = (await cpu()) - c;

    await addEvidence(ds, Math.round(total / 100), tools);
    c = await cpu();
    t = Date.now();
    const grown = await correlation.correlate(new Date('2026-03-01T00:00:00Z'));
    const grownMs = Date.now() - t;
    const grownCpu = (await cpu()) - c;

    (await sources.policies()).set(tools[1], {
      status: 'prohibited',
      allowedDataClasses: [],
      tenantBound: false,
    });
    t = Date.now();
    const policy = await correlation.correlate(new Date('2026-03-01T00:00:00Z'));
    const policyMs = Date.now() - t;

    const reports = app.get(ReportsService);
    c = await cpu();
    t = Date.now();
    const baseline = await reports.build('baseline', {
      organisation: 'Bench',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const baselineMs = Date.now() - t;
    const baselineCpu = (await cpu()) - c;
    t = Date.now();
    await reports.build('inventory', {
      organisation: 'Bench',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const inventoryMs = Date.now() - t;

    clock.stop();
    const h = (baseline.model as BaselineModel).headline;
    // targets are for the full size; BENCH_QUICK's tenth of the evidence should beat them easily
    const vs = (ms: number, target: number, cpuMs: number) =>
      `${ms} ms (target ≤ ${target} ms${ms <= target ? ', met' : ', MISSED'}; ${(ms / Math.max(floorMs, 1)).toFixed(1)}× the floor; CPU ${cpuMs} ms)`;
    const rows: [string, string][] = [
      ['evidence rows', total.toLocaleString('en')],
      ['people / repositories', `${PEOPLE.toLocaleString('en')} / ${REPOS.toLocaleString('en')}`],
      ['generate evidence (SQL)', `${generateMs} ms`],
      ['floor: count(*) of evidence', `${countMs} ms`],
      ['floor: read every evidence row once', `${floorMs} ms (CPU ${floorCpu} ms)`],
      [
        'correlate, first run',
        `${vs(firstMs, 10_000, firstCpu)}: ${first.aggregates.toLocaleString('en')} findings, ${first.identitiesResolved.toLocaleString('en')} identities resolved`,
      ],
      ['  steps, first run', steps(first.steps)],
      [
        'correlate, re-run, nothing changed',
        `${vs(againMs, 1_000, againCpu)}: ${again.mode}, inserted ${again.inserted}, updated ${again.updated}`,
      ],
      ['  steps, re-run', steps(again.steps)],
      [
        'correlate, after 1% new evidence',
        `${vs(grownMs, 3_000, grownCpu)}: ${grown.mode}, ${grown.aggregates.toLocaleString('en')} pairs re-scored, inserted ${grown.inserted}, updated ${grown.updated}`,
      ],
      ['  steps, 1% new', steps(grown.steps)],
      [
        `correlate, after ${tools[1]}'s policy changed`,
        `${policyMs} ms: ${policy.mode}, ${policy.aggregates.toLocaleString('en')} pairs re-scored, updated ${policy.updated}`,
      ],
      ['  steps, policy', steps(policy.steps)],
      [
        'baseline report build',
        `${vs(baselineMs, 3_000, baselineCpu)}: observed ${h.observedUsers.toLocaleString('en')} of ${h.headcount.toLocaleString('en')}, ${h.shadowFindings.toLocaleString('en')} shadow findings`,
      ],
      ['inventory report build', `${inventoryMs} ms`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  } finally {
    await app.close();
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN by hand
    if (process.env.BENCH_KEEP_DB === '1') process.stdout.write(`kept database ${name}\n`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds of CPU used so far by this process and by the database's server processes, read
 * from /proc (Linux; elsewhere this process only). The pool closes idle connections, so the
 * server processes are sampled every 50 ms and each one's last reading kept; a parallel query
 * worker that lives less than that is missed.
 */
async function cpuClock(
  ds: DataSource,
  db: string,
): Promise<{ read: () => Promise<number>; stop: () => void }> {
  const tick = 10; // USER_HZ is 100 on Linux
  const seen = new Map<number, number>();
  const sample = async () => {
    const rows: { pid: number }[] = await ds.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1`,
      [db],
    );
    for (const { pid } of rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        seen.set(pid, (Number(f[11]) + Number(f[12])) * tick);
      } catch {
        // gone between the query and the read, or no /proc here
      }
    }
  };
  await sample();
  const base = [...seen.values()].reduce((a, b) => a + b, 0);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void sample()
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 50);
  timer.unref();
  return {
    read: async () => {
      await sample();
      const own = process.cpuUsage();
      const server = [...seen.values()].reduce((a, b) => a + b, 0) - base;
      return Math.round((own.user + own.system) / 1000) + server;
    },
    stop: () => clearInterval(timer),
  };
}

function steps(s: Record<string, number>): string {
  return Object.entries(s)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

export function benchSources(
  catalog: ToolDefinition[],
  tools: string[],
): InMemoryCorrelationSources {
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `p${i}`,
    label: `Person ${i} <p${i}@bench.example>`,
    team: `Team ${i % TEAMS}`,
  }));
  const identities = new Map<string, string>();
  for (let i = 0; i < PEOPLE; i++) {
    identities.set(identityKey('username', `u${i}`), `p${i}`);
    identities.set(identityKey('commit-email', `c${i}@bench.example`), `p${i}`);
  }
  const surveyed = people.filter((_, i) => i % 10 < 7).map((p) => p.id);
  const classes: DataClass[][] = [
    ['internal'],
    ['internal'],
    ['confidential'],
    ['pii'],
    ['phi'],
    ['public'],
  ];
  return new InMemoryCorrelationSources({
    tools: catalog,
    policies: new Map(
      tools.map((id, i) => [
        id,
        {
          status: STATUSES[i % STATUSES.length],
          allowedDataClasses: ['public', 'internal'],
          tenantBound: id === 'github-copilot',
        },
      ]),
    ),
    people,
    identities,
    surveyedPersonIds: surveyed,
    disclosures: surveyed.flatMap((id, i) =>
      i % 3 === 0 ? [] : [{ personId: id, toolId: tools[i % 4], dataClasses: [] }],
    ),
    repositories: Array.from({ length: REPOS }, (_, i) => ({
      repository: `org/repo-${i}`,
      team: `Team ${i % TEAMS}`,
      dataClasses: classes[i % classes.length],
    })),
  });
}

/** 70% network roll-ups per person, tool and day; 20% co-authored commits; 10% repository files and packages. */
async function generateEvidence(ds: DataSource, total: number, tools: string[]): Promise<void> {
  const n1 = Math.round(total * 0.7);
  const n2 = Math.round(total * 0.2);
  const n3 = total - n1 - n2;
  await ds.query(
    `INSERT INTO evidence (fingerprint, tool_id, signal, repository, identity_kind, identity_value, confidence,
            first_seen, last_seen, count, bytes, detail)
     SELECT 'bn:' || g, ($2::text[])[1 + ((g % ${PEOPLE}) + (g / ${PEOPLE}) % 4) % cardinality($2::text[])], 'network', NULL,
            'username', 'u' || (g % ${PEOPLE}), 1,
            timestamptz '2026-01-01' + ((g / (${PEOPLE} * 4)) % 58) * interval '1 day',
            timestamptz '2026-01-01' + ((g / (${PEOPLE} * 4)) % 58) * interval '1 day' + interval '8 hours',
            1 + g % 40, (g % 997) * 1000, jsonb_build_object('day', g % 58)
       FROM generate_series(1, $1::int) g`,
    [n1, tools],
  );
  await ds.query(
    `INSERT INTO evidence (fingerprint, tool_id, signal, repository, identity_kind, identity_value, confidence,
            first_seen, last_seen, count, bytes, detail)
     SELECT 'bc:' || g, ($2::text[])[1 + g % 3], 'commit-trailer', 'org/repo-' || (g % ${REPOS}),
            'commit-email', 'c' || ((g * 7) % ${PEOPLE}) || '@bench.example', 1,
            timestamptz '2026-01-01' + (g % 58) * interval '1 day', timestamptz '2026-01-01' + (g % 58) * interval '1 day',
            1, 0, jsonb_build_object('commit', md5(g::text))
       FROM generate_series(1, $1::int) g`,
    [n2, ['claude-code', 'cursor', 'github-copilot'].filter((t) => tools.includes(t))],
  );
  await ds.query(
    `INSERT INTO evidence (fingerprint, tool_id, signal, repository, identity_kind, identity_value, confidence,
            first_seen, last_seen, count, bytes, detail)
     SELECT 'br:' || g, ($2::text[])[1 + g % cardinality($2::text[])], CASE WHEN g % 2 = 0 THEN 'config-file' ELSE 'dependency' END,
            'org/repo-' || (g % ${REPOS}), NULL, NULL, CASE WHEN g % 17 = 0 THEN 0.3 ELSE 1 END,
            timestamptz '2026-01-05', timestamptz '2026-02-05', 1, 0, jsonb_build_object('path', 'file-' || g)
       FROM generate_series(1, $1::int) g`,
    [n3, tools],
  );
  await ds.query('ANALYZE evidence');
}

/** New evidence, `n` rows: network days after the generated ones, for existing people and tools. */
async function addEvidence(ds: DataSource, n: number, tools: string[]): Promise<void> {
  await ds.query(
    `INSERT INTO evidence (fingerprint, tool_id, signal, repository, identity_kind, identity_value, confidence,
            first_seen, last_seen, count, bytes, detail)
     SELECT 'bn2:' || g, ($2::text[])[1 + (g * 7) % cardinality($2::text[])], 'network', NULL,
            'username', 'u' || ((g * 13) % ${PEOPLE}), 1,
            timestamptz '2026-02-28' + (g % 3) * interval '1 hour', timestamptz '2026-02-28' + (g % 3) * interval '1 hour',
            1 + g % 40, (g % 997) * 1000, jsonb_build_object('day', 59)
       FROM generate_series(1, $1::int) g`,
    [n, tools],
  );
}
