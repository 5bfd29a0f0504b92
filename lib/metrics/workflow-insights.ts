/**
 * Data of the workflow report page: the last `limit` runs with regression
 * markers, per-step statistics and bottlenecks, and queue wait per pool.
 * Four bounded, indexed queries (runs by workflowId+queuedAt, then their
 * steps, attempts and allocations by runId).
 */
import type { Db } from "@/lib/db/prisma";
import { waitByPool, type PoolWait } from "./pool-wait";
import { detectRegressions, percentile } from "./stats";
import { bottlenecks, stepStats, type StepStatsRow } from "./step-stats";

export interface InsightRun {
  id: string;
  version: number;
  status: string;
  /** ms epoch */
  queuedAt: number;
  durationMs: number | null;
  queueWaitMs: number | null;
  regression: boolean;
}

export interface WorkflowInsights {
  runs: InsightRun[];
  steps: StepStatsRow[];
  bottlenecks: StepStatsRow[];
  poolWaits: PoolWait[];
  summary: { runs: number; succeeded: number; failed: number; p50Ms: number | null; p95Ms: number | null; totalRunMs: number; totalQueueWaitMs: number };
}

interface RunMetricsJson {
  makespanMs?: number;
  criticalPath?: string[];
  totalQueueWaitMs?: number;
}

const span = (a: Date | null, b: Date | null) => (a && b ? b.getTime() - a.getTime() : null);

export async function loadWorkflowInsights(prisma: Db, opts: { workflowId: string; limit?: number }): Promise<WorkflowInsights | null> {
  const runs = await prisma.run.findMany({
    where: { workflowId: opts.workflowId },
    orderBy: { queuedAt: "desc" },
    take: opts.limit ?? 200,
    select: { id: true, status: true, queuedAt: true, startedAt: true, finishedAt: true, metrics: true, workflowVersion: { select: { number: true } } },
  });
  if (runs.length === 0) return null;
  runs.reverse(); // chronological
  const ids = runs.map((r) => r.id);
  const [tasks, attempts, allocations] = await Promise.all([
    prisma.taskRun.findMany({ where: { runId: { in: ids } }, select: { id: true, runId: true, stepId: true, status: true, startedAt: true, finishedAt: true, cpuSeconds: true, peakMemoryMb: true } }),
    prisma.taskAttempt.findMany({ where: { runId: { in: ids } }, select: { taskRunId: true, attempt: true, queuedAt: true } }),
    prisma.resourceAllocation.findMany({ where: { runId: { in: ids } }, select: { poolName: true, taskRunId: true, attempt: true, acquiredAt: true } }),
  ]);
  const readyAt = new Map(attempts.map((a) => [`${a.taskRunId}#${a.attempt}`, a.queuedAt.getTime()]));
  const counted = runs.filter((r) => r.status !== "cancelled");
  const durations = counted.map((r) => (r.status === "succeeded" || r.status === "failed" ? span(r.startedAt, r.finishedAt) : null));
  const flags = detectRegressions(durations);
  const regressionOf = new Map(counted.map((r, i) => [r.id, flags[i] ?? false]));
  const paths = runs.flatMap((r) => {
    const m = (r.metrics ?? null) as RunMetricsJson | null;
    return m?.criticalPath && typeof m.makespanMs === "number" && r.finishedAt ? [{ runId: r.id, makespanMs: m.makespanMs, criticalPath: m.criticalPath }] : [];
  });
  const steps = stepStats(
    tasks.map((t) => ({ runId: t.runId, stepId: t.stepId, status: t.status, durationMs: span(t.startedAt, t.finishedAt), cpuSeconds: t.cpuSeconds, peakMemoryMb: t.peakMemoryMb })),
    paths,
  ).sort((a, b) => (b.p95Ms ?? -1) - (a.p95Ms ?? -1));
  const finishedDurations = durations.filter((d): d is number => d !== null).sort((a, b) => a - b);
  const outRuns: InsightRun[] = runs.map((r) => ({
    id: r.id,
    version: r.workflowVersion.number,
    status: r.status,
    queuedAt: r.queuedAt.getTime(),
    durationMs: span(r.startedAt, r.finishedAt),
    queueWaitMs: ((r.metrics ?? null) as RunMetricsJson | null)?.totalQueueWaitMs ?? null,
    regression: regressionOf.get(r.id) ?? false,
  }));
  return {
    runs: outRuns,
    steps,
    bottlenecks: bottlenecks(steps),
    poolWaits: waitByPool(
      allocations.flatMap((a) => {
        const ready = readyAt.get(`${a.taskRunId}#${a.attempt}`);
        return ready === undefined ? [] : [{ poolName: a.poolName, readyAt: ready, acquiredAt: a.acquiredAt.getTime() }];
      }),
    ),
    summary: {
      runs: runs.length,
      succeeded: runs.filter((r) => r.status === "succeeded").length,
      failed: runs.filter((r) => r.status === "failed").length,
      p50Ms: percentile(finishedDurations, 50),
      p95Ms: percentile(finishedDurations, 95),
      totalRunMs: finishedDurations.reduce((a, b) => a + b, 0),
      totalQueueWaitMs: outRuns.reduce((a, r) => a + (r.queueWaitMs ?? 0), 0),
    },
  };
}
