// Parallel ingest (worker threads over byte ranges, from the build in dist/) must find exactly
// what one thread finds: roll-ups, counts, tool summaries and malformed samples, per format.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Client } from 'pg';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';
import type { NetworkFormat } from '../src/signals/network/network.types';
import { ErasedIdentities, tombstoneHash } from '../src/people/identity/erased-identities';
import { LeaseBook } from '../src/people/identity/ip-leases';
import { HostMatchCache } from '../src/signals/network/ingest/host-match-cache';
import { LogIngestCore } from '../src/signals/network/ingest/log-ingest-core';
import { runIngest, type IngestCheckpoint } from '../src/signals/network/ingest/log-ingest-runner';
import { openLogStream } from '../src/signals/network/ingest/log-source';
import { runParallelIngest } from '../src/signals/network/ingest/parallel-ingest';
import { idleScanThreads } from '../src/signals/network/ingest/scan-pool';
import { runStreamInWorker } from '../src/signals/network/ingest/stream-ingest';
import { createParser } from '../src/signals/network/parsers/parser-factory';
import { ZSCALER_DEFAULT_FIELDS } from '../src/signals/network/parsers/zscaler.parser';
import { writeFormatLog } from '../src/signals/network/testing/format-log-generator';
import { readFixture } from '../src/signals/network/testing/samples';
import { writeSquidLog } from '../src/signals/network/testing/squid-log-generator';
import { runCliAsync } from './support/processes';
import { createTestDatabase } from './support/test-db';

const tools = loadBuiltinCatalog();

/** The fixture many times over, with a broken line now and then, so ranges cut everywhere. */
function bigLog(dir: string, fixture: string, crlf: boolean): string {
  const body = readFixture(fixture).replace(/\n$/, '');
  const parts: string[] = [];
  for (let i = 0; i < 150; i++) parts.push(body, i % 7 === 0 ? `garbage ${i}\t"` : '');
  const text = parts.filter((p) => p !== '').join('\n');
  const file = path.join(dir, `${fixture}${crlf ? '.crlf' : ''}`);
  // no newline after the last line: that line belongs to the last range
  fs.writeFileSync(file, crlf ? text.replace(/\n/g, '\r\n') : text);
  return file;
}

function merged(cps: IngestCheckpoint[]): Map<string, unknown> {
  const out = new Map<string, { requests: number; bytesUp: number; bytesDown: number; blocked: number; firstSeen: number; lastSeen: number }>(); // prettier-ignore
  for (const r of cps.flatMap((cp) => cp.rollups)) {
    const key = `${r.identityKind}|${r.identityValue}|${r.toolId}|${r.action}|${r.day}`;
    const m = out.get(key);
    if (!m) out.set(key, { ...r });
    else {
      m.requests += r.requests;
      m.bytesUp += r.bytesUp;
      m.bytesDown += r.bytesDown;
      m.blocked += r.blocked;
      m.firstSeen = Math.min(m.firstSeen, r.firstSeen);
      m.lastSeen = Math.max(m.lastSeen, r.lastSeen);
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

// Zscaler's text times are local and its tab feed's columns configured: options the workers get
const zone = { zone: 'UTC', zscalerFields: ZSCALER_DEFAULT_FIELDS.slice(0, 9) };

function newCore(format: NetworkFormat): LogIngestCore {
  const matcher = CatalogMatcher.fromTools(tools);
  return new LogIngestCore({
    parser: format === 'squid' ? 'squid-native' : createParser(format, zone),
    hosts: new HostMatchCache(matcher),
    actions: matcher,
    malformedSampleSize: 50,
  });
}

describe('parallel network ingest equals a single-threaded run', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-parallel-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [NetworkFormat, string][] = [
    ['squid', 'squid-native.log'],
    ['zscaler', 'zscaler-web.tsv'],
    ['zscaler', 'zscaler-web.json'],
    ['umbrella-dns', 'umbrella-dns.csv'],
    ['umbrella-proxy', 'umbrella-proxy.csv'],
    ['zeek', 'zeek-http.log'],
    ['zeek', 'zeek-conn.json'],
  ];
  for (const [format, fixture] of cases) {
    for (const crlf of [false, true]) {
      it(`${format} (${fixture}${crlf ? ', CRLF' : ''})`, async () => {
        const file = bigLog(dir, fixture, crlf);
        const one = newCore(format);
        const oneCps: IngestCheckpoint[] = [];
        const oneEnd = await runIngest({
          core: one,
          chunks: await openLogStream(file),
          onCheckpoint: async (cp) => void oneCps.push(cp),
        });

        const many = newCore(format);
        const manyCps: IngestCheckpoint[] = [];
        const manyEnd = await runParallelIngest({
          path: file,
          format,
          parserOptions: zone,
          tools,
          core: many,
          workers: 3,
          bytesPerWorker: 4096, // many windows, many cuts
          malformedSampleSize: 50,
          onCheckpoint: async (cp) => void manyCps.push(cp),
        });

        expect(one.totals.matched).toBeGreaterThan(0);
        expect(manyCps.length).toBeGreaterThan(3);
        expect(manyEnd).toEqual(oneEnd);
        expect(many.totals).toEqual(one.totals);
        expect(many.malformedSample).toEqual(one.malformedSample);
        expect(many.toolSummary()).toEqual(one.toolSummary());
        expect(merged(manyCps)).toEqual(merged(oneCps));
      });
    }
  }
});

describe('parallel ingest keeps its threads between ingests', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-pool-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function ingest(file: string, catalog: typeof tools): Promise<unknown> {
    const matcher = CatalogMatcher.fromTools(catalog);
    const core = new LogIngestCore({
      parser: 'squid-native',
      hosts: new HostMatchCache(matcher),
      actions: matcher,
    });
    const cps: IngestCheckpoint[] = [];
    await runParallelIngest({
      path: file,
      format: 'squid',
      tools: catalog,
      core,
      workers: 2,
      bytesPerWorker: 64 << 10,
      onCheckpoint: async (cp) => void cps.push(cp),
    });
    return { totals: core.totals, tools: core.toolSummary(), rollups: merged(cps) };
  }

  it('should reuse warm threads for the same catalog and never for another', async () => {
    const file = path.join(dir, 'access.log');
    await writeSquidLog(file, 20_000, { aiShare: 0.2 });
    const single = newCore('squid');
    const cps: IngestCheckpoint[] = [];
    await runIngest({
      core: single,
      chunks: await openLogStream(file),
      onCheckpoint: async (cp) => void cps.push(cp),
    });
    const expected = { totals: single.totals, tools: single.toolSummary(), rollups: merged(cps) };
    expect(single.totals.matched).toBeGreaterThan(1000);

    const before = idleScanThreads();
    expect(await ingest(file, tools)).toEqual(expected);
    const warm = idleScanThreads();
    expect(warm).toBeGreaterThanOrEqual(before);
    expect(warm).toBeGreaterThanOrEqual(2);
    // the same catalog: the two idle threads do the work and come back, none is added
    expect(await ingest(file, tools)).toEqual(expected);
    expect(idleScanThreads()).toBe(warm);
    // a catalog without ChatGPT: new threads (the warm ones would still match it)
    const withoutChatGpt = tools.filter((t) => t.id !== 'chatgpt');
    expect(withoutChatGpt.length).toBe(tools.length - 1);
    const other = (await ingest(file, withoutChatGpt)) as { tools: Record<string, unknown> };
    expect(other.tools.chatgpt).toBeUndefined();
    expect(idleScanThreads()).toBe(warm + 2);
  });
});

/**
 * Workers group the lines naming a user and hand over the lines naming only an address one by
 * one; the owning core resolves leases (at each line's time) and erasure. Over many windows the
 * result must still be the single-threaded one, down to the order of each tool's identities.
 */
describe('parallel network ingest with leases and erased identities', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-parallel-people-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const salt = 's'.repeat(64);
  const hour = 3_600_000;
  const start = Date.UTC(2025, 10, 30); // the generator's first line; it spans two days
  function peopleCore(): LogIngestCore {
    const matcher = CatalogMatcher.fromTools(tools);
    return new LogIngestCore({
      parser: 'squid-native',
      hosts: new HostMatchCache(matcher),
      actions: matcher,
      malformedSampleSize: 50,
      leases: new LeaseBook([
        { ip: '10.20.0.5', personId: 'p-ann', from: new Date(start), to: new Date(start + 24 * hour) },
        { ip: '10.20.1.20', personId: 'p-ben', from: new Date(start + 12 * hour), to: null },
        { ip: '10.20.2.40', personId: 'p-cy', from: new Date(start), to: null },
        { ip: '10.20.2.40', personId: 'p-dee', from: new Date(start + 30 * hour), to: null },
      ]), // prettier-ignore
      erased: new ErasedIdentities(
        salt,
        new Set([tombstoneHash(salt, 'email', 'alice@corp.example'), tombstoneHash(salt, 'username', 'bob')]),
      ), // prettier-ignore
    });
  }

  it('squid: leased addresses, erased users and user groups across windows', async () => {
    const file = path.join(dir, 'access.log');
    await writeSquidLog(file, 20_000, { aiShare: 0.3 });
    withGarbage(file);
    const one = peopleCore();
    const oneCps: IngestCheckpoint[] = [];
    const oneEnd = await runIngest({
      core: one,
      chunks: await openLogStream(file),
      onCheckpoint: async (cp) => void oneCps.push(cp),
    });
    const many = peopleCore();
    const manyCps: IngestCheckpoint[] = [];
    const manyEnd = await runParallelIngest({
      path: file,
      format: 'squid',
      tools,
      core: many,
      workers: 3,
      bytesPerWorker: 64 << 10,
      malformedSampleSize: 50,
      onCheckpoint: async (cp) => void manyCps.push(cp),
    });

    expect(manyCps.length).toBeGreaterThan(5);
    expect(manyCps.map((cp) => cp.final)).toEqual(manyCps.map((_, i) => i === manyCps.length - 1));
    expect(manyEnd).toEqual(oneEnd);
    expect(many.state()).toEqual(one.state());
    expect(many.toolSummary()).toEqual(one.toolSummary());
    expect(merged(manyCps)).toEqual(merged(oneCps));
    const ids = new Set(oneCps.flatMap((cp) => cp.rollups).map((r) => `${r.identityKind}:${r.identityValue}`)); // prettier-ignore
    for (const id of ['person:p-ann', 'person:p-ben', 'person:p-cy', 'ip:10.20.2.40', 'ip:unknown'])
      expect(ids).toContain(id);
    expect(ids).toContain('email:dave@corp.example');
    expect(ids).not.toContain('username:bob');
  });
});

/** A file with a malformed line every 997 lines, so samples and counts cross range cuts. */
function withGarbage(file: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    if (i % 997 === 500) out.push(`garbage ${i}\t"`);
  });
  fs.writeFileSync(file, out.join('\n'));
}

/**
 * The real path: `ai-census ingest-logs` on several formats and a .gz, once on the main thread
 * (INGEST_WORKERS=1) and once over two workers with every file above the threshold, each into
 * its own database. The roll-up rows and the per-file counts and samples must be the same.
 */
describe('ingest-logs with INGEST_WORKERS=1 and =2 writes the same rows', () => {
  let dir: string;
  const dbs: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
  let files: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-parallel-cli-'));
    const f = (n: string): string => path.join(dir, n);
    await writeSquidLog(f('access.log'), 30_000, { aiShare: 0.2 });
    await writeFormatLog(f('http.log'), 'zeek', 20_000, 0.2);
    await writeFormatLog(f('proxy.csv'), 'umbrella-proxy', 20_000, 0.2);
    await writeFormatLog(f('http2.log'), 'zeek', 25_000, 0.3);
    const nss = readFixture('zscaler-web.json').replace(/\n$/, '');
    fs.writeFileSync(f('nss.json'), Array.from({ length: 3000 }, () => nss).join('\n'));
    for (const n of ['access.log', 'http.log', 'proxy.csv', 'http2.log', 'nss.json'])
      withGarbage(f(n));
    fs.writeFileSync(f('http2.log.gz'), zlib.gzipSync(fs.readFileSync(f('http2.log'))));
    fs.rmSync(f('http2.log'));
    files = ['access.log', 'http.log', 'proxy.csv', 'nss.json', 'http2.log.gz'].map(f);
    dbs.push(await createTestDatabase(), await createTestDatabase(), await createTestDatabase());
  }, 120_000);
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function ingest(
    db: string,
    workers: string,
    sieve = 'on',
  ): Promise<{ out: string; rows: unknown[]; ingests: unknown[] }> {
    const r = await runCliAsync(['ingest-logs', ...files, '--zone', 'UTC', '--json'], {
      DATABASE_URL: db,
      AI_CENSUS_DATA_DIR: path.join(dir, `data-${workers}-${sieve}`),
      INGEST_SIEVE: sieve,
      LOG_LEVEL: 'debug',
      INGEST_WORKERS: workers,
      INGEST_PARALLEL_MIN_BYTES: '1',
      NETWORK_CHECKPOINT_LINES: '2000',
    });
    if (r.status !== 0) throw new Error(`ingest-logs exited ${r.status}: ${r.stderr}`);
    const c = new Client({ connectionString: db });
    await c.connect();
    try {
      const rows = await c.query(
        `SELECT identity_kind, identity_value, tool_id, action, day::text, requests::text,
                bytes_up::text, bytes_down::text, blocked::text, first_seen, last_seen
           FROM network_usage_daily ORDER BY 1, 2, 3, 4, 5`,
      );
      const ingests = await c.query(
        `SELECT file_name, format, status, lines::text, parsed::text, malformed::text, matched::text,
                line_number::text, committed_offset::text, malformed_sample, tools
           FROM log_ingest ORDER BY file_name`,
      );
      return { out: r.stdout + r.stderr, rows: rows.rows, ingests: ingests.rows };
    } finally {
      await c.end();
    }
  }

  it('should match roll-ups, counts and malformed samples line for line', async () => {
    const one = await ingest(dbs[0].url, '1');
    const two = await ingest(dbs[1].url, '2');
    // the threads were used, or this proves nothing
    expect(one.out).not.toContain('worker thread');
    expect(two.out).toContain('access.log: split over');
    expect(two.out).toContain('proxy.csv: split over');
    expect(two.out).toContain('http2.log.gz: inflated and parsed in a worker thread');
    expect(one.rows.length).toBeGreaterThan(20);
    expect(two.rows).toEqual(one.rows);
    expect(two.ingests).toEqual(one.ingests);
    const ingests = one.ingests as {
      file_name: string;
      status: string;
      malformed: string;
      malformed_sample: unknown[];
    }[];
    expect(ingests.map((i) => i.file_name)).toEqual([
      'access.log', 'http.log', 'http2.log.gz', 'nss.json', 'proxy.csv',
    ]); // prettier-ignore
    for (const i of ingests) {
      expect(i.status).toBe('completed');
      expect(Number(i.malformed)).toBeGreaterThanOrEqual(5);
      expect(i.malformed_sample.length).toBeGreaterThanOrEqual(5);
    }
    // without the WebAssembly line sieve, every line through the parsers: the same rows
    const plain = await ingest(dbs[2].url, '2', 'off');
    expect(plain.rows).toEqual(one.rows);
    expect(plain.ingests).toEqual(one.ingests);
    const settled = (out: string, file: string): number =>
      Number(new RegExp(`${file}: the line sieve settled (\\d+) of`).exec(out)?.[1]);
    for (const file of ['access\\.log', 'proxy\\.csv', 'http2\\.log\\.gz']) {
      expect(settled(one.out, file)).toBeGreaterThan(10_000);
      // (which lines each thread settles differs: hosts learnt, lines cut between reads)
      expect(settled(two.out, file)).toBeGreaterThan(10_000);
      expect(settled(plain.out, file)).toBe(0);
    }
  }, 300_000);
});

/** A resumed run (from a committed checkpoint) must end where an uninterrupted one ends. */
describe('parallel and gzip-worker ingest resume at a committed offset', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-parallel-resume-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  type Run = (core: LogIngestCore, from: number, cps: IngestCheckpoint[]) => Promise<unknown>;

  async function resumeEqualsWhole(format: NetworkFormat, run: Run): Promise<void> {
    const whole = newCore(format);
    const all: IngestCheckpoint[] = [];
    await run(whole, 0, all);
    expect(all.length).toBeGreaterThan(4);
    const at = all[2];
    const resumed = new LogIngestCore({
      parser: format === 'squid' ? 'squid-native' : createParser(format, zone),
      hosts: new HostMatchCache(CatalogMatcher.fromTools(tools)),
      actions: CatalogMatcher.fromTools(tools),
      malformedSampleSize: 50,
      resumeFrom: { line: at.line, state: at.state },
    });
    const rest: IngestCheckpoint[] = [];
    await run(resumed, at.offset, rest);
    expect(resumed.totals).toEqual(whole.totals);
    expect(resumed.malformedSample).toEqual(whole.malformedSample);
    expect(resumed.toolSummary()).toEqual(whole.toolSummary());
    expect(rest.at(-1)?.offset).toBe(all.at(-1)?.offset);
    expect(merged([...all.slice(0, 3), ...rest])).toEqual(merged(all));
  }

  for (const [format, fixture] of [
    ['squid', 'squid-native.log'],
    ['zeek', 'zeek-http.log'],
  ] as [NetworkFormat, string][]) {
    it(`over byte ranges (${format})`, async () => {
      const file = bigLog(dir, fixture, false);
      await resumeEqualsWhole(format, (core, from, cps) =>
        runParallelIngest({
          path: file,
          format,
          parserOptions: zone,
          tools,
          core,
          workers: 2,
          fromOffset: from,
          bytesPerWorker: 4096,
          malformedSampleSize: 50,
          onCheckpoint: async (cp) => void cps.push(cp),
        }),
      );
    });

    it(`in a gzip worker (${format})`, async () => {
      // inflated text comes in 1 MiB chunks, a checkpoint at most per chunk: several MiB, and
      // Zeek's header only at the top, so a resumed worker must replay it
      const plain = path.join(dir, `${format}-big.log`);
      if (format === 'squid') await writeSquidLog(plain, 50_000, { aiShare: 0.2 });
      else await writeFormatLog(plain, 'zeek', 50_000, 0.2);
      withGarbage(plain);
      const file = `${plain}.gz`;
      fs.writeFileSync(file, zlib.gzipSync(fs.readFileSync(plain)));
      await resumeEqualsWhole(format, (core, from, cps) =>
        runStreamInWorker({
          job: {
            path: file,
            name: 'x.gz',
            format,
            parserOptions: zone,
            fromOffset: from,
            checkpointLines: 300,
            malformedSampleSize: 50,
          },
          tools,
          core,
          onCheckpoint: async (cp) => void cps.push(cp),
        }),
      );
    });
  }
});
