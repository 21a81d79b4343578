/** YYYY-MM-DD of a moment, in UTC. */
export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** [from, to] cut into windows of at most `size` days, both ends included, oldest first. */
export function daysBetween(from: string, to: string, size: number): [string, string][] {
  const out: [string, string][] = [];
  let start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  while (start <= end) {
    const stop = Math.min(end, start + (size - 1) * 86_400_000);
    out.push([dayOf(new Date(start)), dayOf(new Date(stop))]);
    start = stop + 86_400_000;
  }
  return out;
}
