/**
 * Pure aggregation helpers for the dashboards and reports: percentiles,
 * time buckets, regression detection. No I/O; every function is unit-tested
 * on hand-computed cases (stats.test.ts).
 */

/** Nearest-rank percentile of ascending-sorted values (p in 0..100); null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of unsorted values (nearest-rank p50). */
export function median(values: readonly number[]): number | null {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Start of the UTC bucket (hour or day) containing `t`. */
export function bucketStart(t: number, bucketMs: number): number {
  return Math.floor(t / bucketMs) * bucketMs;
}

/** Start of every bucket that overlaps [from, to). */
export function bucketRange(from: number, to: number, bucketMs: number): number[] {
  const out: number[] = [];
  for (let b = bucketStart(from, bucketMs); b < to; b += bucketMs) out.push(b);
  return out;
}

/** A run counts as a regression when it took more than `factor` × the median of the previous `window` runs. */
export interface RegressionOptions {
  factor?: number;
  window?: number;
  /** Fewer previous runs than this: no verdict. */
  minHistory?: number;
}

/**
 * Flags each duration (chronological order; null = unfinished) that is much
 * slower than the median of the finished runs before it.
 */
export function detectRegressions(durations: readonly (number | null)[], opts: RegressionOptions = {}): boolean[] {
  const factor = opts.factor ?? 1.5;
  const window = opts.window ?? 10;
  const minHistory = opts.minHistory ?? 3;
  const history: number[] = [];
  return durations.map((d) => {
    if (d === null) return false;
    const prev = history.slice(-window);
    const m = prev.length >= minHistory ? median(prev) : null;
    history.push(d);
    return m !== null && d > m * factor;
  });
}

/** Share (0..1) of `part` in `whole`, 0 when whole is 0. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
