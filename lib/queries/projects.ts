import "server-only";
import { db } from "./db";

export interface ProjectRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  status: string;
  workflowCount: number;
  lastRun: { status: string; queuedAt: Date } | null;
  /** Succeeded / finished runs over the last 7 days; null without finished runs. */
  successRate7d: number | null;
}

export interface ProjectListQuery {
  q?: string;
  /** Default: everything but archived. */
  status?: "active" | "paused" | "archived" | "all";
  sort?: "name" | "last-run" | "success-rate";
  page?: number;
  pageSize?: number;
}

/** Projects for the list page: search, status filter, sort and pagination. */
export async function listProjects(query: ProjectListQuery = {}): Promise<{ rows: ProjectRow[]; total: number; page: number; pages: number }> {
  const prisma = db();
  const status = query.status ?? "default";
  const projects = await prisma.project.findMany({
    where: {
      ...(status === "default" ? { status: { not: "archived" as const } } : status === "all" ? {} : { status }),
      ...(query.q ? { OR: [{ name: { contains: query.q } }, { slug: { contains: query.q.toLowerCase() } }] } : {}),
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      status: true,
      _count: { select: { workflows: { where: { archived: false } } } },
      runs: { orderBy: { queuedAt: "desc" }, take: 1, select: { status: true, queuedAt: true } },
    },
  });
  const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const outcomes = projects.length
    ? await prisma.run.groupBy({
        by: ["projectId", "status"],
        where: { projectId: { in: projects.map((p) => p.id) }, queuedAt: { gte: since }, status: { in: ["succeeded", "failed", "cancelled"] } },
        _count: { _all: true },
      })
    : [];
  const rate = new Map<string, { ok: number; all: number }>();
  for (const o of outcomes) {
    const r = rate.get(o.projectId) ?? { ok: 0, all: 0 };
    r.all += o._count._all;
    if (o.status === "succeeded") r.ok += o._count._all;
    rate.set(o.projectId, r);
  }
  const rows: ProjectRow[] = projects.map((p) => {
    const r = rate.get(p.id);
    return {
      id: p.id,
      name: p.name,
      slug: p.slug,
      description: p.description,
      status: p.status,
      workflowCount: p._count.workflows,
      lastRun: p.runs[0] ?? null,
      successRate7d: r && r.all > 0 ? r.ok / r.all : null,
    };
  });
  if (query.sort === "last-run") rows.sort((a, b) => (b.lastRun?.queuedAt.getTime() ?? 0) - (a.lastRun?.queuedAt.getTime() ?? 0));
  if (query.sort === "success-rate") rows.sort((a, b) => (b.successRate7d ?? -1) - (a.successRate7d ?? -1));
  const pageSize = query.pageSize ?? 25;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(query.page ?? 1, pages);
  return { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pages };
}

/** A project with its direct dependencies both ways (id, name, slug, status). */
export async function getProjectBySlug(slug: string) {
  return db().project.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      status: true,
      version: true,
      workingDir: true,
      createdAt: true,
      updatedAt: true,
      dependsOn: { select: { dependsOn: { select: { id: true, name: true, slug: true, status: true } } }, orderBy: { createdAt: "asc" } },
      dependents: { select: { project: { select: { id: true, name: true, slug: true, status: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export interface WorkflowRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  latestVersion: number;
  stepCount: number;
  lastRun: { id: string; status: string; queuedAt: Date } | null;
}

export async function listWorkflows(projectId: string): Promise<WorkflowRow[]> {
  const rows = await db().workflow.findMany({
    where: { projectId, archived: false },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, definition: true } },
      runs: { orderBy: { queuedAt: "desc" }, take: 1, select: { id: true, status: true, queuedAt: true } },
    },
  });
  return rows.map((w) => {
    const latest = w.versions[0];
    const steps = (latest?.definition as { steps?: unknown[] } | null)?.steps;
    return {
      id: w.id,
      name: w.name,
      slug: w.slug,
      description: w.description,
      latestVersion: latest?.number ?? 0,
      stepCount: Array.isArray(steps) ? steps.length : 0,
      lastRun: w.runs[0] ?? null,
    };
  });
}

export async function getWorkflow(projectSlug: string, workflowSlug: string) {
  return db().workflow.findFirst({
    where: { slug: workflowSlug, project: { slug: projectSlug } },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      project: { select: { id: true, name: true, slug: true, status: true, workingDir: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, definition: true, source: true, createdAt: true },
      },
    },
  });
}

/** Projects `projectId` could come to depend on: not archived, not itself, not already a dependency. */
export async function dependencyCandidates(projectId: string, exclude: readonly string[]) {
  return db().project.findMany({
    where: { status: { not: "archived" }, id: { notIn: [projectId, ...exclude] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, status: true },
  });
}
