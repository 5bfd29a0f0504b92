import "server-only";
import { runTrend, type TrendPoint } from "@/lib/metrics/run-trend";
import { findStuckRuns, type StuckRun } from "@/lib/health/stuck-runs";
import type { WorkflowRow } from "./projects";
import { db } from "./db";

const DAY_MS = 86_400_000;
export const TREND_DAYS = 14;
/** Bound on the runs read for the trend: more than enough for 14 days of a project. */
const TREND_MAX_RUNS = 50_000;

export interface ProjectTrend {
  /** One point per UTC day, oldest first. */
  points: (TrendPoint & { successRate: number | null })[];
  total: number;
  finished: number;
  successRate: number | null;
  p50Ms: number | null;
}

/** Success rate and p50/p95 duration per day over the last 14 days, from the project's runs. */
export async function projectTrend(projectId: string, now = Date.now()): Promise<ProjectTrend> {
  const to = now + 1;
  const from = Math.floor(now / DAY_MS) * DAY_MS - (TREND_DAYS - 1) * DAY_MS;
  const runs = await db().run.findMany({
    where: { projectId, queuedAt: { gte: new Date(from) } },
    select: { status: true, queuedAt: true, startedAt: true, finishedAt: true },
    orderBy: { queuedAt: "desc" },
    take: TREND_MAX_RUNS,
  });
  const summary = runTrend(
    runs.map((r) => ({ status: r.status, queuedAt: r.queuedAt.getTime(), startedAt: r.startedAt?.getTime() ?? null, finishedAt: r.finishedAt?.getTime() ?? null })),
    from,
    to,
    DAY_MS,
  );
  return {
    points: summary.points.map((p) => {
      const done = p.succeeded + p.failed + p.cancelled;
      return { ...p, successRate: done > 0 ? p.succeeded / done : null };
    }),
    total: summary.total,
    finished: summary.finished,
    successRate: summary.successRate,
    p50Ms: summary.p50Ms,
  };
}

export interface ProjectHealth {
  status: "healthy" | "degraded";
  failingWorkflows: { name: string; slug: string; runId: string; at: Date }[];
  stuckRuns: StuckRun[];
  activeRuns: number;
}

/** Failing workflows (their last run failed) and stuck runs (lib/health's definition) of one project. */
export async function projectHealth(projectId: string, workflows: readonly WorkflowRow[], now = Date.now()): Promise<ProjectHealth> {
  const failingWorkflows = workflows
    .filter((w) => w.lastRun?.status === "failed")
    .map((w) => ({ name: w.name, slug: w.slug, runId: w.lastRun!.id, at: w.lastRun!.queuedAt }));
  const { active, stuck } = await findStuckRuns(db(), now, { projectId });
  return { status: failingWorkflows.length || stuck.length ? "degraded" : "healthy", failingWorkflows, stuckRuns: stuck, activeRuns: active };
}
