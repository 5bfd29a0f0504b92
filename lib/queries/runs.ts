import "server-only";
import { db } from "./db";

export interface RunRow {
  id: string;
  status: string;
  trigger: string;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  workflowName: string;
  workflowSlug: string;
  projectName: string;
  projectSlug: string;
  versionNumber: number;
  stepsTotal: number;
  stepsDone: number;
}

const FINISHED_TASK_STATES = ["succeeded", "failed", "skipped", "cancelled", "cached", "upstream_failed"] as const;

/** The most recent runs, optionally of one project or workflow, newest first. */
export async function listRuns(opts: { projectId?: string; workflowId?: string; take?: number } = {}): Promise<RunRow[]> {
  const prisma = db();
  const runs = await prisma.run.findMany({
    where: { projectId: opts.projectId, workflowId: opts.workflowId },
    orderBy: { queuedAt: "desc" },
    take: opts.take ?? 50,
    select: {
      id: true,
      status: true,
      trigger: true,
      queuedAt: true,
      startedAt: true,
      finishedAt: true,
      workflow: { select: { name: true, slug: true } },
      project: { select: { name: true, slug: true } },
      workflowVersion: { select: { number: true } },
    },
  });
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const [totals, done] = await Promise.all([
    prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids } }, _count: { _all: true } }),
    prisma.taskRun.groupBy({
      by: ["runId"],
      where: { runId: { in: ids }, status: { in: [...FINISHED_TASK_STATES] } },
      _count: { _all: true },
    }),
  ]);
  const totalBy = new Map(totals.map((t) => [t.runId, t._count._all]));
  const doneBy = new Map(done.map((t) => [t.runId, t._count._all]));
  return runs.map((r) => ({
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    queuedAt: r.queuedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    workflowName: r.workflow.name,
    workflowSlug: r.workflow.slug,
    projectName: r.project.name,
    projectSlug: r.project.slug,
    versionNumber: r.workflowVersion.number,
    stepsTotal: totalBy.get(r.id) ?? 0,
    stepsDone: doneBy.get(r.id) ?? 0,
  }));
}

/** Run counts by status (all time). */
export async function runCountsByStatus(): Promise<Record<string, number>> {
  const rows = await db().run.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}
