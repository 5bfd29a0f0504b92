/**
 * Projects for the REST API and the CLI (plain module: no Next.js imports).
 * Returns DTOs (lib/validations/api.ts), never whole rows.
 */
import { getPrisma } from "@/lib/db/prisma";
import { fail, iso, ok, type ServiceResult } from "@/lib/service-result";
import type { ProjectDto } from "@/lib/validations/api";

type ProjectStatus = ProjectDto["status"];

const SELECT = {
  id: true,
  name: true,
  slug: true,
  description: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { workflows: { where: { archived: false } } } },
  runs: { orderBy: { queuedAt: "desc" }, take: 1, select: { id: true, status: true, queuedAt: true, finishedAt: true } },
} as const;

type Row = {
  id: string;
  name: string;
  slug: string;
  description: string;
  status: ProjectStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  _count: { workflows: number };
  runs: { id: string; status: NonNullable<ProjectDto["lastRun"]>["status"]; queuedAt: Date; finishedAt: Date | null }[];
};

function toDto(p: Row): ProjectDto {
  const last = p.runs[0];
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
    status: p.status,
    version: p.version,
    workflowCount: p._count.workflows,
    lastRun: last ? { id: last.id, status: last.status, queuedAt: iso(last.queuedAt)!, finishedAt: iso(last.finishedAt) } : null,
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
  };
}

/** Projects by name; without `status`, archived ones are left out. */
export async function listProjects(opts: { status?: ProjectStatus[] } = {}): Promise<ProjectDto[]> {
  const rows = await getPrisma().project.findMany({
    where: opts.status?.length ? { status: { in: opts.status } } : { status: { not: "archived" } },
    orderBy: { name: "asc" },
    select: SELECT,
  });
  return rows.map(toDto);
}

export async function getProject(slug: string): Promise<ServiceResult<ProjectDto>> {
  const row = await getPrisma().project.findUnique({ where: { slug }, select: SELECT });
  return row ? ok(toDto(row)) : fail(404, `No project with the slug "${slug}".`);
}
