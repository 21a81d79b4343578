// IP → person over time, from a lease export (CSV: ip, person, from, to; from/to empty = open).
import { parse } from 'csv-parse/sync';
import type { NetworkIdentity } from '../network.types';
import { parseTimestamp } from '../parsers/parse-utils';

interface Lease {
  from: number;
  to: number;
  identity: NetworkIdentity;
}

export class IpLeaseMap {
  private readonly byIp = new Map<string, Lease[]>();

  /** Throws an Error naming the line and field of the first bad row. */
  static fromCsv(text: string, source = 'leases'): IpLeaseMap {
    const map = new IpLeaseMap();
    const rows = parse(text, {
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
    rows.forEach((row, i) => {
      const [ip, person, from, to] = row;
      if (i === 0 && ip?.toLowerCase() === 'ip') return; // header
      const where = `${source} line ${i + 1}`;
      if (!ip || !person) throw new Error(`${where}: ip and person are required`);
      const start = from ? parseTimestamp(from) : -Infinity;
      const end = to ? parseTimestamp(to) : Infinity;
      if (start === undefined) throw new Error(`${where}: from "${from}" is not a time`);
      if (end === undefined) throw new Error(`${where}: to "${to}" is not a time`);
      map.add(ip, person, start, end);
    });
    return map;
  }

  add(ip: string, person: string, from: number, to: number): void {
    const p = person.toLowerCase();
    const identity: NetworkIdentity = { kind: p.includes('@') ? 'email' : 'username', value: p };
    const key = ip.toLowerCase();
    const list = this.byIp.get(key) ?? [];
    list.push({ from, to, identity });
    this.byIp.set(key, list);
  }

  /** The person holding ip at time (from inclusive, to exclusive), if any. */
  resolve(ip: string, time: number): NetworkIdentity | undefined {
    const list = this.byIp.get(ip);
    if (!list) return undefined;
    for (const l of list) if (time >= l.from && time < l.to) return l.identity;
    return undefined;
  }

  get size(): number {
    return this.byIp.size;
  }
}
