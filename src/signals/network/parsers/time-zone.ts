// Wall-clock time in an IANA zone → epoch ms UTC, without a date library: Intl gives the offset.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 10_000;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Throws a RangeError naming the zone when it is not a known IANA zone. */
export function assertZone(zone: string): void {
  try {
    formatter(zone);
  } catch {
    throw new RangeError(`unknown time zone "${zone}"`);
  }
}

/** The zone's offset from UTC (ms, east positive) at the instant utcMs. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Epoch ms for a wall-clock time in zone. Offsets are cached per local hour, so a log of one
 * day costs 24 Intl calls. In a DST gap or overlap the earlier offset wins, as most loggers do.
 */
export function zonedToUtc(
  zone: string | undefined,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (!zone || zone === 'UTC') return wall;
  const hourKey = `${zone}|${Math.floor(wall / 3_600_000)}`;
  let offset = offsets.get(hourKey);
  if (offset === undefined) {
    offset = zoneOffsetMs(zone, wall);
    const second = zoneOffsetMs(zone, wall - offset);
    if (second !== offset) offset = second;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(hourKey, offset);
  }
  return wall - offset;
}

export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
