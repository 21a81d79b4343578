import fc from 'fast-check';
import { fuzzOptions, mutatedLine } from '../../../common/testing/fuzz';
import { checkHit, type HitTally } from '../testing/hit-check';
import { catalogHosts } from '../testing/prescan-check';
import { emptyHotHit } from './host-lookup';
import { ZeekParser } from './zeek.parser';

// data lines cell by cell, from values that change how a cell is read
const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const cells = fc.record({
  ts: pick('1764460800.250000', '1764460800', '1764460800123', '-', '(empty)', '17644608x0', '1764460800.'),
  'id.orig_h': pick('10.20.2.33', '-', '(empty)', 'FD00::1', '10.20.2.ß'),
  host: pick('api.openai.com', 'ChatGPT.com:443', 'claude.ai.', 'www.example.com', 'notclaude.ai', '-', '(empty)', '[2001:db8::1]', 'user@claude.ai'),
  query: pick('api.openai.com', 'claude.ai', 'www.example.com', '-'),
  'id.resp_h': pick('104.18.32.47', 'api.openai.com', '-'),
  username: pick('jane', '-', '(empty)', 'Jäne', 'Doe, Jane (jane@corp.example)'),
  request_body_len: pick('889', '0', '-', '(empty)', '1,024', '12.5'),
  response_body_len: pick('7119', '-'),
  orig_bytes: pick('889', '-'),
  resp_bytes: pick('7119', '-', 'x'),
}); // prettier-ignore

const LOGS: [string, string[]][] = [
  ['http', ['ts', 'uid', 'id.orig_h', 'method', 'host', 'uri', 'request_body_len', 'response_body_len', 'username']],
  ['dns', ['ts', 'uid', 'id.orig_h', 'query', 'qtype_name']],
  ['conn', ['ts', 'uid', 'id.orig_h', 'id.resp_h', 'orig_bytes', 'resp_bytes', 'service']],
  ['http', ['host', 'username', 'ts', 'id.orig_h']],
]; // prettier-ignore

function parserFor(path: string, fields: string[]): ZeekParser {
  const parser = new ZeekParser();
  for (const line of ['#separator \\x09', '#unset_field\t-', '#empty_field\t(empty)'])
    parser.parse(line);
  parser.parse(`#path\t${path}`);
  parser.parse(`#fields\t${fields.join('\t')}`);
  return parser;
}

describe('ZeekParser.scanTool', () => {
  const hosts = catalogHosts();

  it.each(LOGS)(
    'should read a tool hit on bytes as the parser and matcher read it, or leave the line (%s: %j)',
    (path, fields) => {
      const parser = parserFor(path, fields);
      const scan = parser.scanTool.bind(parser);
      const tally: HitTally = { tools: 0, taken: 0 };
      const plain = cells.map((c) =>
        fields.map((f) => (c as Record<string, string>)[f] ?? 'x').join('\t'),
      );
      const lines = fc
        .oneof({ arbitrary: plain, weight: 2 }, { arbitrary: plain.chain(mutatedLine), weight: 1 })
        // a '#' line would change the parser's columns for the lines after it
        .filter((l) => !l.startsWith('#'));
      fc.assert(
        fc.property(lines, (text) => checkHit(text, parser, scan, hosts, tally)),
        fuzzOptions(2000),
      );
      // many of the values above are not plain on purpose: a share of the tool hits is taken
      expect(tally.tools).toBeGreaterThan(100);
      expect(tally.taken).toBeGreaterThan(tally.tools / 20);
    },
  );

  it('should leave headers, JSON, lines of another log and lines with other cell counts', () => {
    const hit = emptyHotHit();
    const http = parserFor('http', ['ts', 'id.orig_h', 'host']);
    const files = parserFor('files', ['ts', 'id.orig_h', 'host']);
    const take = (parser: ZeekParser, text: string): boolean => {
      const buf = Buffer.from(text);
      return parser.scanTool(buf, 0, buf.length, hosts, hit);
    };
    expect(take(http, '#fields\tts\thost')).toBe(false);
    expect(take(http, '{"ts":1764460800.25,"host":"claude.ai"}')).toBe(false);
    expect(take(http, '1764460800.25\t10.0.0.1\tclaude.ai\textra')).toBe(false);
    expect(take(files, '1764460800.25\t10.0.0.1\tclaude.ai')).toBe(false);
    expect(take(http, '1764460800.25\t10.0.0.1\tclaude.ai')).toBe(true);
    expect(hit).toMatchObject({
      toolId: 'claude',
      time: 1764460800250,
      identity: { kind: 'ip', value: '10.0.0.1' },
    });
  });
});
