// Cisco Umbrella S3 exports: DNS logs (10 fields in v3, 13 from v4) and proxy logs (35+ fields).
import type {
  LineParser,
  NetworkFormat,
  NetworkRecord,
  ParseOutcome,
  SieveShape,
} from '../network.types';
import { CsvCells } from './csv-line';
import type { HostLookup } from './host-lookup';
import { scanUmbrellaTool, umbrellaIdentity } from './umbrella.hit';
import { umbrellaNoTool } from './umbrella.scan';
import {
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

export class UmbrellaParser implements LineParser {
  private readonly cells = new CsvCells();

  constructor(readonly format: NetworkFormat = 'umbrella-dns') {}

  prescan(buf: Buffer, start: number, end: number, hosts: HostLookup): boolean {
    return umbrellaNoTool(buf, start, end, hosts);
  }

  sieveShape(): SieveShape {
    return UMBRELLA_SHAPE;
  }

  /** a proxy line to a tool, read on bytes (from the sieve's cuts where it has them) */
  readonly scanTool = scanUmbrellaTool;

  parse(line: string): ParseOutcome {
    if (isBlank(line)) return null;
    const f = this.cells;
    if (!f.read(line)) return malformed('unbalanced quotes');
    const time0 = f.get(0) ?? '';
    if (time0.toLowerCase() === 'timestamp') return null; // optional header row
    if (f.count < 10) return malformed(`expected 10, 13 or 35+ fields, found ${f.count}`);
    // Umbrella writes UTC without a zone suffix
    const time = parseTimestamp(time0);
    if (time === undefined) return malformed(`timestamp "${time0}" is not a time`);
    if (f.count >= PROXY_MIN_FIELDS) {
      const url = f.get(7);
      const host = normalizeHost(url);
      if (!host) return malformed('field 8 (url) has no host');
      const path = urlPath(url);
      // the request method column follows the identity types in the proxy export
      const m = f.get(25);
      const method = m !== undefined && HTTP_METHOD.test(m) ? m : undefined;
      const ip = f.get(2);
      // one object literal, optional keys added after: spreads in a literal make a slow object
      const record: NetworkRecord = {
        time,
        sourceIp: ip || undefined,
        identity: umbrellaIdentity(f.get(1) as string, f.get(21), ip),
        host,
        bytesUp: parseCount(f.get(11)),
        bytesDown: parseCount(f.get(12)),
        blocked: /block/i.test(f.get(6) as string),
      };
      if (path) record.path = path;
      if (method) record.method = method;
      return record;
    }
    const host = normalizeHost(f.get(8));
    if (!host) return malformed('field 9 (domain) is empty');
    const ip = f.get(3);
    return {
      time,
      sourceIp: ip || undefined,
      identity: umbrellaIdentity(f.get(1) as string, f.count >= 13 ? f.get(10) : undefined, ip),
      host,
      blocked: /block/i.test(f.get(5) as string),
    };
  }
}
