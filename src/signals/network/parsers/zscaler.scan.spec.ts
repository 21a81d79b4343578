import { readFixture } from '../testing/samples';
import { checkPrescan, ingestText, withoutPrescan } from '../testing/prescan-check';
import { writeFormatLog } from '../testing/format-log-generator';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ZSCALER_DEFAULT_FIELDS, ZscalerParser } from './zscaler.parser';
import { nssTextTime } from './zscaler.scan';

// the generated feed's columns: time, login, proto, eurl, action, appname, appclass, reqsize, respsize
const NINE = ZSCALER_DEFAULT_FIELDS.slice(0, 9);
const nss = (eurl: string, time = 'Tue Nov 24 10:01:00 2026'): string =>
  [
    time,
    'jane@corp.example',
    'HTTPS',
    eurl,
    'Allowed',
    'General Browsing',
    'General',
    '512',
    '4096',
  ].join('\t');

const LOOKALIKES = [
  nss('notopenai.com/v1'),
  nss('openai.com.evil.net/'),
  nss('example.com/?next=api.openai.com/v1'),
  nss('104.18.32.47:443'),
  nss('www.google.com/search', 'Nov  4 10:01:00 2026'),
];
const TOOLS = [nss('api.openai.com/v1/chat/completions'), nss('CHATGPT.COM:443')];
const ODD = [
  nss('example.com/', 'Tue Foo 24 10:01:00 2026'),
  nss('example.com/', '2026-11-24 10:01:00'),
  nss('example.com/', ''),
  nss(''),
  nss('[2001:db8::1]:443'),
  'time\tlogin\tproto\teurl\taction\tappname\tappclass\treqsize\trespsize',
  'Tue Nov 24 10:01:00 2026\tjane\tHTTPS\texample.com/',
  '"Tue Nov 24 10:01:00 2026","jane","HTTPS","example.com/","Allowed","a","b","1","2"',
  ` ${nss('example.com/')}`,
];

describe('zscalerNoTool', () => {
  it('should settle lookalike hosts and leave tool hosts to the parser', () => {
    const p = new ZscalerParser(NINE, 'UTC');
    expect(checkPrescan(p, LOOKALIKES)).toEqual({ settled: LOOKALIKES.length, left: 0, wrong: [] });
    expect(checkPrescan(p, TOOLS)).toEqual({ settled: 0, left: TOOLS.length, wrong: [] });
  });

  it('should settle nothing the parser reads otherwise', () => {
    expect(checkPrescan(new ZscalerParser(NINE, 'UTC'), ODD)).toEqual({
      settled: 0,
      left: ODD.length,
      wrong: [],
    });
  });

  it('should use epochtime when the feed has it, and the text time when it is blank', () => {
    const fields = [...NINE, 'epochtime'];
    const p = new ZscalerParser(fields, 'Europe/Berlin');
    const lines = [
      `${nss('example.com/')}\t1764405600`,
      `${nss('example.com/', 'garbage')}\tNA`,
      `${nss('example.com/')}\t-`,
    ];
    expect(checkPrescan(p, lines)).toEqual({ settled: 2, left: 1, wrong: [] });
  });

  it('should ingest the fixtures and a generated feed as the parser alone does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-nss-'));
    try {
      await writeFormatLog(path.join(dir, 'nss.tsv'), 'zscaler', 3000, 0.2);
      const text = [
        fs.readFileSync(path.join(dir, 'nss.tsv'), 'utf8'),
        readFixture('zscaler-web.json'),
        ...LOOKALIKES, ...TOOLS, ...ODD,
      ].join('\n'); // prettier-ignore
      const p = (): ZscalerParser => new ZscalerParser(NINE, 'UTC');
      expect(ingestText(p(), text)).toEqual(ingestText(withoutPrescan(p()), text));
      const t = checkPrescan(p(), text.split('\n'));
      expect(t.wrong).toEqual([]);
      expect(t.settled).toBeGreaterThan(2000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should read NSS text times as the parser does', () => {
    const ok = (s: string): boolean => nssTextTime(Buffer.from(s), 0, s.length);
    expect(ok('Tue Nov 24 10:01:00 2026')).toBe(true);
    expect(ok('Nov 24 10:01:00 2026')).toBe(true);
    expect(ok('Nov  4 10:01:00 2026')).toBe(true);
    expect(ok('Tue Nov 24 10:01 2026')).toBe(false);
    expect(ok('Tue Xyz 24 10:01:00 2026')).toBe(false);
  });
});
