/**
 * Performance reports of a run or of a workflow, from recorded data only
 * (runs, steps, attempts): durations, queue waits, CPU and memory, the
 * critical path, and per-step statistics across runs. Rendering to CSV,
 * JSON and HTML lives in render-report.ts. Plain module.
 */
import { getPrisma } from "@/lib/db/prisma";
import { fail, iso, ok, type ServiceResult } from "@/lib/service-result";
import { detectRegressions } from "@/lib/metrics/stats";
import { stepStats as computeStepStats } from "@/lib/metrics/step-stats";

export interface RunReportStep {
  stepId: string;
  status: string;
  attempts: number;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** Time ready but not admitted (all attempts). */
  waitMs: number;
  exitCode: number | null;
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
  onCriticalPath: boolean;
  error: string | null;
}

export interface RunReport {
  kind: "run";
  generatedAt: string;
  run: {
    id: string;
    workflow: string;
    project: string;
    version: number;
    status: string;
    trigger: string;
    startedAt: string | null;
    finishedAt: string | null;
    durationMs: number | null;
    criticalPath: string[];
    criticalPathMs: number | null;
    meanParallelism: number | null;
    totalQueueWaitMs: number | null;
  };
  steps: RunReportStep[];
}

export interface WorkflowReportRun {
  id: string;
  version: number;
  status: string;
  trigger: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  steps: number;
  failedSteps: number;
  /** Much slower than the median of the runs before it (lib/metrics/stats detectRegressions). */
  regression: boolean;
}

export interface StepStats {
  stepId: string;
  runs: number;
  failures: number;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** Share of runs in which the step was on the critical path. */
  criticalShare: number;
  failureRate: number;
  /** Its time on the critical path / the total makespan of the runs: how much of the wall time it accounts for. */
  makespanShare: number;
  meanCpuSeconds: number | null;
  maxPeakMemoryMb: number | null;
}

export interface WorkflowReport {
  kind: "workflow";
  generatedAt: string;
  workflow: { id: string; name: string; project: string };
  summary: { runs: number; succeeded: number; failed: number; cancelled: number; successRate: number | null; p50Ms: number | null; p95Ms: number | null };
  runs: WorkflowReportRun[];
  steps: StepStats[];
}

export type Report = RunReport | WorkflowReport;

const ms = (a: Date | null, b: Date | null): number | null => (a && b ? b.getTime() - a.getTime() : null);

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

interface Metrics {
  makespanMs?: number;
  criticalPath?: string[];
  criticalPathMs?: number;
  meanParallelism?: number;
  totalQueueWaitMs?: number;
}

export async function buildRunReport(runId: string): Promise<ServiceResult<RunReport>> {
  const prisma = getPrisma();
  const run = await prisma.run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      status: true,
      trigger: true,
      startedAt: true,
      finishedAt: true,
      metrics: true,
      workflow: { select: { name: true } },
      project: { select: { slug: true } },
      workflowVersion: { select: { number: true, definition: true } },
      tasks: { select: { stepId: true, status: true, attempt: true, queuedAt: true, startedAt: true, finishedAt: true, exitCode: true, cpuSeconds: true, peakMemoryMb: true, error: true } },
      attempts: { select: { stepId: true, queuedAt: true, startedAt: true } },
    },
  });
  if (!run) return fail(404, `No run with the id "${runId}".`);
  const metrics = (run.metrics ?? {}) as Metrics;
  const critical = new Set(metrics.criticalPath ?? []);
  const order = new Map((((run.workflowVersion.definition as { steps?: { id: string }[] }).steps ?? []).map((s, i) => [s.id, i])));
  const wait = new Map<string, number>();
  for (const a of run.attempts) wait.set(a.stepId, (wait.get(a.stepId) ?? 0) + Math.max(0, a.startedAt.getTime() - a.queuedAt.getTime()));
  const steps = [...run.tasks]
    .sort((a, b) => (order.get(a.stepId) ?? 1e9) - (order.get(b.stepId) ?? 1e9))
    .map((t) => ({
      stepId: t.stepId,
      status: t.status,
      attempts: t.attempt,
      queuedAt: iso(t.queuedAt),
      startedAt: iso(t.startedAt),
      finishedAt: iso(t.finishedAt),
      durationMs: ms(t.startedAt, t.finishedAt),
      waitMs: wait.get(t.stepId) ?? 0,
      exitCode: t.exitCode,
      cpuSeconds: t.cpuSeconds,
      peakMemoryMb: t.peakMemoryMb,
      onCriticalPath: critical.has(t.stepId),
      error: t.error,
    }));
  return ok({
    kind: "run",
    generatedAt: new Date().toISOString(),
    run: {
      id: run.id,
      workflow: run.workflow.name,
      project: run.project.slug,
      version: run.workflowVersion.number,
      status: run.status,
      trigger: run.trigger,
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
      durationMs: ms(run.startedAt, run.finishedAt),
      criticalPath: metrics.criticalPath ?? [],
      criticalPathMs: metrics.criticalPathMs ?? null,
      meanParallelism: metrics.meanParallelism ?? null,
      totalQueueWaitMs: metrics.totalQueueWaitMs ?? null,
    },
    steps,
  });
}

export async function buildWorkflowReport(workflowId: string, opts: { limit?: number } = {}): Promise<ServiceResult<WorkflowReport>> {
  const prisma = getPrisma();
  const wf = await prisma.workflow.findUnique({ where: { id: workflowId }, select: { id: true, name: true, project: { select: { slug: true } } } });
  if (!wf) return fail(404, "No workflow with this id.");
  const runs = await prisma.run.findMany({
    where: { workflowId },
    orderBy: { queuedAt: "desc" },
    take: opts.limit ?? 100,
    select: {
      id: true,
      status: true,
      trigger: true,
      startedAt: true,
      finishedAt: true,
      metrics: true,
      workflowVersion: { select: { number: true } },
      tasks: { select: { stepId: true, status: true, startedAt: true, finishedAt: true, cpuSeconds: true, peakMemoryMb: true } },
    },
  });
  const extra = new Map(
    computeStepStats(
      runs.flatMap((r) => r.tasks.map((t) => ({ runId: r.id, stepId: t.stepId, status: t.status, durationMs: ms(t.startedAt, t.finishedAt), cpuSeconds: t.cpuSeconds, peakMemoryMb: t.peakMemoryMb }))),
      runs.flatMap((r) => {
        const m = (r.metrics ?? {}) as Metrics;
        return m.criticalPath && typeof m.makespanMs === "number" ? [{ runId: r.id, makespanMs: m.makespanMs, criticalPath: m.criticalPath }] : [];
      }),
    ).map((x) => [x.stepId, x]),
  );
  // Runs are newest first; regressions are judged against the runs before, in time order.
  const chrono = [...runs].reverse();
  const flags = detectRegressions(chrono.map((r) => (r.status === "succeeded" || r.status === "failed" ? ms(r.startedAt, r.finishedAt) : null)));
  const regression = new Map(chrono.map((r, i) => [r.id, flags[i] ?? false]));
  const byStep = new Map<string, { durations: number[]; runs: number; failures: number; critical: number }>();
  for (const r of runs) {
    const critical = new Set(((r.metrics ?? {}) as Metrics).criticalPath ?? []);
    for (const t of r.tasks) {
      const s = byStep.get(t.stepId) ?? { durations: [], runs: 0, failures: 0, critical: 0 };
      s.runs += 1;
      if (t.status === "failed") s.failures += 1;
      if (critical.has(t.stepId)) s.critical += 1;
      const d = ms(t.startedAt, t.finishedAt);
      if (d !== null && t.status !== "cached") s.durations.push(d);
      byStep.set(t.stepId, s);
    }
  }
  const steps: StepStats[] = [...byStep.entries()]
    .map(([stepId, s]) => {
      const sorted = [...s.durations].sort((a, b) => a - b);
      return {
        stepId,
        runs: s.runs,
        failures: s.failures,
        meanMs: sorted.length ? Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length) : null,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        maxMs: sorted.at(-1) ?? null,
        criticalShare: s.runs ? s.critical / s.runs : 0,
        failureRate: s.runs ? s.failures / s.runs : 0,
        makespanShare: extra.get(stepId)?.makespanShare ?? 0,
        meanCpuSeconds: extra.get(stepId)?.meanCpuSeconds ?? null,
        maxPeakMemoryMb: extra.get(stepId)?.maxPeakMemoryMb ?? null,
      };
    })
    .sort((a, b) => (b.p95Ms ?? -1) - (a.p95Ms ?? -1));
  const finished = runs.filter((r) => r.status === "succeeded" || r.status === "failed" || r.status === "cancelled");
  const durations = finished.map((r) => ms(r.startedAt, r.finishedAt)).filter((d): d is number => d !== null).sort((a, b) => a - b);
  const count = (s: string) => runs.filter((r) => r.status === s).length;
  return ok({
    kind: "workflow",
    generatedAt: new Date().toISOString(),
    workflow: { id: wf.id, name: wf.name, project: wf.project.slug },
    summary: {
      runs: runs.length,
      succeeded: count("succeeded"),
      failed: count("failed"),
      cancelled: count("cancelled"),
      successRate: finished.length ? count("succeeded") / finished.length : null,
      p50Ms: percentile(durations, 50),
      p95Ms: percentile(durations, 95),
    },
    runs: runs.map((r) => ({
      id: r.id,
      version: r.workflowVersion.number,
      status: r.status,
      trigger: r.trigger,
      startedAt: iso(r.startedAt),
      finishedAt: iso(r.finishedAt),
      durationMs: ms(r.startedAt, r.finishedAt),
      steps: r.tasks.length,
      failedSteps: r.tasks.filter((t) => t.status === "failed").length,
      regression: regression.get(r.id) ?? false,
    })),
    steps,
  });
}
