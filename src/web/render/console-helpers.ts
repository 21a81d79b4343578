import type Handlebars from 'handlebars';
import type { ConsoleAsset } from './console-assets';

/** `/path?a=1&b=2`: the query of `base` (an object), changed by `over`; empty values left out. */
export function withQuery(
  pathname: string,
  base: Record<string, unknown> | undefined,
  over: Record<string, unknown> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...(base ?? {}), ...over })) {
    for (const one of Array.isArray(v) ? v : [v])
      if (one !== undefined && one !== null && one !== '') params.append(k, String(one));
  }
  const q = params.toString();
  return q ? `${pathname}?${q}` : pathname;
}

/** `2026-03-01 14:05 UTC`; dates are shown in UTC everywhere so two readers agree. */
export function formatDateTime(value: unknown): string {
  const d = toDate(value);
  return d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
}

export function formatDay(value: unknown): string {
  const d = toDate(value);
  return d ? d.toISOString().slice(0, 10) : '';
}

/** "30 minutes", "12 hours", "1 day": the largest whole unit of a duration. */
export function describeDuration(ms: number): string {
  const units: [string, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  for (const [name, size] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${Math.round(ms / 1000)} seconds`;
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function registerConsoleHelpers(hb: typeof Handlebars, assets: Map<string, ConsoleAsset>) {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  hb.registerHelper('lt', (a: number, b: number) => a < b);
  hb.registerHelper('add', (a: number, b: number) => a + b);
  hb.registerHelper('sub', (a: number, b: number) => a - b);
  hb.registerHelper('includes', (xs: unknown, x: unknown) => Array.isArray(xs) && xs.includes(x));
  hb.registerHelper('dateTime', formatDateTime);
  hb.registerHelper('day', formatDay);
  hb.registerHelper('json', (v: unknown) => JSON.stringify(v ?? null));
  hb.registerHelper('join', (xs: unknown) => (Array.isArray(xs) ? xs.join(', ') : ''));
  hb.registerHelper('pct', (x: unknown) =>
    typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–',
  );
  // {{url "/findings" query page=3}}: the current query (an object, or null) changed by the hash
  hb.registerHelper(
    'url',
    (pathname: string, base: Record<string, unknown> | null, options: Handlebars.HelperOptions) =>
      withQuery(pathname, base ?? undefined, options.hash as Record<string, unknown>),
  );
  hb.registerHelper('asset', (name: string) => {
    const a = assets.get(name);
    if (!a) throw new Error(`no console asset named ${name}`);
    return `/assets/${a.name}?v=${a.version}`;
  });
  hb.registerHelper('integrity', (name: string) => assets.get(name)?.integrity ?? '');
}
