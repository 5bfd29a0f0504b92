/**
 * Workflows for the REST API and the CLI (plain module): listing with each
 * workflow's project, step count and last run; versions; and resolving the
 * name a person typed ("deploy", "Deploy Site", an id) to one workflow.
 */
import { getPrisma } from "@/lib/db/prisma";
import { fail, iso, ok, type ServiceResult } from "@/lib/service-result";
import type { WorkflowDto, WorkflowVersionDto } from "@/lib/validations/api";

export const WORKFLOW_SELECT = {
  id: true,
  name: true,
  slug: true,
  description: true,
  archived: true,
  updatedAt: true,
  project: { select: { id: true, slug: true, name: true, status: true } },
  versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, definition: true } },
  runs: { orderBy: { queuedAt: "desc" }, take: 1, select: { id: true, status: true, queuedAt: true, finishedAt: true } },
} as const;

type Row = {
  id: string;
  name: string;
  slug: string;
  description: string;
  archived: boolean;
  updatedAt: Date;
  project: WorkflowDto["project"];
  versions: { number: number; definition: unknown }[];
  runs: { id: string; status: NonNullable<WorkflowDto["lastRun"]>["status"]; queuedAt: Date; finishedAt: Date | null }[];
};

/** Steps in a stored definition (0 when it is not a definition). */
export function stepCountOf(definition: unknown): number {
  const steps = (definition as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) ? steps.length : 0;
}

export function toWorkflowDto(w: Row): WorkflowDto {
  const latest = w.versions[0];
  const last = w.runs[0];
  return {
    id: w.id,
    name: w.name,
    slug: w.slug,
    description: w.description,
    archived: w.archived,
    project: w.project,
    latestVersion: latest?.number ?? 0,
    stepCount: stepCountOf(latest?.definition),
    lastRun: last ? { id: last.id, status: last.status, queuedAt: iso(last.queuedAt)!, finishedAt: iso(last.finishedAt) } : null,
    updatedAt: iso(w.updatedAt)!,
  };
}

/** Workflows by project then name; archived ones (and those of archived projects) only when asked for. */
export async function listWorkflows(opts: { project?: string; includeArchived?: boolean } = {}): Promise<ServiceResult<WorkflowDto[]>> {
  const prisma = getPrisma();
  if (opts.project) {
    const exists = await prisma.project.findUnique({ where: { slug: opts.project }, select: { id: true } });
    if (!exists) return fail(404, `No project with the slug "${opts.project}".`);
  }
  const rows = await prisma.workflow.findMany({
    where: {
      ...(opts.project ? { project: { slug: opts.project } } : opts.includeArchived ? {} : { project: { status: { not: "archived" } } }),
      ...(opts.includeArchived ? {} : { archived: false }),
    },
    orderBy: [{ project: { name: "asc" } }, { name: "asc" }],
    select: WORKFLOW_SELECT,
  });
  return ok(rows.map(toWorkflowDto));
}

export async function getWorkflow(id: string): Promise<ServiceResult<WorkflowDto>> {
  const row = await getPrisma().workflow.findUnique({ where: { id }, select: WORKFLOW_SELECT });
  return row ? ok(toWorkflowDto(row)) : fail(404, "No workflow with this id.");
}

export async function listVersions(workflowId: string): Promise<ServiceResult<WorkflowVersionDto[]>> {
  const prisma = getPrisma();
  const wf = await prisma.workflow.findUnique({ where: { id: workflowId }, select: { id: true } });
  if (!wf) return fail(404, "No workflow with this id.");
  const rows = await prisma.workflowVersion.findMany({
    where: { workflowId },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, definition: true, createdBy: { select: { email: true } } },
  });
  return ok(rows.map((v) => ({ number: v.number, createdAt: iso(v.createdAt)!, createdBy: v.createdBy?.email ?? null, stepCount: stepCountOf(v.definition) })));
}
