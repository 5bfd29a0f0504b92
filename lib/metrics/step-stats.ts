/**
 * Per-step statistics across runs of one workflow: duration percentiles,
 * failure rate, CPU seconds and peak memory, and how often (and how much of
 * the makespan) the step was on the critical path. Pure.
 */
import { percentile, share } from "./stats";

export interface StepSample {
  runId: string;
  stepId: string;
  status: string;
  durationMs: number | null;
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
}

export interface RunPath {
  runId: string;
  makespanMs: number;
  criticalPath: readonly string[];
}

export interface StepStatsRow {
  stepId: string;
  runs: number;
  failures: number;
  failureRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  meanCpuSeconds: number | null;
  maxPeakMemoryMb: number | null;
  /** Share of runs (with metrics) in which the step was on the critical path. */
  criticalShare: number;
  /** Time on the critical path / total makespan of the runs considered. */
  makespanShare: number;
}

export function stepStats(samples: readonly StepSample[], paths: readonly RunPath[]): StepStatsRow[] {
  const by = new Map<string, { durations: number[]; runs: number; failures: number; cpu: number[]; mem: number | null }>();
  const durationOf = new Map<string, number>();
  for (const s of samples) {
    const acc = by.get(s.stepId) ?? { durations: [], runs: 0, failures: 0, cpu: [], mem: null };
    acc.runs++;
    if (s.status === "failed") acc.failures++;
    // Cached steps did not run: their duration says nothing about the step.
    if (s.durationMs !== null && s.status !== "cached") acc.durations.push(s.durationMs);
    if (s.cpuSeconds !== null) acc.cpu.push(s.cpuSeconds);
    if (s.peakMemoryMb !== null) acc.mem = Math.max(acc.mem ?? 0, s.peakMemoryMb);
    by.set(s.stepId, acc);
    if (s.durationMs !== null) durationOf.set(`${s.runId}\u0000${s.stepId}`, s.durationMs);
  }
  const onPath = new Map<string, { count: number; ms: number }>();
  let totalMakespan = 0;
  for (const p of paths) {
    totalMakespan += p.makespanMs;
    for (const stepId of new Set(p.criticalPath)) {
      const c = onPath.get(stepId) ?? { count: 0, ms: 0 };
      c.count++;
      c.ms += durationOf.get(`${p.runId}\u0000${stepId}`) ?? 0;
      onPath.set(stepId, c);
    }
  }
  return [...by.entries()].map(([stepId, a]) => {
    const sorted = a.durations.sort((x, y) => x - y);
    const c = onPath.get(stepId);
    return {
      stepId,
      runs: a.runs,
      failures: a.failures,
      failureRate: share(a.failures, a.runs),
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      meanCpuSeconds: a.cpu.length ? round(a.cpu.reduce((x, y) => x + y, 0) / a.cpu.length) : null,
      maxPeakMemoryMb: a.mem === null ? null : round(a.mem),
      criticalShare: share(c?.count ?? 0, paths.length),
      makespanShare: share(c?.ms ?? 0, totalMakespan),
    };
  });
}

/** Steps ranked by how much of the makespan they account for on the critical path. */
export function bottlenecks(rows: readonly StepStatsRow[], limit = 5): StepStatsRow[] {
  return [...rows].filter((r) => r.criticalShare > 0).sort((a, b) => b.makespanShare - a.makespanShare || b.criticalShare - a.criticalShare).slice(0, limit);
}

const round = (n: number) => Math.round(n * 100) / 100;
