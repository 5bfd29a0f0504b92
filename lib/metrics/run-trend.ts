/**
 * Runs per time bucket by outcome, with the p50/p95 duration of the runs that
 * finished in the bucket. Pure: the caller fetches the (bounded) rows.
 */
import { bucketRange, bucketStart, percentile } from "./stats";

export interface TrendRun {
  status: string;
  /** ms epoch */
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface TrendPoint {
  /** Bucket start, ms epoch (UTC). */
  t: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** queued, running, paused */
  active: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface TrendSummary {
  points: TrendPoint[];
  total: number;
  finished: number;
  succeeded: number;
  /** succeeded / finished (cancelled runs included in finished); null when none finished. */
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Buckets runs by the time they were queued; durations are startedAt → finishedAt. */
export function runTrend(runs: readonly TrendRun[], from: number, to: number, bucketMs: number): TrendSummary {
  const points = new Map<number, TrendPoint & { durations: number[] }>();
  for (const t of bucketRange(from, to, bucketMs)) points.set(t, { t, succeeded: 0, failed: 0, cancelled: 0, active: 0, p50Ms: null, p95Ms: null, durations: [] });
  const all: number[] = [];
  let succeeded = 0;
  let finished = 0;
  let total = 0;
  for (const r of runs) {
    const p = points.get(bucketStart(r.queuedAt, bucketMs));
    if (!p) continue;
    total++;
    switch (r.status) {
      case "succeeded":
        p.succeeded++;
        succeeded++;
        finished++;
        break;
      case "failed":
        p.failed++;
        finished++;
        break;
      case "cancelled":
        p.cancelled++;
        finished++;
        break;
      default:
        p.active++;
    }
    if (r.startedAt !== null && r.finishedAt !== null && r.status !== "cancelled") {
      const d = r.finishedAt - r.startedAt;
      p.durations.push(d);
      all.push(d);
    }
  }
  const out: TrendPoint[] = [...points.values()].map(({ durations, ...p }) => {
    durations.sort((a, b) => a - b);
    return { ...p, p50Ms: percentile(durations, 50), p95Ms: percentile(durations, 95) };
  });
  all.sort((a, b) => a - b);
  return {
    points: out,
    total,
    finished,
    succeeded,
    successRate: finished > 0 ? succeeded / finished : null,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
  };
}
