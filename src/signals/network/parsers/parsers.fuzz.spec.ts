// Property-based: every log parser, fed damaged versions of its own format and arbitrary text,
// answers with a record, a malformed line or nothing, and never throws.
import fc from 'fast-check';
import { anyText, fuzzOptions, mutatedLines } from '../../../common/testing/fuzz';
import { HostMatchCache } from '../ingest/host-match-cache';
import { LogIngestCore } from '../ingest/log-ingest-core';
import {
  isMalformed,
  NETWORK_FORMATS,
  type NetworkFormat,
  type ParseOutcome,
} from '../network.types';
import { readFixture } from '../testing/samples';
import { testToolMatcher } from '../testing/test-tool-matcher';
import { detectFormat } from './detect-format';
import { createParser } from './parser-factory';

const FIXTURES: Record<NetworkFormat, string[]> = {
  squid: ['squid-native.log'],
  'squid-common': ['squid-combined.log'],
  zeek: ['zeek-http.log', 'zeek-conn.json'],
  'umbrella-dns': ['umbrella-dns.csv'],
  'umbrella-proxy': ['umbrella-proxy.csv'],
  zscaler: ['zscaler-web.json', 'zscaler-web.tsv'],
  panos: ['panos.log'],
  cloudflare: ['cloudflare-gateway.ndjson'],
  route53: ['route53-resolver.jsonl'],
  w3c: ['w3c-iis.log', 'w3c-bluecoat.log'],
  bind: ['bind-query.log'],
  'windows-dns': ['windows-dns-us.log', 'windows-dns-eu.log'],
  'generic-csv': ['generic.csv'],
  'generic-json': ['generic.ndjson'],
};

function expectWellFormed(outcome: ParseOutcome): void {
  if (outcome === null) return;
  if (isMalformed(outcome)) {
    expect(typeof outcome.malformed).toBe('string');
    return;
  }
  expect(Number.isFinite(outcome.time)).toBe(true);
  expect(typeof outcome.host).toBe('string');
  expect(outcome.host).toBe(outcome.host.toLowerCase());
  for (const bytes of [outcome.bytesUp, outcome.bytesDown])
    if (bytes !== undefined) expect(Number.isFinite(bytes) && bytes >= 0).toBe(true);
}

describe('network log parsers under fuzzing', () => {
  const cases = NETWORK_FORMATS.flatMap((format) => FIXTURES[format].map((f) => [format, f]));

  it.each(cases)('should never throw on damaged %s lines (%s)', (format, fixture) => {
    const lines = readFixture(fixture).split('\n');
    fc.assert(
      fc.property(mutatedLines(lines), (damaged) => {
        const sut = createParser(format as NetworkFormat, { zone: 'Europe/Berlin' });
        for (const line of damaged) expectWellFormed(sut.parse(line));
      }),
      fuzzOptions(150),
    );
  });

  it.each(NETWORK_FORMATS.map((f) => [f]))(
    'should never throw on arbitrary text as %s',
    (format) => {
      fc.assert(
        fc.property(fc.array(anyText(), { maxLength: 8 }), (lines) => {
          const sut = createParser(format);
          for (const line of lines) expectWellFormed(sut.parse(line));
        }),
        fuzzOptions(100),
      );
    },
  );

  it('should detect a format or none, never throw, from any first lines', () => {
    const all = Object.values(FIXTURES)
      .flat()
      .map((f) => readFixture(f).split('\n'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(anyText(), { maxLength: 10 }),
          ...all.map((l) => mutatedLines(l.slice(0, 12))),
        ),
        (lines) => {
          const format = detectFormat(lines);
          expect(format === undefined || NETWORK_FORMATS.includes(format)).toBe(true);
        },
      ),
      fuzzOptions(300),
    );
  });

  it('should count every line of damaged Squid bytes on the byte-level path', () => {
    const lines = readFixture('squid-native.log').split('\n');
    fc.assert(
      fc.property(mutatedLines(lines), fc.nat({ max: 64 }), (damaged, split) => {
        const sut = new LogIngestCore({
          parser: 'squid-native',
          hosts: new HostMatchCache(testToolMatcher()),
        });
        const buf = Buffer.from(damaged.join('\n'), 'utf8');
        // two chunks, cut anywhere, as a stream delivers them
        const cut = Math.min(split, buf.length);
        const tail = sut.pushChunk(buf, 0, cut);
        const rest = Buffer.concat([buf.subarray(tail, cut), buf.subarray(cut)]);
        const end = sut.pushChunk(rest, 0, rest.length);
        sut.pushLastLine(rest, end, rest.length);
        const { counts } = sut.state();
        expect(counts.parsed + counts.malformed).toBeLessThanOrEqual(counts.lines);
        expect(counts.matched).toBeLessThanOrEqual(counts.parsed);
      }),
      fuzzOptions(300),
    );
  });
});
