import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFormatLog } from '../testing/format-log-generator';
import { checkPrescan, ingestText, withoutPrescan } from '../testing/prescan-check';
import { readFixture, readSample } from '../testing/samples';
import { ZeekParser } from './zeek.parser';

const HEAD = [
  '#separator \\x09',
  '#unset_field\t-',
  '#empty_field\t(empty)',
  '#path\thttp',
  '#fields\tts\tuid\tid.orig_h\tid.resp_h\tmethod\thost\turi\treferrer\tusername',
];
const http = (host: string, uri = '/', referrer = '-'): string =>
  ['1764403200.250000', 'C1', '10.0.0.5', '104.18.32.47', 'GET', host, uri, referrer, 'jane'].join(
    '\t',
  );

const LOOKALIKES = [
  http('notopenai.com'),
  http('openai.com.evil.net'),
  http('example.com', '/redirect?to=api.openai.com'),
  http('example.com', '/', 'https://chatgpt.com/'),
  http('104.18.32.47'),
  http('example.com:8080'),
];
const TOOLS = [http('api.openai.com'), http('ChatGPT.com:443')];
const ODD = [
  http('-'),
  http('(empty)'),
  http('[2001:db8::1]'),
  http('bücher.example'),
  http('example.com').replace('1764403200.250000', 'XXXXXXXXXX.XXXXXX'),
  http('example.com').replace('1764403200.250000', '-'),
  `${http('example.com')}\textra`,
  '{"ts":1764403200.25,"host":"example.com","uri":"/"}',
];

/** The shared Zeek baselines, with their masked times made real. */
function baseline(name: string): string[] {
  const text = readSample('zeek', name);
  return text ? text.replace(/XXXXXXXXXX\.XXXXXX/g, '1764403200.123456').split('\n') : [];
}

describe('zeekNoTool', () => {
  it('should settle lookalike hosts and leave tool hosts to the parser', () => {
    const p = new ZeekParser();
    checkPrescan(p, HEAD);
    expect(checkPrescan(p, LOOKALIKES)).toEqual({ settled: LOOKALIKES.length, left: 0, wrong: [] });
    expect(checkPrescan(p, TOOLS)).toEqual({ settled: 0, left: TOOLS.length, wrong: [] });
  });

  it('should settle nothing the parser reads otherwise', () => {
    const p = new ZeekParser();
    checkPrescan(p, HEAD);
    expect(checkPrescan(p, ODD)).toEqual({ settled: 0, left: ODD.length, wrong: [] });
    // before any #fields, and for logs Zeek ingest does not read, nothing is settled
    expect(checkPrescan(new ZeekParser(), [http('example.com')]).settled).toBe(0);
    expect(
      checkPrescan(new ZeekParser(), [
        ...HEAD.slice(0, 3),
        '#path\tfiles',
        HEAD[4],
        http('example.com'),
      ]).settled,
    ).toBe(0);
  });

  it.each(['http.log.zeek-baseline', 'conn.log.zeek-baseline', 'dns.log', 'ssl.log'])(
    'should read the sample %s as the parser alone does',
    (name) => {
      const lines = baseline(name);
      if (lines.length === 0) return; // the shared samples are not on this machine
      const t = checkPrescan(new ZeekParser(), lines);
      expect(t.wrong).toEqual([]);
      expect(t.settled).toBeGreaterThan(0);
      const text = lines.join('\n');
      expect(ingestText(new ZeekParser(), text)).toEqual(
        ingestText(withoutPrescan(new ZeekParser()), text),
      );
    },
  );

  it('should ingest the fixtures and a generated log as the parser alone does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-zeek-'));
    try {
      await writeFormatLog(path.join(dir, 'http.log'), 'zeek', 3000, 0.2);
      const text = [
        fs.readFileSync(path.join(dir, 'http.log'), 'utf8'),
        readFixture('zeek-http.log'),
        readFixture('zeek-conn.json'),
        ...HEAD, ...LOOKALIKES, ...TOOLS, ...ODD,
      ].join('\n'); // prettier-ignore
      expect(ingestText(new ZeekParser(), text)).toEqual(
        ingestText(withoutPrescan(new ZeekParser()), text),
      );
      const t = checkPrescan(new ZeekParser(), text.split('\n'));
      expect(t.wrong).toEqual([]);
      expect(t.settled).toBeGreaterThan(2000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
