// Who held an IP address when: the one time-aware identity rule. A lease is half-open,
// [from, to), so a lease that ends at midnight and the next one that starts then never overlap.

export interface IpLease {
  ip: string;
  personId: string;
  from: Date;
  /** open-ended when null */
  to: Date | null;
}

/** What an observation covers: one moment (from = to) or first to last seen, both inclusive. */
export interface TimeSpan {
  from: Date;
  to: Date;
}

export type LeaseVerdict =
  { holder: string } | { holder: null; reason: 'no-match' | 'ambiguous'; candidates: string[] };

interface Interval {
  from: number;
  to: number;
  personId: string;
}

/** `::ffff:10.0.0.5` is 10.0.0.5; IPv6 compares in lower case. */
export function normaliseIp(value: string): string {
  return value
    .trim()
    .replace(/^::ffff:/i, '')
    .toLowerCase();
}

/**
 * The person who held the address throughout the span: exactly one person's leases overlap it,
 * and together they cover all of it. Two people in the span is ambiguous. One person who held it
 * for part of the span only is no match: nothing says who used it the rest of the time.
 */
function decide(intervals: readonly Interval[], from: number, to: number): LeaseVerdict {
  const overlapping = intervals.filter((l) => l.from <= to && from < l.to);
  const people = [...new Set(overlapping.map((l) => l.personId))];
  if (people.length === 0) return { holder: null, reason: 'no-match', candidates: [] };
  if (people.length > 1) return { holder: null, reason: 'ambiguous', candidates: people };
  let covered = from;
  for (const l of [...overlapping].sort((a, b) => a.from - b.from)) {
    if (l.from > covered) break;
    covered = Math.max(covered, l.to);
  }
  return covered > to
    ? { holder: people[0] }
    : { holder: null, reason: 'no-match', candidates: people };
}

function intervalOf(lease: IpLease): Interval {
  return {
    from: lease.from.getTime(),
    to: lease.to === null ? Infinity : lease.to.getTime(),
    personId: lease.personId,
  };
}

/** Who held `ip` over the span, judged on the leases of that address among `leases`. */
export function leaseHolder(leases: readonly IpLease[], ip: string, span: TimeSpan): LeaseVerdict {
  const key = normaliseIp(ip);
  return decide(
    leases.filter((l) => normaliseIp(l.ip) === key).map(intervalOf),
    span.from.getTime(),
    span.to.getTime(),
  );
}

/**
 * Every lease, indexed by address, for many look-ups: network ingest asks it once per log line
 * that names only an address, so a look-up is a map access and a scan of that address's leases.
 */
export class LeaseBook {
  private readonly byIp = new Map<string, Interval[]>();

  constructor(leases: readonly IpLease[]) {
    for (const lease of leases) {
      const key = normaliseIp(lease.ip);
      const list = this.byIp.get(key) ?? [];
      list.push(intervalOf(lease));
      this.byIp.set(key, list);
    }
  }

  get size(): number {
    return this.byIp.size;
  }

  /** The one person holding `ip` at `at` (epoch ms); undefined when nobody or two people do. */
  holderAt(ip: string, at: number): string | undefined {
    const list = this.byIp.get(ip) ?? this.byIp.get(normaliseIp(ip));
    if (!list) return undefined;
    let holder: string | undefined;
    for (const l of list) {
      if (l.from > at || at >= l.to) continue;
      if (holder === undefined) holder = l.personId;
      else if (holder !== l.personId) return undefined;
    }
    return holder;
  }

  /** As leaseHolder(), for an address of the book. */
  holderDuring(ip: string, span: TimeSpan): LeaseVerdict {
    return decide(this.byIp.get(normaliseIp(ip)) ?? [], span.from.getTime(), span.to.getTime());
  }
}
