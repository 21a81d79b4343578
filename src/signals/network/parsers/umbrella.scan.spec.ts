import { readFixture } from '../testing/samples';
import { checkPrescan, ingestText, withoutPrescan } from '../testing/prescan-check';
import { UmbrellaParser } from './umbrella.parser';
import { plainIsoTime } from './umbrella.scan';

const proxy = (when: string, url: string, referer = ''): string =>
  `"${when}","Doe, Jane (jane@corp.example)","10.2.0.15","198.51.100.7","104.18.32.47","text/html","ALLOWED","${url}","${referer}","Mozilla/5.0","200","2048","16384","16000","","Generative AI","","","","","","AD Users","","Doe, Jane (jane@corp.example)","AD Users","POST","","","","","","","","",""`;
const dns = (host: string): string =>
  `"2026-11-24 09:00:00","HQ (jane@corp.example)","HQ","10.2.0.9","198.51.100.7","Allowed","1 (A)","NOERROR","${host}.","Generative AI"`;

const LOOKALIKES = [
  proxy('2026-11-24 09:10:00', 'https://notopenai.com/x'),
  proxy('2026-11-24 09:10:00', 'https://openai.com.evil.net/v1'),
  proxy(
    '2026-11-24 09:10:00',
    'https://example.com/?u=https://api.openai.com/',
    'https://chatgpt.com/',
  ),
  proxy('2026-11-24 09:10:00', 'http://104.18.32.47/chatgpt.com'),
  dns('notclaude.ai'),
];
const TOOLS = [
  proxy('2026-11-24 09:10:00', 'https://chatgpt.com/backend-api/conversation'),
  proxy('2026-11-24 09:10:00', 'https://API.OpenAI.com:443/v1/files'),
  dns('claude.ai'),
];
const ODD = [
  proxy('2026-02-30 09:10:00', 'https://example.com/'), // no such day
  proxy('2026-11-24 24:00:00', 'https://example.com/'),
  proxy('2026-11-24T09:10:00Z', 'https://example.com/'),
  proxy('2026-11-24 09:10:00', ''),
  proxy('2026-11-24 09:10:00', 'https://[2001:db8::1]/'),
  proxy('2026-11-24 09:10:00', 'https://bücher.example/'),
  '"timestamp","identity","ip"',
  '"2026-11-24 09:10:00","a ""quoted"" name","10.0.0.1","x","y","Allowed","1 (A)","NOERROR","example.com.","c"',
  '"2026-11-24 09:10:00","unbalanced,"10.0.0.1"',
  '2026-11-24 09:10:00,bare,10.0.0.1,x,y,Allowed,1 (A),NOERROR,example.com.,c',
  '"2026-11-24 09:10:00","too","few"',
  '   ',
];

describe('umbrellaNoTool', () => {
  it('should settle lookalike hosts and leave tool hosts to the parser', () => {
    const p = new UmbrellaParser('umbrella-proxy');
    expect(checkPrescan(p, LOOKALIKES)).toEqual({ settled: LOOKALIKES.length, left: 0, wrong: [] });
    expect(checkPrescan(p, TOOLS)).toEqual({ settled: 0, left: TOOLS.length, wrong: [] });
  });

  it('should settle nothing the parser reads otherwise', () => {
    const t = checkPrescan(new UmbrellaParser('umbrella-proxy'), ODD);
    expect(t.wrong).toEqual([]);
    expect(t.settled).toBe(1); // only the bare, well-formed DNS line
  });

  it.each(['umbrella-proxy.csv', 'umbrella-dns.csv'])(
    'should ingest %s as the parser alone does',
    (f) => {
      const text = [readFixture(f), ...LOOKALIKES, ...TOOLS, ...ODD].join('\n');
      const format = f.includes('proxy') ? 'umbrella-proxy' : 'umbrella-dns';
      expect(ingestText(new UmbrellaParser(format), text)).toEqual(
        ingestText(withoutPrescan(new UmbrellaParser(format)), text),
      );
      expect(checkPrescan(new UmbrellaParser(format), text.split('\n')).wrong).toEqual([]);
    },
  );

  it('should take only real instants as plain times', () => {
    const ok = (s: string): boolean => plainIsoTime(Buffer.from(s), 0, s.length);
    expect(ok('2024-02-29 23:59:59')).toBe(true);
    expect(ok('2023-02-29 00:00:00')).toBe(false);
    expect(ok('2026-13-01 00:00:00')).toBe(false);
    expect(ok('2026-11-24 09:10')).toBe(false);
  });
});
