import fc from 'fast-check';
import { fuzzOptions, mutatedLine } from '../../../common/testing/fuzz';
import { checkHit, type HitTally } from '../testing/hit-check';
import { catalogHosts } from '../testing/prescan-check';
import { emptyHotHit } from './host-lookup';
import { LineSieve, SieveStep } from '../sieve/line-sieve';
import { scanUmbrellaTool } from './umbrella.hit';
import { UmbrellaParser } from './umbrella.parser';

// proxy lines field by field, from values that change how a field is read
const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const proxyLine = fc
  .record({
    time: pick(
      '2025-11-30 00:00:04',
      '2024-02-29T23:59:59',
      '2025-02-29 00:00:00',
      '0099-01-01 00:00:00',
      ' 2025-11-30 00:00:04',
    ),
    label: pick(
      'Doe, Jane (jane@corp.example)',
      'jane@corp.example',
      'CORP\\jane',
      'Laptop-7',
      '',
      'Ünal (u@corp.example)',
      // bare, these are not read as they stand (trimmed; a byte-order mark left out)
      'Laptop-7\t',
      '\ufeffjane@corp.example',
    ),
    ip: pick('10.20.2.33', '', '-', 'FD00::1'),
    action: pick('ALLOWED', 'BLOCKED', 'Blocked', 'allowed'),
    url: pick(
      'https://chatgpt.com/backend-api/conversation',
      'https://API.OpenAI.com:443/v1/files?x=1',
      'claude.ai/api/x#f',
      'https://chatgpt.com?q=/a',
      'https://www.example.com/x',
      'https://chatgpt.com/a b',
      'https://user@chatgpt.com/',
      'https://chatgpt.com./x',
    ),
    up: pick('889', '', '-', '1,024', '12.5', '0', '1234567890123456'),
    down: pick('7119', '', '-'),
    type: pick('AD Users', 'Networks', '', 'Roaming Computers'),
    method: pick('POST', 'GET', 'post', 'FOO', ''),
    fields: pick(20, 21, 22, 26, 35),
    quoted: fc.boolean(),
  })
  .map((r) => {
    const f = Array.from({ length: r.fields }, () => '');
    [f[0], f[1], f[2], f[6], f[7], f[11], f[12]] = [r.time, r.label, r.ip, r.action, r.url, r.up, r.down]; // prettier-ignore
    if (r.fields > 21) f[21] = r.type;
    if (r.fields > 25) f[25] = r.method;
    return f.map((x) => (r.quoted || /[", ]/.test(x) ? `"${x}"` : x)).join(',');
  });

describe(scanUmbrellaTool.name, () => {
  const hosts = catalogHosts();
  const parser = new UmbrellaParser('umbrella-proxy');

  it('should read a tool hit on bytes as the parser and matcher read it, or leave the line', () => {
    const tally: HitTally = { tools: 0, taken: 0 };
    fc.assert(
      fc.property(proxyLine.chain(mutatedLine), (line) =>
        checkHit(line, parser, scanUmbrellaTool, hosts, tally),
      ),
      fuzzOptions(4000),
    );
    // many of the values above are not plain on purpose: a share of the tool hits is taken
    expect(tally.tools).toBeGreaterThan(400);
    expect(tally.taken).toBeGreaterThan(tally.tools / 10);
  });

  it('should leave lines that are no tool hit, or not plainly one, to the parser', () => {
    const hit = emptyHotHit();
    const line = (url: string): Buffer =>
      Buffer.from(`"2025-11-30 00:00:04","Jane","10.0.0.1",,,,"ALLOWED","${url}"${','.repeat(18)}`);
    for (const url of ['https://www.example.com/', 'https://notclaude.ai/', 'https://[::1]/', ''])
      expect(scanUmbrellaTool(line(url), 0, line(url).length, hosts, hit)).toBe(false);
    const ok = line('https://claude.ai/chat');
    expect(scanUmbrellaTool(ok, 0, ok.length, hosts, hit)).toBe(true);
    expect(hit).toMatchObject({ toolId: 'claude', blocked: false, bytesUp: undefined });
  });

  it('should read a line the same from the commas the sieve found as from its own cut', () => {
    const sieve = new LineSieve();
    sieve.configure({ kind: 'umbrella' });
    let cut = 0;
    fc.assert(
      fc.property(proxyLine.chain(mutatedLine), (line) => {
        // two lines, so that the one read is not at the chunk's start (offsets are relative)
        const buf = Buffer.from(`x\n${line}\n`, 'utf8');
        const start = 2;
        const end = buf.length - 1;
        sieve.load(buf, 0, buf.length);
        sieve.seek(start);
        if (sieve.next() !== SieveStep.HostMiss) return;
        const count = sieve.cutLine();
        if (count < 0) throw new Error('no cuts of an Umbrella line');
        cut++;
        const alone = emptyHotHit();
        const sieved = emptyHotHit();
        const a = scanUmbrellaTool(buf, start, end, hosts, alone);
        const b = scanUmbrellaTool(buf, start, end, hosts, sieved, {
          count,
          at: sieve.cuts,
          offset: 0,
        });
        expect({ b, sieved }).toEqual({ b: a, sieved: alone });
      }),
      fuzzOptions(3000),
    );
    expect(cut).toBeGreaterThan(300);
  });
});
