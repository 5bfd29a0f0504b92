import type { MetricPoint } from "./step-types";

/** Keeps at most `max` points, each the peak of its bucket, so spikes survive thinning. */
export function thinSamples(points: readonly MetricPoint[], max = 400): MetricPoint[] {
  if (points.length <= max) return points.slice();
  const size = Math.ceil(points.length / max);
  const out: MetricPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    let cpu = 0;
    let rss = 0;
    for (let j = i; j < Math.min(points.length, i + size); j++) {
      cpu = Math.max(cpu, points[j]!.cpuPercent);
      rss = Math.max(rss, points[j]!.rssMb);
    }
    out.push({ ts: points[i]!.ts, cpuPercent: cpu, rssMb: rss });
  }
  return out;
}
