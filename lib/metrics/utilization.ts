/**
 * Pool utilization over time from allocation intervals: the amount held at
 * every moment is a step function; each bucket reports its time-weighted mean
 * and its peak, and a bucket is "saturated" when the peak reached capacity.
 */

export interface Interval {
  amount: number;
  /** ms epoch */
  start: number;
  /** ms epoch; null = still held */
  end: number | null;
}

export interface UtilizationPoint {
  /** Bucket start, ms epoch. */
  t: number;
  /** Time-weighted mean amount held during the bucket. */
  mean: number;
  /** Highest amount held at any moment of the bucket. */
  peak: number;
}

/**
 * Integrates intervals over [from, to) in buckets of `bucketMs`. Open
 * intervals are treated as held until `to`.
 */
export function utilizationSeries(intervals: readonly Interval[], from: number, to: number, bucketMs: number): UtilizationPoint[] {
  const points: UtilizationPoint[] = [];
  if (to <= from || bucketMs <= 0) return points;
  // Sweep over change events: +amount at start, -amount at end.
  const events: [number, number][] = [];
  for (const iv of intervals) {
    const s = Math.max(iv.start, from);
    const e = Math.min(iv.end ?? to, to);
    if (e <= s) continue;
    events.push([s, iv.amount], [e, -iv.amount]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let level = 0;
  let i = 0;
  // Intervals are clamped to the window, so the sweep starts at level 0.
  for (let b = from; b < to; b += bucketMs) {
    const bEnd = Math.min(b + bucketMs, to);
    // Changes exactly at the bucket start belong to this bucket's opening level.
    while (i < events.length && events[i]![0] <= b) level += events[i++]![1];
    let area = 0;
    let peak = level;
    let cursor = b;
    while (i < events.length && events[i]![0] < bEnd) {
      const [t, delta] = events[i]!;
      area += level * (Math.max(t, cursor) - cursor);
      cursor = Math.max(t, cursor);
      level += delta;
      if (level > peak) peak = level;
      i++;
    }
    area += level * (bEnd - cursor);
    points.push({ t: b, mean: round(area / (bEnd - b)), peak: round(peak) });
  }
  return points;
}

/** Total time (ms) during which the held amount was at or above `capacity`. */
export function saturatedMs(intervals: readonly Interval[], from: number, to: number, capacity: number): number {
  if (capacity <= 0) return 0;
  const events: [number, number][] = [];
  for (const iv of intervals) {
    const s = Math.max(iv.start, from);
    const e = Math.min(iv.end ?? to, to);
    if (e > s) events.push([s, iv.amount], [e, -iv.amount]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let level = 0;
  let last = from;
  let total = 0;
  for (const [t, delta] of events) {
    if (level >= capacity - 1e-9) total += t - last;
    last = t;
    level += delta;
  }
  return total;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
