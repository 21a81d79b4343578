import type { KCount } from './report.types';

/** A group of 1..k-1 people could identify someone: a leader sees it as suppressed (null). */
export function kCount(n: number, k: number): KCount {
  return n > 0 && n < k ? null : n;
}

/** A share over a group of fewer than k is suppressed too. */
export function kShare(numerator: number, denominator: number, k: number): number | null {
  if (denominator === 0 || denominator < k) return null;
  return round3(numerator / denominator);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
