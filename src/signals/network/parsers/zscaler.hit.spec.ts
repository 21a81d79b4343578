import fc from 'fast-check';
import { fuzzOptions, mutatedLine } from '../../../common/testing/fuzz';
import { checkHit, type HitTally } from '../testing/hit-check';
import { catalogHosts } from '../testing/prescan-check';
import { emptyHotHit } from './host-lookup';
import { ZSCALER_DEFAULT_FIELDS, ZscalerParser } from './zscaler.parser';

// feed lines cell by cell, from values that change how a cell is read
const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const cells = fc.record({
  time: pick('Sun Nov 30 00:00:04 2025', 'Mon Nov  3 23:59:59 2025', 'Tue Mar 30 02:30:00 2025', 'Nov 30 00:00:04 2025', 'Sun Nov 30 0:00:04 2025', '', 'x'),
  login: pick('jane@corp.example', 'NA', '', 'Doe, Jane (j@corp.example)', 'Jäne'),
  eurl: pick('chatgpt.com/backend-api/conversation', 'https://API.OpenAI.com:443/v1/files?x=1', 'claude.ai', 'chatgpt.com?q=/a', 'www.example.com/x', ' chatgpt.com/x', 'user@chatgpt.com/', ''),
  action: pick('Allowed', 'Blocked', 'BLOCK'),
  reqsize: pick('889', '', '-', 'NA', '1,024', '0'),
  respsize: pick('7119', ''),
  cip: pick('10.3.0.6', '', 'NA'),
  reqmethod: pick('POST', 'GET', 'post', 'NA', '', 'PÖST'),
  epochtime: pick('1764460800', '1764460800123', '', '-', 'NA', '17644608.5', '12345678901234567'),
}); // prettier-ignore

/** feeds may name the URL and the user otherwise */
const SAME_AS: Record<string, string> = { url: 'eurl', user: 'login' };

function line(fields: readonly string[], c: Record<string, string>): string {
  return fields.map((f) => c[f] ?? c[SAME_AS[f]] ?? 'x').join('\t');
}

describe('ZscalerParser.scanTool', () => {
  const hosts = catalogHosts();

  it.each([
    ['the default 35 fields, UTC', ZSCALER_DEFAULT_FIELDS, 'UTC'],
    [
      'nine fields without epoch, in Berlin time',
      ZSCALER_DEFAULT_FIELDS.slice(0, 9),
      'Europe/Berlin',
    ],
    [
      'url and user instead of eurl and login',
      ['time', 'user', 'url', 'action', 'reqsize'],
      undefined,
    ],
  ] as [string, string[], string | undefined][])(
    'should read a tool hit on bytes as the parser and matcher read it, or leave the line (%s)',
    (_name, fields, zone) => {
      const parser = new ZscalerParser(fields, zone);
      const lines = cells.map((c) => line(fields, c)).chain(mutatedLine);
      const tally: HitTally = { tools: 0, taken: 0 };
      fc.assert(
        fc.property(lines, (text) =>
          checkHit(
            text,
            parser,
            (b, s, e, h, hit) => parser.scanTool(b, s, e, h, hit),
            hosts,
            tally,
          ),
        ),
        fuzzOptions(3000),
      );
      // many of the values above are not plain on purpose: a share of the tool hits is taken
      expect(tally.tools).toBeGreaterThan(300);
      expect(tally.taken).toBeGreaterThan(tally.tools / 20);
    },
  );

  it('should leave headers, JSON, CSV and lines with too few cells to the parser', () => {
    const parser = new ZscalerParser(ZSCALER_DEFAULT_FIELDS.slice(0, 4), 'UTC');
    const hit = emptyHotHit();
    for (const text of [
      'time\tlogin\tproto\teurl',
      '{"time":"Sun Nov 30 00:00:04 2025","eurl":"claude.ai"}',
      '"Sun Nov 30 00:00:04 2025","a@b","HTTPS","claude.ai"',
      'Sun Nov 30 00:00:04 2025\ta@b\tHTTPS',
    ]) {
      const buf = Buffer.from(text);
      expect([text, parser.scanTool(buf, 0, buf.length, hosts, hit)]).toEqual([text, false]);
    }
    const ok = Buffer.from('Sun Nov 30 00:00:04 2025\ta@b.example\tHTTPS\tclaude.ai/chat');
    expect(parser.scanTool(ok, 0, ok.length, hosts, hit)).toBe(true);
    expect(hit).toMatchObject({ toolId: 'claude', time: Date.UTC(2025, 10, 30, 0, 0, 4) });
  });
});
