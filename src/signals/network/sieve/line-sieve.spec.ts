// The sieve may only settle lines the TypeScript parsers read as well formed and to no tool: an
// ingest with it must equal one without it, line numbers of malformed samples included, whatever
// the lines (lookalikes, tools, damaged lines, headers that change the columns) and wherever the
// reads cut them.
import fc from 'fast-check';
import { FUZZ_SEED, fuzzOptions, mutatedLines } from '../../../common/testing/fuzz';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogIngestCore } from '../ingest/log-ingest-core';
import { fileChunks } from '../ingest/log-source';
import { runIngest } from '../ingest/log-ingest-runner';
import type { LineParser } from '../network.types';
import { ZSCALER_DEFAULT_FIELDS } from '../parsers/zscaler.parser';
import { createParser } from '../parsers/parser-factory';
import { catalogHosts, catalogMatcher } from '../testing/prescan-check';
import { readFixture } from '../testing/samples';
import { LineSieve } from './line-sieve';

type Parser = LineParser | 'squid-native';

const squid = (url: string, extra = ''): string =>
  `1764460800.123    312 10.20.1.7 TCP_MISS/200 4120 GET ${url} jane@corp.example HIER_DIRECT/104.18.32.47 text/html${extra}`;

const SQUID = [
  squid('https://www.example.com/a/b?c=d'),
  squid('https://notopenai.com/v1'),
  squid('https://openai.com.evil.net/x'),
  squid('https://example.com/redirect?to=api.openai.com'),
  squid('https://api.openai.com/v1/chat/completions'),
  squid('https://API.OpenAI.com/v1/files'),
  squid('chatgpt.com:443'),
  squid('https://user:pw@chatgpt.com/'),
  squid('https://example.com./x'),
  squid('https://.example.com/x'),
  squid('https://[2001:db8::1]/x'),
  squid('https://bücher.example/'),
  squid('https://-/'),
  squid('https://example.com:8080:1/x'),
  squid('https://example.com/' + 'long/'.repeat(30)),
  squid('https://' + 'sub.'.repeat(20) + 'example.com/'),
  squid('https://example.com/a\tb'),
  squid('https://example.com/'),
  squid('https://example.com/').replace('4120', '41x0'),
  squid('https://example.com/').replace('1764460800.123', '17644608001234.5'),
  squid('https://example.com/').replace('1764460800.123', '-'),
  '   ' + squid('https://example.com/'),
  squid('https://example.com/') + '\r',
  squid('https://example.com/').split(' jane')[0],
  '',
  'not a log line at all',
  `${'1764460800.5 1 10.0.0.1 TCP_DENIED/403 0 CONNECT'} claude.ai:443 - HIER_NONE/- -`,
];

const zeekHead = (fields: string[]): string[] => [
  '#separator \\x09',
  '#unset_field\t-',
  '#empty_field\t(empty)',
  '#path\thttp',
  `#fields\t${fields.join('\t')}`,
];
const ZEEK_FIELDS = ['ts', 'uid', 'id.orig_h', 'method', 'host', 'uri', 'username'];
const zeek = (host: string, ts = '1764403200.250000'): string =>
  [ts, 'C1', '10.0.0.5', 'GET', host, '/', 'jane'].join('\t');
const ZEEK = [
  zeek('example.com'),
  zeek('notopenai.com'),
  zeek('api.openai.com'),
  zeek('ChatGPT.com:443'),
  zeek('-'),
  zeek('(empty)'),
  zeek('[2001:db8::1]'),
  zeek('example.com', '-'),
  zeek('example.com', 'XXXX'),
  `${zeek('example.com')}\textra`,
  zeek('example.com') + '\r',
  '{"ts":1764403200.25,"host":"example.com","uri":"/"}',
];

const nss = (host: string, time = 'Sun Nov 30 00:00:00 2025'): string =>
  [time, 'jane@corp.example', 'HTTPS', host, 'Allowed', 'App', 'General', '889', '7119'].join('\t');
const ZSCALER = [
  nss('www.example.com/v1/r/0'),
  nss('notclaude.ai/v1/r/3'),
  nss('claude.ai/chat'),
  nss('https://Claude.AI/chat'),
  nss('example.com', 'Nov 30 00:00:00 2025'),
  nss('example.com', 'Sun Nov 31 0:00:00 2025'),
  nss('example.com', 'Sun Xyz 30 00:00:00 2025'),
  nss('example.com').split('\t').slice(0, 5).join('\t'),
  ['time', 'login', 'proto', 'eurl', 'action', 'appname', 'appclass', 'reqsize', 'respsize'].join(
    '\t',
  ),
  ' ' + nss('example.com'),
  // tool hits read on bytes, and the ones only the parser reads
  nss('https://CHATGPT.com:443/backend-api/conversation?x=1'),
  nss('chatgpt.com?q=/x'),
  nss('claude.ai/chat', 'Sun Nov  3 09:05:07 2025'),
  nss('claude.ai/chat', 'Sun Nov 03 09:05:07 2025'),
  nss('claude.ai/chat', 'S1n Nov 03 09:05:07 2025'),
  nss('claude.ai/chat').replace('Allowed', 'Blocked'),
  nss('claude.ai/chat').replace('jane@corp.example', 'NA'),
  nss('claude.ai/chat').replace('jane@corp.example', 'Jäne'),
  nss('claude.ai/chat').replace('\t889\t', '\t-\t'),
  nss('claude.ai/chat').replace('\t889\t', '\t1,889\t'),
  nss('claude.ai/chat') + '\t',
  nss('claude.ai/chat') + '\textra',
  nss(' claude.ai/chat'),
  '{"sourcetype":"zscalernss-web","event":{"time":"Sun Nov 30 00:00:00 2025","eurl":"x.com"}}',
];

const umbrella = (url: string, time = '2025-11-30 00:00:00'): string =>
  [
    time,
    'Doe, Jane (jane@corp.example)',
    '10.20.2.33',
    '198.51.100.7',
    '104.18.32.47',
    'application/json',
    'ALLOWED',
    url,
    '',
    'Mozilla/5.0',
    '200',
    '889',
    '7119',
    '7119',
    '',
    'Generative AI',
    '',
    '',
    '',
    '',
    '',
    'AD Users',
    '',
    'Doe, Jane (jane@corp.example)',
    'AD Users',
    'POST',
  ]
    .map((f) => `"${f}"`)
    .join(',');
const UMBRELLA = [
  umbrella('https://www.example.com/v1/r/0'),
  umbrella('https://notclaude.ai/v1'),
  umbrella('https://chatgpt.com/backend-api/conversation'),
  umbrella('https://example.com/', '2025-02-29 00:00:00'),
  umbrella('https://example.com/', '2024-02-29 00:00:00'),
  umbrella('https://example.com/', '2025-11-30T00:00:00Z'),
  umbrella('https://example.com/').replace('"Mozilla/5.0"', '"Mozilla ""5"""'),
  umbrella('https://example.com/').replace('"Mozilla/5.0"', 'Mozilla/5.0'),
  umbrella('https://example.com/').replace('"Mozilla/5.0"', '"Mozilla/5.0'),
  umbrella('https://example.com/').slice(0, 120),
  // tool hits read on bytes, and the ones only the parser reads
  umbrella('https://CHATGPT.com:443/backend-api/conversation?x=1#y'),
  umbrella('https://chatgpt.com?q=/backend-api/conversation'),
  umbrella('chatgpt.com/backend-api/files'),
  umbrella('https://claude.ai/api/organizations/o/chat_conversations/c'),
  umbrella('https://chatgpt.com/backend-api/conversation ').replace('"POST"', '"PUT"'),
  umbrella('https://chatgpt.com/x').replace('"889","7119"', '"-",""'),
  umbrella('https://chatgpt.com/x').replace('"889","7119"', '"1,889","7119.5"'),
  umbrella('https://chatgpt.com/x').replace('"ALLOWED"', '"Blocked by policy"'),
  umbrella('https://chatgpt.com/x').replaceAll('"AD Users"', '"Networks"'),
  umbrella('https://chatgpt.com/x').replace(
    'Doe, Jane (jane@corp.example)',
    'Müller (m@corp.example)',
  ),
  umbrella('https://chatgpt.com/x').replace('"10.20.2.33"', ' 10.20.2.33'),
  umbrella('https://chatgpt.com/x').replace('"POST"', '"post"'),
  umbrella('https://chatgpt.com/x', '0099-11-30 00:00:00'),
  umbrella('https://chatgpt.com/x').split(',').slice(0, 21).join(','),
  umbrella('https://chatgpt.com/x').split(',').slice(0, 20).join(','),
  umbrella('https://chatgpt.com/x') + ',"extra"',
  umbrella('https://chatgpt.com/x').replace('Mozilla', '\ufeffMozilla'),
  umbrella('https://chatgpt.com/x').replace('"Mozilla/5.0"', '\ufeffMozilla'),
  '"2025-11-30 00:00:00","Jane","Jane","10.0.0.1","10.0.0.1","NOERROR","1","A","example.com.","Ads"',
  '"2025-11-30 00:00:00","Jane","Jane","10.0.0.1","10.0.0.1","NOERROR","1","A","chatgpt.com.","AI"',
  'Timestamp,Policy Identity,Identities',
];

/** An ingest of the text read in chunks of the given sizes (cycled), with or without the sieve. */
async function ingest(
  parser: () => Parser,
  text: string,
  sieve: boolean,
  chunkSizes: number[],
): Promise<{ result: unknown; sieved: number }> {
  // with the catalog's action rules, so that paths and methods read on bytes are compared too
  const core = new LogIngestCore({
    parser: parser(),
    hosts: catalogHosts(),
    actions: catalogMatcher(),
    sieve,
  });
  const buf = Buffer.from(text, 'utf8');
  async function* chunks(): AsyncIterable<Buffer> {
    let k = 0;
    for (let at = 0; at < buf.length; k++) {
      const size = chunkSizes[k % chunkSizes.length];
      yield buf.subarray(at, at + size);
      at += size;
    }
  }
  await runIngest({ core, chunks: chunks(), maxLineBytes: 1 << 16 });
  return { result: summary(core), sieved: core.sieveSettled };
}

/** What an ingest found, roll-ups in a fixed order. */
function summary(core: LogIngestCore): unknown {
  const rollups = core.drain().map((r) => JSON.stringify(r));
  return {
    totals: core.totals,
    sample: core.malformedSample,
    tools: core.toolSummary(),
    rollups: rollups.sort(),
  };
}

/** Many copies of the lines in a fixed shuffled order: enough text for the sieve to run. */
function repeated(lines: string[], copies: number): string[] {
  const rnd = fc.sample(
    fc.array(fc.nat(lines.length - 1), {
      minLength: lines.length * copies,
      maxLength: lines.length * copies,
    }),
    { seed: FUZZ_SEED, numRuns: 1 },
  )[0];
  return rnd.map((i) => lines[i]);
}

const ZONE = { zone: 'UTC', zscalerFields: ZSCALER_DEFAULT_FIELDS.slice(0, 9) };
const CASES: [string, () => Parser, string[]][] = [
  ['Squid', () => 'squid-native', repeated(SQUID, 40)],
  [
    'Zeek, with its columns changed half way',
    () => createParser('zeek'),
    [
      ...zeekHead(ZEEK_FIELDS),
      ...repeated(ZEEK, 40),
      ...zeekHead([...ZEEK_FIELDS].reverse()),
      ...repeated(ZEEK, 40).map((l) => l.split('\t').reverse().join('\t')),
      '#path\tfiles',
      ...repeated(ZEEK, 5),
    ],
  ],
  ['Zscaler NSS', () => createParser('zscaler', ZONE), repeated(ZSCALER, 40)],
  ['Umbrella', () => createParser('umbrella-proxy'), repeated(UMBRELLA, 40)],
];

describe('the WebAssembly line sieve', () => {
  it.each(CASES)(
    'should leave a %s ingest exactly as the parsers alone find it',
    async (_name, parser, lines) => {
      const text = lines.join('\n') + '\n';
      const plain = await ingest(parser, text, false, [1 << 20]);
      for (const sizes of [[1 << 20], [4096, 5000, 7919], [65_536, 4097]]) {
        const sieved = await ingest(parser, text, true, sizes);
        expect(sieved.result).toEqual(plain.result);
        // it did settle the plain lines to known non-tool hosts
        expect(sieved.sieved).toBeGreaterThan(lines.length / 20);
      }
      expect(plain.sieved).toBe(0);
    },
  );

  it.each([
    ['Squid', () => 'squid-native' as Parser, 'squid-native.log'],
    ['Zeek', () => createParser('zeek'), 'zeek-http.log'],
    ['Zscaler NSS', () => createParser('zscaler', { zone: 'UTC' }), 'zscaler-web.tsv'],
    ['Umbrella', () => createParser('umbrella-proxy'), 'umbrella-proxy.csv'],
  ] as [string, () => Parser, string][])(
    'should agree with the parsers on damaged %s lines',
    async (_name, parser, fixture) => {
      const lines = readFixture(fixture).split('\n');
      await fc.assert(
        fc.asyncProperty(mutatedLines(lines), async (damaged) => {
          // repeated so that the text passes the sieve's minimum chunk size
          const text = Array.from({ length: 30 }, () => damaged.join('\n')).join('\n') + '\n';
          const plain = await ingest(parser, text, false, [1 << 20]);
          const sieved = await ingest(parser, text, true, [4096, 6007]);
          expect(sieved.result).toEqual(plain.result);
        }),
        fuzzOptions(60),
      );
    },
  );
  it.each(CASES.filter(([name]) => name === 'Squid' || name === 'Umbrella'))(
    'should sieve %s chunks read into its own memory as it sieves copied ones',
    async (_name, parser, lines) => {
      // over 3 MiB: every read buffer is used more than once, lines cross their ends
      const copies = Math.ceil((3.5 * 2 ** 20) / (lines.join('\n').length + 1));
      const text = Array.from({ length: copies }, () => lines.join('\n')).join('\n') + '\n';
      const dir = mkdtempSync(join(tmpdir(), 'aic-sieve-'));
      try {
        const file = join(dir, 'log');
        writeFileSync(file, text);
        const plain = await ingest(parser, text, false, [1 << 20]);
        const sieve = new LineSieve();
        const core = new LogIngestCore({
          parser: parser(),
          hosts: catalogHosts(),
          actions: catalogMatcher(),
          sieve: () => sieve,
        });
        await runIngest({ core, chunks: fileChunks(file, 0, Infinity, sieve.readBuffers()) });
        expect(summary(core)).toEqual(plain.result);
        expect(core.sieveSettled).toBeGreaterThan(copies);
        expect(sieve.loadsInPlace).toBeGreaterThanOrEqual(3);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
