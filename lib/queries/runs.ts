import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { RUN_RANGE_FILTERS, type RunsFilter } from "@/lib/validations/live-runs";
import { db } from "./db";

export interface RunRow {
  id: string;
  status: string;
  trigger: string;
  /** Email of the user who started it, or the label recorded ("cli" …). */
  triggeredBy: string | null;
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

const ROW_SELECT = {
  id: true,
  status: true,
  trigger: true,
  triggeredById: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  workflow: { select: { name: true, slug: true } },
  project: { select: { name: true, slug: true } },
  workflowVersion: { select: { number: true } },
} satisfies Prisma.RunSelect;

type SelectedRun = Prisma.RunGetPayload<{ select: typeof ROW_SELECT }>;

/** Step counts and starter emails for a page of runs: two grouped queries and one lookup, whatever the page size. */
async function toRows(runs: SelectedRun[]): Promise<RunRow[]> {
  if (runs.length === 0) return [];
  const prisma = db();
  const ids = runs.map((r) => r.id);
  const starters = [...new Set(runs.map((r) => r.triggeredById).filter((x): x is string => !!x))];
  const [totals, done, users] = await Promise.all([
    prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids } }, _count: { _all: true } }),
    prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids }, status: { in: [...FINISHED_TASK_STATES] } }, _count: { _all: true } }),
    starters.length ? prisma.user.findMany({ where: { id: { in: starters } }, select: { id: true, email: true } }) : Promise.resolve([]),
  ]);
  const totalBy = new Map(totals.map((t) => [t.runId, t._count._all]));
  const doneBy = new Map(done.map((t) => [t.runId, t._count._all]));
  const emailBy = new Map(users.map((u) => [u.id, u.email]));
  return runs.map((r) => ({
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    triggeredBy: r.triggeredById ? (emailBy.get(r.triggeredById) ?? r.triggeredById) : null,
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

/** The most recent runs, optionally of one project or workflow, newest first. */
export async function listRuns(opts: { projectId?: string; workflowId?: string; take?: number } = {}): Promise<RunRow[]> {
  const runs = await db().run.findMany({
    where: { projectId: opts.projectId, workflowId: opts.workflowId },
    orderBy: { queuedAt: "desc" },
    take: opts.take ?? 50,
    select: ROW_SELECT,
  });
  return toRows(runs);
}

export const RUNS_PAGE_SIZE = 25;

export interface RunsPage {
  rows: RunRow[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  /** When it was read: the "now" relative times are rendered against. */
  asOf: number;
}

/** One page of runs, newest (or oldest) first, filtered by project slug, workflow id, status, trigger and age. */
export async function listRunsPage(filter: RunsFilter, pageSize = RUNS_PAGE_SIZE): Promise<RunsPage> {
  const prisma = db();
  const asOf = Date.now();
  const where: Prisma.RunWhereInput = {
    ...(filter.range ? { queuedAt: { gte: new Date(asOf - RUN_RANGE_FILTERS[filter.range]) } } : {}),
    ...(filter.project ? { project: { slug: filter.project } } : {}),
    ...(filter.workflow ? { workflowId: filter.workflow } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.trigger ? { trigger: filter.trigger } : {}),
  };
  const total = await prisma.run.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const dir = filter.order === "oldest" ? "asc" : "desc";
  const runs = await prisma.run.findMany({ where, orderBy: [{ queuedAt: dir }, { id: dir }], skip: (page - 1) * pageSize, take: pageSize, select: ROW_SELECT });
  return { rows: await toRows(runs), total, page, pageSize, pages, asOf };
}

export interface RunFilterOptions {
  projects: { slug: string; name: string }[];
  workflows: { id: string; name: string; projectSlug: string }[];
}

/** Choices of the runs list's project and workflow filters. */
export async function runFilterOptions(): Promise<RunFilterOptions> {
  const prisma = db();
  const [projects, workflows] = await Promise.all([
    prisma.project.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    prisma.workflow.findMany({ orderBy: [{ name: "asc" }], select: { id: true, name: true, project: { select: { slug: true } } } }),
  ]);
  return { projects, workflows: workflows.map((w) => ({ id: w.id, name: w.name, projectSlug: w.project.slug })) };
}

/** Run counts by status (all time). */
export async function runCountsByStatus(): Promise<Record<string, number>> {
  const rows = await db().run.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}
