/**
 * Data of the Overview dashboard. Every query is bounded by the time range
 * and an index (Run.queuedAt / status) or a row limit, and heavy grouping
 * happens in the database (groupBy) or over the bounded rows: it answers in
 * well under a second over 100,000 task runs on SQLite (tests/metrics).
 */
import type { Db } from "@/lib/db/prisma";
import { runTrend, type TrendSummary } from "./run-trend";
import { presetWindow, type RangeKey, type TimeWindow } from "./time-window";

export { parseRange, RANGES, type RangeKey } from "./time-window";

/** At most this many runs feed the trend; beyond it the chart says so. */
export const TREND_RUN_LIMIT = 50_000;

export interface ActiveRun {
  id: string;
  status: string;
  workflow: string;
  project: string;
  startedAt: number | null;
  stepsTotal: number;
  stepsDone: number;
}

export interface FailingStep {
  workflowId: string;
  workflow: string;
  stepId: string;
  failures: number;
}

export interface RecentFailure {
  id: string;
  workflow: string;
  project: string;
  finishedAt: number | null;
  error: string | null;
}

export interface OverviewData {
  window: TimeWindow;
  /** When it was read: what relative times and running durations are rendered against. */
  asOf: number;
  from: number;
  to: number;
  bucketMs: number;
  trend: TrendSummary;
  truncated: boolean;
  active: ActiveRun[];
  failingSteps: FailingStep[];
  recentFailures: RecentFailure[];
}

const DONE_TASK_STATES = ["succeeded", "failed", "skipped", "cancelled", "cached", "upstream_failed"] as const;

/** `window` wins over `range` (a preset ending `now`). */
export async function loadOverview(prisma: Db, opts: { range?: RangeKey; now?: number; window?: TimeWindow }): Promise<OverviewData> {
  const window = opts.window ?? presetWindow(opts.range ?? "7d", opts.now ?? Date.now());
  const { from, to, bucketMs } = window;
  const since = new Date(from);
  const until = new Date(to);
  const [runs, activeRows, failedTasks, recentFailures] = await Promise.all([
    prisma.run.findMany({ where: { queuedAt: { gte: since, lt: until } }, select: { status: true, queuedAt: true, startedAt: true, finishedAt: true }, orderBy: { queuedAt: "desc" }, take: TREND_RUN_LIMIT }),
    prisma.run.findMany({
      where: { status: { in: ["queued", "running", "paused"] } },
      orderBy: { queuedAt: "desc" },
      take: 20,
      select: { id: true, status: true, startedAt: true, workflow: { select: { name: true } }, project: { select: { slug: true } } },
    }),
    prisma.taskRun.groupBy({ by: ["runId", "stepId"], where: { status: "failed", run: { queuedAt: { gte: since, lt: until } } }, _count: { _all: true }, take: 5000, orderBy: { runId: "asc" } }),
    prisma.run.findMany({
      where: { status: "failed", queuedAt: { gte: since, lt: until } },
      orderBy: { queuedAt: "desc" },
      take: 8,
      select: { id: true, finishedAt: true, error: true, workflow: { select: { name: true } }, project: { select: { slug: true } } },
    }),
  ]);
  const ids = activeRows.map((r) => r.id);
  const [totals, done] = ids.length
    ? await Promise.all([
        prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids } }, _count: { _all: true } }),
        prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids }, status: { in: [...DONE_TASK_STATES] } }, _count: { _all: true } }),
      ])
    : [[], []];
  const totalBy = new Map(totals.map((t) => [t.runId, t._count._all]));
  const doneBy = new Map(done.map((t) => [t.runId, t._count._all]));
  return {
    window,
    asOf: Date.now(),
    from,
    to,
    bucketMs,
    trend: runTrend(
      runs.map((r) => ({ status: r.status, queuedAt: r.queuedAt.getTime(), startedAt: r.startedAt?.getTime() ?? null, finishedAt: r.finishedAt?.getTime() ?? null })),
      from,
      to,
      bucketMs,
    ),
    truncated: runs.length >= TREND_RUN_LIMIT,
    active: activeRows.map((r) => ({ id: r.id, status: r.status, workflow: r.workflow.name, project: r.project.slug, startedAt: r.startedAt?.getTime() ?? null, stepsTotal: totalBy.get(r.id) ?? 0, stepsDone: doneBy.get(r.id) ?? 0 })),
    failingSteps: await topFailingSteps(prisma, failedTasks),
    recentFailures: recentFailures.map((r) => ({ id: r.id, workflow: r.workflow.name, project: r.project.slug, finishedAt: r.finishedAt?.getTime() ?? null, error: r.error })),
  };
}

/** Folds (run, step) failure counts into (workflow, step), most failures first. */
async function topFailingSteps(prisma: Db, rows: { runId: string; stepId: string; _count: { _all: number } }[]): Promise<FailingStep[]> {
  if (rows.length === 0) return [];
  const runIds = [...new Set(rows.map((r) => r.runId))];
  const runs = await prisma.run.findMany({ where: { id: { in: runIds } }, select: { id: true, workflowId: true, workflow: { select: { name: true } } } });
  const wfOf = new Map(runs.map((r) => [r.id, r]));
  const counts = new Map<string, FailingStep>();
  for (const row of rows) {
    const run = wfOf.get(row.runId);
    if (!run) continue;
    const key = `${run.workflowId}\u0000${row.stepId}`;
    const c = counts.get(key) ?? { workflowId: run.workflowId, workflow: run.workflow.name, stepId: row.stepId, failures: 0 };
    c.failures += row._count._all;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.failures - a.failures || a.stepId.localeCompare(b.stepId)).slice(0, 8);
}
