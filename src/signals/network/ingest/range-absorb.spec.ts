// Ranges scanned apart (as the worker threads scan them) and absorbed in file order must leave
// the owning core exactly as one pass over the file leaves it: the same roll-ups in the same
// order, totals, malformed samples, and the identities each tool has seen, in order. Leases and
// erasure apply on the owning core only, to address hits one by one and to user groups.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadBuiltinCatalog } from '../../../catalog/catalog-loader';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { ErasedIdentities, tombstoneHash } from '../../../people/identity/erased-identities';
import { LeaseBook } from '../../../people/identity/ip-leases';
import { writeSquidLog } from '../testing/squid-log-generator';
import { HostMatchCache } from './host-match-cache';
import { LogIngestCore, type RangeScan } from './log-ingest-core';
import { type IngestCheckpoint, runIngest } from './log-ingest-runner';
import { openLogStream } from './log-source';
import { type RangeJob, scanRange } from './range-scan';
import { LineSieve } from '../sieve/line-sieve';

const matcher = CatalogMatcher.fromTools(loadBuiltinCatalog());
const SALT = 's'.repeat(64);
const HOUR = 3_600_000;
/** the generator's first line: 2025-11-30T00:00:00Z; its lines span two days */
const START = Date.UTC(2025, 10, 30);

function owner(): LogIngestCore {
  return new LogIngestCore({
    parser: 'squid-native',
    hosts: new HostMatchCache(matcher),
    actions: matcher,
    malformedSampleSize: 50,
    leases: new LeaseBook([
      // the first day only: the address is its own again on the second
      {
        ip: '10.20.0.5',
        personId: 'p-ann',
        from: new Date(START),
        to: new Date(START + 24 * HOUR),
      },
      { ip: '10.20.1.20', personId: 'p-ben', from: new Date(START + 12 * HOUR), to: null },
      // two holders at once on the second day: nobody is named then
      { ip: '10.20.2.40', personId: 'p-cy', from: new Date(START), to: null },
      { ip: '10.20.2.40', personId: 'p-dee', from: new Date(START + 24 * HOUR), to: null },
    ]),
    erased: new ErasedIdentities(
      SALT,
      new Set([
        tombstoneHash(SALT, 'email', 'alice@corp.example'),
        tombstoneHash(SALT, 'username', 'bob'),
      ]),
    ),
  });
}

/** Cuts the file at line ends into ranges of about `step` bytes. */
function ranges(text: Buffer, step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf(10, Math.min(start + step, text.length) - 1);
    const end = nl < 0 ? text.length : nl + 1;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** The file scanned range by range, as workers scan it, and absorbed in file order. */
async function absorbed(
  file: string,
  step: number,
  scans: RangeScan[] = [],
): Promise<LogIngestCore> {
  const many = owner();
  // one matcher cache and one sieve for all the ranges, as a worker thread keeps them
  const workerHosts = new HostMatchCache(matcher);
  let sieve: LineSieve | undefined;
  const threadSieve = () => (sieve ??= new LineSieve());
  for (const [start, end] of ranges(readFileSync(file), step)) {
    const job: RangeJob = {
      kind: 'range',
      path: file,
      start,
      end,
      format: 'squid',
      prelude: [],
      malformedSampleSize: 50,
    };
    const scan = await scanRange(job, workerHosts, matcher, threadSieve);
    scans.push(deserialize(serialize(scan)) as RangeScan); // as it crosses to the main thread
  }
  for (const scan of scans) many.absorb(scan);
  return many;
}

describe('absorbing ranges scanned apart', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'range-absorb-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should equal one pass over the file, with leases, erased users and user groups over many ranges', async () => {
    const file = join(dir, 'access.log');
    await writeSquidLog(file, 24_000, { aiShare: 0.3 });
    // broken lines now and then, and no newline at the end
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, lines.map((l, i) => (i % 613 === 7 ? `garbage ${i}\n${l}` : l)).join('\n'));

    const one = owner();
    const oneCps: IngestCheckpoint[] = [];
    await runIngest({
      core: one,
      chunks: await openLogStream(file),
      checkpointLines: Infinity,
      onCheckpoint: async (cp) => void oneCps.push(cp),
    });

    // small ranges, and ranges of several read chunks (1 MiB) with lines across the chunk cuts
    for (const step of [40_000, 2_500_000]) {
      const many = await absorbed(file, step);
      expect(many.drain()).toEqual(oneCps[0].rollups);
      expect(many.state()).toEqual(one.state());
      expect(many.lineNumber).toBe(one.lineNumber);
      expect(many.toolSummary()).toEqual(one.toolSummary());
    }

    const scans: RangeScan[] = [];
    await absorbed(file, 40_000, scans);
    expect(scans.length).toBeGreaterThan(10);
    // not vacuous: users were grouped in the workers, addresses went one by one, and the owner
    // named lease holders, kept unleased addresses and put erased users under 'unknown'
    expect(scans.every((s) => s.groups.some((g) => g.requests > 1))).toBe(true);
    expect(scans.every((s) => s.addressHits.strings.length > 0)).toBe(true);
    const ids = new Set(oneCps[0].rollups.map((r) => `${r.identityKind}:${r.identityValue}`));
    for (const id of [
      'person:p-ann',
      'person:p-ben',
      'person:p-cy',
      'ip:10.20.0.5',
      'ip:10.20.2.40',
    ])
      expect(ids).toContain(id);
    expect(ids).toContain('ip:unknown');
    expect(ids).toContain('email:dave@corp.example');
    expect(ids).toContain('username:corp\\carol');
    expect(ids).not.toContain('email:alice@corp.example');
    expect(ids).not.toContain('username:bob');
    expect(one.totals.malformed).toBeGreaterThan(10);
  });
});
