import { readFixture, readSample } from '../testing/samples';
import { detectFormat } from './detect-format';

function head(text: string): string[] {
  return text.split('\n').slice(0, 10);
}

describe('detectFormat', () => {
  it.each([
    ['squid-native.log', 'squid'],
    ['squid-combined.log', 'squid-common'],
    ['zeek-http.log', 'zeek'],
    ['zeek-conn.json', 'zeek'],
    ['umbrella-dns.csv', 'umbrella-dns'],
    ['umbrella-proxy.csv', 'umbrella-proxy'],
    ['zscaler-web.tsv', 'zscaler'],
    ['zscaler-web.json', 'zscaler'],
    ['panos.log', 'panos'],
    ['cloudflare-gateway.ndjson', 'cloudflare'],
    ['route53-resolver.jsonl', 'route53'],
    ['w3c-iis.log', 'w3c'],
    ['w3c-bluecoat.log', 'w3c'],
    ['bind-query.log', 'bind'],
    ['windows-dns-us.log', 'windows-dns'],
    ['windows-dns-eu.log', 'windows-dns'],
    ['generic.csv', 'generic-csv'],
    ['generic.ndjson', 'generic-json'],
  ])('should recognise %s as %s', (file, format) => {
    expect(detectFormat(head(readFixture(file)))).toBe(format);
  });

  it('should recognise the real Zeek samples and Windows DNS lines when present', () => {
    for (const [dir, file, format] of [
      ['zeek', 'dns.log', 'zeek'],
      ['zeek', 'ssl.json', 'zeek'],
      ['zeek', 'http.json.zeek-baseline', 'zeek'],
      ['windows_dns_debug', 'dns_debug_examples.log', 'windows-dns'],
    ]) {
      const text = readSample(dir, file);
      if (text === undefined) return;
      expect(detectFormat(head(text))).toBe(format);
    }
  });

  it('should give up on text it does not know', () => {
    expect(detectFormat(['hello there', 'general kenobi'])).toBeUndefined();
  });
});
