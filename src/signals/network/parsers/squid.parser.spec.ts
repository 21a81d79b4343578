import { HostMatchCache } from '../ingest/host-match-cache';
import { testToolMatcher } from '../testing/test-tool-matcher';
import { emptyHotHit, ScanResult } from './host-lookup';
import { scanSquidNative, SquidCommonParser, SquidNativeParser } from './squid.parser';

describe(SquidNativeParser.name, () => {
  const sut = new SquidNativeParser();

  it('should read time, client, bytes, URL host and user when the line is native', () => {
    const line =
      '1764403200.123    145 10.0.0.5 TCP_MISS/200 5120 POST https://chatgpt.com/backend-api/conversation alice@corp.example HIER_DIRECT/104.18.32.47 application/json';
    expect(sut.parse(line)).toEqual({
      method: 'POST',
      path: '/backend-api/conversation',
      time: 1764403200123,
      identity: { kind: 'email', value: 'alice@corp.example' },
      sourceIp: '10.0.0.5',
      host: 'chatgpt.com',
      bytesDown: 5120,
      blocked: false,
    });
  });

  it('should take the CONNECT host without its port and fall back to the IP when the user is -', () => {
    const line =
      '1764403201.000      0 192.168.1.20 TCP_TUNNEL/200 9000 CONNECT API.Anthropic.com:443 - HIER_DIRECT/160.79.104.10 -';
    expect(sut.parse(line)).toMatchObject({
      host: 'api.anthropic.com',
      identity: { kind: 'ip', value: '192.168.1.20' },
    });
  });

  it('should mark the request blocked when the result code is DENIED', () => {
    const line =
      '1764403202.5 3 10.0.0.7 TCP_DENIED/403 3900 GET http://claude.ai./ CORP%5Cbob HIER_NONE/- text/html';
    expect(sut.parse(line)).toMatchObject({
      time: 1764403202500,
      host: 'claude.ai',
      blocked: true,
      identity: { kind: 'username', value: 'corp\\bob' },
    });
  });

  it('should handle IPv6 clients, [v6] URL hosts and IDN hosts when present', () => {
    const v6 = sut.parse(
      '1764403203.001 1 2001:db8::7 TCP_MISS/200 10 GET http://[2001:db8::1]:8080/x - HIER_DIRECT/2001:db8::1 -',
    );
    expect(v6).toMatchObject({ host: '2001:db8::1', sourceIp: '2001:db8::7' });
    const idn = sut.parse(
      '1764403203.001 1 10.0.0.1 TCP_MISS/200 10 GET http://Bücher.ai/x - HIER_DIRECT/1.2.3.4 -',
    );
    expect(idn).toMatchObject({ host: 'xn--bcher-kva.ai' });
  });

  it('should report a reason when fields are missing or not numbers', () => {
    expect(sut.parse('1764403200.123 145 10.0.0.5 TCP_MISS/200')).toEqual({
      malformed: 'expected at least 8 fields, found 4',
    });
    expect(sut.parse('yesterday 1 10.0.0.5 TCP_MISS/200 1 GET http://a.b/ - X -')).toEqual({
      malformed: 'time is not epoch seconds',
    });
    expect(sut.parse('1764403200.1 1 10.0.0.5 TCP_MISS/200 lots GET http://a.b/ - X -')).toEqual({
      malformed: 'field 5 (bytes) is not a number',
    });
    expect(sut.parse('')).toBeNull();
  });
});

describe('scanSquidNative', () => {
  it('should resolve tools through the byte lookup and skip strings for other hosts', () => {
    const hosts = new HostMatchCache(testToolMatcher());
    const hit = emptyHotHit();
    const log = Buffer.from(
      [
        '1764403200.000 1 10.0.0.1 TCP_MISS/200 100 GET http://example.com/ - D/- -',
        '1764403200.000 1 10.0.0.1 TCP_MISS/200 100 GET http://CHAT.openai.com/ - D/- -',
      ].join('\n'),
    );
    const nl = log.indexOf(10);
    expect(scanSquidNative(log, 0, nl, hosts, hit)).toBe(ScanResult.NoTool);
    expect(scanSquidNative(log, nl + 1, log.length, hosts, hit)).toBe(ScanResult.Tool);
    expect(hit.toolId).toBe('chatgpt');
  });
});

describe(SquidCommonParser.name, () => {
  const sut = new SquidCommonParser();

  it('should convert the logged offset to UTC when the line is common format', () => {
    const line =
      '10.0.0.9 - carol [24/Nov/2026:10:15:00 +0100] "CONNECT api.openai.com:443 HTTP/1.1" 200 7000 TCP_TUNNEL:HIER_DIRECT';
    expect(sut.parse(line)).toEqual({
      method: 'CONNECT', // a tunnel: no path, so no action can be told
      time: Date.UTC(2026, 10, 24, 9, 15, 0),
      identity: { kind: 'username', value: 'carol' },
      sourceIp: '10.0.0.9',
      host: 'api.openai.com',
      bytesDown: 7000,
      blocked: false,
    });
  });

  it('should read combined lines with referer and agent and a DENIED tag', () => {
    const line =
      '10.0.0.9 - - [24/Nov/2026:23:59:59 -0500] "GET http://perplexity.ai/search?q=a HTTP/1.1" 403 120 TCP_DENIED:HIER_NONE "-" "Mozilla/5.0 (X11)"';
    expect(sut.parse(line)).toMatchObject({
      time: Date.UTC(2026, 10, 25, 4, 59, 59),
      host: 'perplexity.ai',
      blocked: true,
      identity: { kind: 'ip', value: '10.0.0.9' },
    });
  });

  it('should report a malformed line when the request part is missing', () => {
    expect(sut.parse('10.0.0.9 - - [24/Nov/2026:23:59:59 -0500] 403 120')).toEqual({
      malformed: 'not a common/combined log line',
    });
  });
});
