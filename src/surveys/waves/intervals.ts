// 95% intervals for the figures a wave comparison shows. Small teams give wide intervals: the
// point is to show that, so a 20-point swing in a team of six is not read as a trend.

export interface Interval {
  low: number;
  high: number;
}

const Z = 1.959963984540054;

// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
const T_TABLE = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** t quantile for a 95% interval; Welch's degrees of freedom are fractional, so interpolate. */
export function tQuantile95(df: number): number {
  if (!(df >= 1)) return T_TABLE[0];
  if (df <= 30) {
    const lo = Math.floor(df);
    const hi = Math.min(30, lo + 1);
    const f = df - lo;
    return T_TABLE[lo - 1] * (1 - f) + T_TABLE[hi - 1] * f;
  }
  // Cornish–Fisher expansion around the normal quantile; within 0.001 of exact above 30 df.
  const z = Z;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/** Wilson score interval of a proportion: stays inside 0..1 and honest at small n or p near 0/1. */
export function wilsonInterval(count: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = count / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 or n the bound is exactly 0 or 1; rounding would leave a stray 1e-17.
  return {
    low: count === 0 ? 0 : Math.max(0, centre - half),
    high: count === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions
 * (after − before), built from each side's Wilson interval.
 */
export function proportionChangeInterval(
  before: { count: number; n: number },
  after: { count: number; n: number },
): Interval | null {
  const w1 = wilsonInterval(before.count, before.n);
  const w2 = wilsonInterval(after.count, after.n);
  if (!w1 || !w2) return null;
  const p1 = before.count / before.n;
  const p2 = after.count / after.n;
  const d = p2 - p1;
  return {
    low: d - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2),
    high: d + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2),
  };
}

export interface Sample {
  n: number;
  mean: number;
  /** sample variance (n − 1 in the denominator) */
  variance: number;
}

export function sampleOf(values: number[]): Sample {
  const n = values.length;
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : 0;
  const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, variance };
}

/** t interval of a mean; none for fewer than two values. */
export function meanInterval(s: Sample): Interval | null {
  if (s.n < 2) return null;
  const half = tQuantile95(s.n - 1) * Math.sqrt(s.variance / s.n);
  return { low: s.mean - half, high: s.mean + half };
}

/** Welch's t interval for the difference of two means (after − before), unequal variances. */
export function meanChangeInterval(before: Sample, after: Sample): Interval | null {
  if (before.n < 2 || after.n < 2) return null;
  const v1 = before.variance / before.n;
  const v2 = after.variance / after.n;
  const d = after.mean - before.mean;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) return { low: d, high: d };
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (before.n - 1) + v2 ** 2 / (after.n - 1));
  const half = tQuantile95(df) * se;
  return { low: d - half, high: d + half };
}
