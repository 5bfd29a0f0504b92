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
}

/** Projects for the list page; archived ones only when asked for. */
export async function listProjects(opts: { includeArchived?: boolean } = {}): Promise<ProjectRow[]> {
  const prisma = db();
  const projects = await prisma.project.findMany({
    where: opts.includeArchived ? {} : { status: { not: "archived" } },
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
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
    status: p.status,
    workflowCount: p._count.workflows,
    lastRun: p.runs[0] ?? null,
  }));
}

export async function getProjectBySlug(slug: string) {
  return db().project.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, description: true, status: true, workingDir: true, createdAt: true, updatedAt: true },
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
