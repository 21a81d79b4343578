// Guess a log's format from its first lines; the caller may override with --format.
import type { NetworkFormat } from '../network.types';

const SQUID_NATIVE = /^\d{9,11}\.\d{1,3}\s+\d+\s+\S+\s+[A-Z_]+\/\d{3}\s+\d+\s+\S+\s+\S+\s+\S+/;
const SQUID_COMMON = /^\S+ \S+ \S+ \[\d{1,2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2}[^\]]*\] "/;
const PANOS =
  /,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},[^,]*,(TRAFFIC|THREAT|SYSTEM|CONFIG|HIP-MATCH|GLOBALPROTECT|USERID|DECRYPTION),/;
const BIND = /client (?:@0x[0-9a-fA-F]+ )?[0-9a-fA-F.:]+#\d+.*query: /;
const WINDNS = /\sPACKET\s+[0-9A-Fa-f]+\s+(UDP|TCP)\s+(Rcv|Snd)\s/;
const UMBRELLA = /^"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"\s*,/;
const ZSCALER_TEXT_TIME = /^(?:\w{3} )?\w{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}\t/;

function detectJson(line: string): NetworkFormat | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // masked or damaged JSON: still tell Zeek by its keys
    return /"id\.orig_h"|"_path"/.test(line) ? 'zeek' : undefined;
  }
  if (typeof o !== 'object' || o === null) return undefined;
  if ('_path' in o || 'id.orig_h' in o || ('uid' in o && 'ts' in o)) return 'zeek';
  if ('QueryName' in o || 'HTTPHost' in o || ('Datetime' in o && 'ResolverDecision' in o))
    return 'cloudflare';
  if ('query_timestamp' in o && 'query_name' in o) return 'route53';
  const ev = typeof o.event === 'object' && o.event !== null ? (o.event as object) : o;
  if ('eurl' in ev || String(o.sourcetype ?? '').startsWith('zscalernss')) return 'zscaler';
  return 'generic-json';
}

/** The format of the first lines, or undefined when none is recognised. */
export function detectFormat(firstLines: string[]): NetworkFormat | undefined {
  const lines = firstLines.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  for (const line of lines) {
    if (/^#(separator|fields\t|path\t|set_separator)/.test(line)) return 'zeek';
    if (/^#(Software|Version|Fields|Date|Remark):/i.test(line)) return 'w3c';
    if (/^###/.test(line)) continue; // btest banner above a Zeek log
    if (/Message logging key|DNS Server log file/i.test(line)) return 'windows-dns';
  }
  for (const line of lines.slice(0, 20)) {
    if (line.startsWith('{')) {
      const f = detectJson(line);
      if (f) return f;
      continue;
    }
    if (SQUID_NATIVE.test(line)) return 'squid';
    if (SQUID_COMMON.test(line)) return 'squid-common';
    if (PANOS.test(line)) return 'panos';
    if (WINDNS.test(line)) return 'windows-dns';
    if (BIND.test(line) || (line.includes('CEF:') && line.includes('RPZ'))) return 'bind';
    if (UMBRELLA.test(line)) {
      const fields = line.match(/"(?:[^"]|"")*"|[^,]+/g) ?? [];
      return fields.length >= 20 ? 'umbrella-proxy' : 'umbrella-dns';
    }
    if (ZSCALER_TEXT_TIME.test(line)) return 'zscaler';
  }
  const first = lines[0];
  if (first && first.includes(',') && !first.startsWith('{')) return 'generic-csv';
  return undefined;
}
