// Cisco Umbrella S3 exports: DNS logs (10 fields in v3, 13 from v4) and proxy logs (35+ fields).
import type {
  LineParser,
  NetworkFormat,
  NetworkRecord,
  ParseOutcome,
  SieveShape,
} from '../network.types';
import { splitCsvLine } from './csv-line';
import type { HostLookup } from './host-lookup';
import { umbrellaNoTool } from './umbrella.scan';
import {
  identityFrom,
  isBlank,
  malformed,
  normalizeHost,
  parseCount,
  parseTimestamp,
  urlPath,
} from './parse-utils';

const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT)$/;

const PROXY_MIN_FIELDS = 20;
const UMBRELLA_SHAPE: SieveShape = { kind: 'umbrella' };

/** Umbrella identities are AD users, or machines and networks, which are no person. */
function umbrellaIdentity(label: string, type: string | undefined, ip: string | undefined) {
  const personLike = type ? /user/i.test(type) : /@|\\|\([^)]*\)\s*$/.test(label);
  return identityFrom(personLike ? label : undefined, ip);
}

export class UmbrellaParser implements LineParser {
  constructor(readonly format: NetworkFormat = 'umbrella-dns') {}

  prescan(buf: Buffer, start: number, end: number, hosts: HostLookup): boolean {
    return umbrellaNoTool(buf, start, end, hosts);
  }

  sieveShape(): SieveShape {
    return UMBRELLA_SHAPE;
  }

  parse(line: string): ParseOutcome {
    if (isBlank(line)) return null;
    const f = splitCsvLine(line);
    if (!f) return malformed('unbalanced quotes');
    if (f[0]?.toLowerCase() === 'timestamp') return null; // optional header row
    if (f.length < 10) return malformed(`expected 10, 13 or 35+ fields, found ${f.length}`);
    // Umbrella writes UTC without a zone suffix
    const time = parseTimestamp(f[0]);
    if (time === undefined) return malformed(`timestamp "${f[0]}" is not a time`);
    if (f.length >= PROXY_MIN_FIELDS) {
      const host = normalizeHost(f[7]);
      if (!host) return malformed('field 8 (url) has no host');
      const path = urlPath(f[7]);
      // the request method column follows the identity types in the proxy export
      const method = HTTP_METHOD.test(f[25] ?? '') ? f[25] : undefined;
      // one object literal, optional keys added after: spreads in a literal make a slow object
      const record: NetworkRecord = {
        time,
        sourceIp: f[2] || undefined,
        identity: umbrellaIdentity(f[1], f[21], f[2]),
        host,
        bytesUp: parseCount(f[11]),
        bytesDown: parseCount(f[12]),
        blocked: /block/i.test(f[6]),
      };
      if (path) record.path = path;
      if (method) record.method = method;
      return record;
    }
    const host = normalizeHost(f[8]);
    if (!host) return malformed('field 9 (domain) is empty');
    return {
      time,
      sourceIp: f[3] || undefined,
      identity: umbrellaIdentity(f[1], f.length >= 13 ? f[10] : undefined, f[3]),
      host,
      blocked: /block/i.test(f[5]),
    };
  }
}
