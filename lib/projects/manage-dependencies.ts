/**
 * Project dependencies by slug for the REST API and the CLI (plain module: no
 * Next.js imports): the direct edges of a project, add and remove, answering
 * ServiceResults (409 with the cycle as a path, 422 naming `dependsOn`). The
 * checks and the audit are those of ./dependencies.ts, shared with the
 * browser's Dependencies tab.
 */
import { getPrisma } from "@/lib/db/prisma";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { ProjectDependenciesDto } from "@/lib/validations/api";
import { addDependency, directDependencies, removeDependency, type DependencyActor } from "./dependencies";
import type { ProjectResult } from "./service";

async function idOf(slug: string, field?: string): Promise<ServiceResult<string>> {
  const row = await getPrisma().project.findUnique({ where: { slug }, select: { id: true } });
  if (row) return ok(row.id);
  return field
    ? fail(404, `${field}: no project with the slug "${slug}"`, { issues: [{ path: field, message: `no project with the slug "${slug}"` }] })
    : fail(404, `No project with the slug "${slug}".`);
}

/** What the project depends on and what depends on it (direct edges), oldest first. */
export async function projectDependenciesBySlug(slug: string): Promise<ServiceResult<ProjectDependenciesDto>> {
  const id = await idOf(slug);
  if (!id.ok) return id;
  const { dependsOn, dependents } = await directDependencies(id.data);
  const dto = ({ slug, name, status, since }: { slug: string; name: string; status: string; since: Date }) => ({
    slug,
    name,
    status: status as ProjectDependenciesDto["dependsOn"][number]["status"],
    since: since.toISOString(),
  });
  return ok({ project: slug, dependsOn: dependsOn.map(dto), dependents: dependents.map(dto) });
}

function toServiceError(res: Extract<ProjectResult<unknown>, { ok: false }>) {
  // The services name the browser's form field; here the field is the `dependsOn` slug.
  if (!res.field) return fail(res.status, res.error);
  return fail(res.status, `dependsOn: ${res.error}`, { issues: [{ path: "dependsOn", message: res.error }] });
}

type Change = (input: { projectId: string; dependsOnId: string }, by: DependencyActor) => Promise<ProjectResult<unknown>>;

async function change(slug: string, dependsOn: string, by: DependencyActor, apply: Change): Promise<ServiceResult<ProjectDependenciesDto>> {
  const projectId = await idOf(slug);
  if (!projectId.ok) return projectId;
  const dependsOnId = await idOf(dependsOn, "dependsOn");
  if (!dependsOnId.ok) return dependsOnId;
  const res = await apply({ projectId: projectId.data, dependsOnId: dependsOnId.data }, by);
  if (!res.ok) return toServiceError(res);
  return projectDependenciesBySlug(slug);
}

/** Makes `slug` depend on `dependsOn`; refuses self, duplicates, archived projects and cycles. */
export function addDependencyBySlug(slug: string, dependsOn: string, by: DependencyActor): Promise<ServiceResult<ProjectDependenciesDto>> {
  return change(slug, dependsOn, by, addDependency);
}

/** Removes the dependency of `slug` on `dependsOn`. */
export function removeDependencyBySlug(slug: string, dependsOn: string, by: DependencyActor): Promise<ServiceResult<ProjectDependenciesDto>> {
  return change(slug, dependsOn, by, removeDependency);
}
