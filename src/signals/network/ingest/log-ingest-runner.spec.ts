import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createParser } from '../parsers/parser-factory';
import { fixturePath, readFixture } from '../testing/samples';
import { testToolMatcher } from '../testing/test-tool-matcher';
import { HostMatchCache } from './host-match-cache';
import { LeaseBook } from '../../../people/identity/ip-leases';
import { LogIngestCore } from './log-ingest-core';
import { type IngestCheckpoint, runIngest } from './log-ingest-runner';
import { openLogStream, readHeadLines } from './log-source';
import type { UsageRollup } from './usage-rollup';

function core(parser: 'squid-native' | ReturnType<typeof createParser>, leases?: LeaseBook) {
  return new LogIngestCore({ parser, hosts: new HostMatchCache(testToolMatcher()), leases });
}

async function* chunked(buf: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

/** Sums roll-ups by (identity, tool, day) the way the database upsert does. */
function merge(
  rows: UsageRollup[],
): Record<string, Omit<UsageRollup, 'identityKind' | 'identityValue' | 'toolId' | 'day'>> {
  const out: Record<
    string,
    Omit<UsageRollup, 'identityKind' | 'identityValue' | 'toolId' | 'day'>
  > = {};
  for (const r of rows) {
    const k = `${r.identityKind}:${r.identityValue}|${r.toolId}|${r.day}`;
    const o = out[k];
    if (!o) {
      out[k] = {
        requests: r.requests,
        bytesUp: r.bytesUp,
        bytesDown: r.bytesDown,
        blocked: r.blocked,
        firstSeen: r.firstSeen,
        lastSeen: r.lastSeen,
      };
    } else {
      o.requests += r.requests;
      o.bytesUp += r.bytesUp;
      o.bytesDown += r.bytesDown;
      o.blocked += r.blocked;
      o.firstSeen = Math.min(o.firstSeen, r.firstSeen);
      o.lastSeen = Math.max(o.lastSeen, r.lastSeen);
    }
  }
  return out;
}

describe(LogIngestCore.name, () => {
  it('should roll up tool requests per identity and day and leave lookalikes out', async () => {
    const sut = core('squid-native');
    const rollups: UsageRollup[] = [];
    await runIngest({
      core: sut,
      chunks: chunked(Buffer.from(readFixture('squid-native.log')), 7),
      onCheckpoint: async (cp) => void rollups.push(...cp.rollups),
    });
    expect(merge(rollups)).toEqual({
      'email:alice@corp.example|chatgpt|2025-11-29': {
        requests: 1, bytesUp: 0, bytesDown: 5120, blocked: 0, firstSeen: 1764403200123, lastSeen: 1764403200123,
      },
      'email:alice@corp.example|chatgpt|2025-11-30': {
        requests: 1, bytesUp: 0, bytesDown: 2000, blocked: 0, firstSeen: 1764489600000, lastSeen: 1764489600000,
      },
      'ip:192.168.1.20|anthropic-api|2025-11-29': {
        requests: 1, bytesUp: 0, bytesDown: 9000, blocked: 0, firstSeen: 1764403201000, lastSeen: 1764403201000,
      },
      'username:corp\\bob|claude|2025-11-29': {
        requests: 1, bytesUp: 0, bytesDown: 3900, blocked: 1, firstSeen: 1764403202500, lastSeen: 1764403202500,
      },
    }); // prettier-ignore
    expect(sut.totals).toEqual({ lines: 8, parsed: 7, malformed: 1, matched: 4 });
    expect(sut.malformedSample).toEqual([{ line: 7, reason: 'time is not epoch seconds' }]);
    expect(sut.toolSummary()).toEqual({
      'anthropic-api': { requests: 1, bytes: 9000, identities: 1 },
      chatgpt: { requests: 2, bytes: 7120, identities: 1 },
      claude: { requests: 1, bytes: 3900, identities: 1 },
    });
  });

  it('should resume from any committed checkpoint with exactly the totals of one full run', async () => {
    const text = Buffer.from(readFixture('squid-native.log'));
    const full: IngestCheckpoint[] = [];
    await runIngest({
      core: core('squid-native'),
      chunks: chunked(text, 64),
      checkpointLines: 1,
      onCheckpoint: async (cp) => void full.push(cp),
    });
    const expected = merge(full.flatMap((c) => c.rollups));
    for (let k = 0; k < full.length - 1; k++) {
      // a worker that died after committing checkpoint k
      const committed = full.slice(0, k + 1);
      const last = committed[committed.length - 1];
      const resumed = new LogIngestCore({
        parser: 'squid-native',
        hosts: new HostMatchCache(testToolMatcher()),
        resumeFrom: { line: last.line, state: last.state },
      });
      const rest: UsageRollup[] = [];
      await runIngest({
        core: resumed,
        chunks: chunked(text.subarray(last.offset), 64),
        fromOffset: last.offset,
        checkpointLines: 1,
        onCheckpoint: async (cp) => void rest.push(...cp.rollups),
      });
      expect(merge([...committed.flatMap((c) => c.rollups), ...rest])).toEqual(expected);
      expect(resumed.totals).toEqual({ lines: 8, parsed: 7, malformed: 1, matched: 4 });
      expect(resumed.malformedSample).toEqual([{ line: 7, reason: 'time is not epoch seconds' }]);
    }
  });

  it('should attribute IP-only identities to the person holding the lease at the time of the request', async () => {
    const leases = new LeaseBook([
      {
        ip: '10.9.0.5',
        personId: 'p-dana',
        from: new Date('2026-11-24T00:00:00Z'),
        to: new Date('2026-11-25T00:00:00Z'),
      },
      { ip: '10.9.0.6', personId: 'p-erin', from: new Date(0), to: null },
      // over before the request at 10:00:04: the line stays with its address
      {
        ip: '10.9.0.7',
        personId: 'p-frank',
        from: new Date('2026-11-23T00:00:00Z'),
        to: new Date('2026-11-24T10:00:00Z'),
      },
    ]);
    const sut = core(createParser('bind', { zone: 'UTC' }), leases);
    const rollups: UsageRollup[] = [];
    await runIngest({
      core: sut,
      chunks: chunked(Buffer.from(readFixture('bind-query.log')), 1000),
      onCheckpoint: async (cp) => void rollups.push(...cp.rollups),
    });
    const ids = rollups.map((r) => `${r.identityKind}:${r.identityValue}/${r.toolId}`).sort();
    expect(ids).toEqual([
      'ip:10.9.0.7/perplexity',
      'ip:10.9.0.8/claude',
      'ip:fd00:9::5/openai-api',
      'person:p-dana/chatgpt',
      'person:p-erin/claude',
    ]);
  });

  it('should count an oversized line as malformed and go on with the next', async () => {
    const sut = core('squid-native');
    const line = '1764403200.000 1 10.0.0.1 TCP_MISS/200 1 GET http://claude.ai/ - D/- -\n';
    await runIngest({
      core: sut,
      chunks: chunked(Buffer.from(`${line}${'x'.repeat(5000)}\n${line}`), 100),
      maxLineBytes: 1000,
    });
    expect(sut.totals).toEqual({ lines: 3, parsed: 2, malformed: 1, matched: 2 });
  });
});

describe('openLogStream', () => {
  it('should read gzip files transparently and resume at an offset of the decompressed text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'net-'));
    const text = readFixture('squid-native.log');
    const gz = join(dir, 'access.log.gz');
    writeFileSync(gz, gzipSync(text));
    const read = async (path: string, from: number): Promise<string> => {
      const parts: Buffer[] = [];
      for await (const c of await openLogStream(path, from)) parts.push(c);
      return Buffer.concat(parts).toString('utf8');
    };
    await expect(read(gz, 0)).resolves.toBe(text);
    await expect(read(gz, 100)).resolves.toBe(Buffer.from(text).subarray(100).toString('utf8'));
    await expect(read(fixturePath('squid-native.log'), 100)).resolves.toBe(
      Buffer.from(text).subarray(100).toString('utf8'),
    );
    await expect(readHeadLines(gz, 2)).resolves.toHaveLength(2);
  });
});
