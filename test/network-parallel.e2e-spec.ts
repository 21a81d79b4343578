// Parallel ingest (worker threads over byte ranges, from the build in dist/) must find exactly
// what one thread finds: roll-ups, counts, tool summaries and malformed samples, per format.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';
import type { NetworkFormat } from '../src/signals/network/network.types';
import { HostMatchCache } from '../src/signals/network/ingest/host-match-cache';
import { LogIngestCore } from '../src/signals/network/ingest/log-ingest-core';
import { runIngest, type IngestCheckpoint } from '../src/signals/network/ingest/log-ingest-runner';
import { openLogStream } from '../src/signals/network/ingest/log-source';
import { runParallelIngest } from '../src/signals/network/ingest/parallel-ingest';
import { createParser } from '../src/signals/network/parsers/parser-factory';
import { ZSCALER_DEFAULT_FIELDS } from '../src/signals/network/parsers/zscaler.parser';
import { readFixture } from '../src/signals/network/testing/samples';

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
    const key = `${r.identityKind}|${r.identityValue}|${r.toolId}|${r.day}`;
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
  return new LogIngestCore({
    parser: format === 'squid' ? 'squid-native' : createParser(format, zone),
    hosts: new HostMatchCache(CatalogMatcher.fromTools(tools)),
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
