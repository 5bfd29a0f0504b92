/**
 * Project changes by slug for the REST API and the CLI (plain module: no
 * Next.js imports). Wraps the lifecycle services of ./service.ts, answering
 * ServiceResults whose 422s name the field like the API's validation errors,
 * and the project as a DTO after each change.
 */
import { getPrisma } from "@/lib/db/prisma";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { ProjectDto } from "@/lib/validations/api";
import type { CreateProjectBody, ProjectAction, UpdateProjectBody } from "@/lib/validations/project-api";
import type { ProjectTransition } from "@/lib/validations/projects";
import { getProject } from "./read-projects";
import { changeProjectStatus, createProject, deleteProject, updateProject, type ProjectResult } from "./service";

const TRANSITION: Record<ProjectAction, ProjectTransition> = { pause: "pause", resume: "activate", archive: "archive", restore: "restore" };

/** A lifecycle error as a service error; a field error reads like a validation error (`slug: is already used …`). */
function toServiceError(res: Extract<ProjectResult<unknown>, { ok: false }>) {
  if (!res.field) return fail(res.status, res.error);
  return fail(res.status, `${res.field}: ${res.error}`, { issues: [{ path: res.field, message: res.error }] });
}

async function idOf(slug: string): Promise<ServiceResult<{ id: string; name: string; description: string }>> {
  const row = await getPrisma().project.findUnique({ where: { slug }, select: { id: true, name: true, description: true } });
  return row ? ok(row) : fail(404, `No project with the slug "${slug}".`);
}

export async function createProjectBySlug(input: CreateProjectBody, createdById: string | null): Promise<ServiceResult<ProjectDto>> {
  const res = await createProject(input, createdById);
  if (!res.ok) return toServiceError(res);
  return getProject(res.data.slug);
}

export async function updateProjectBySlug(slug: string, input: UpdateProjectBody): Promise<ServiceResult<ProjectDto>> {
  const found = await idOf(slug);
  if (!found.ok) return found;
  const res = await updateProject({
    projectId: found.data.id,
    version: input.version,
    name: input.name ?? found.data.name,
    description: input.description ?? found.data.description,
  });
  if (!res.ok) return toServiceError(res);
  return getProject(slug);
}

export async function changeProjectStatusBySlug(slug: string, action: ProjectAction): Promise<ServiceResult<{ project: ProjectDto; dependents: string[] }>> {
  const found = await idOf(slug);
  if (!found.ok) return found;
  const res = await changeProjectStatus(found.data.id, TRANSITION[action]);
  if (!res.ok) return toServiceError(res);
  const project = await getProject(slug);
  return project.ok ? ok({ project: project.data, dependents: res.data.dependents }) : project;
}

export async function deleteProjectBySlug(slug: string, input: { confirmName: string; deleteFiles: boolean }): Promise<ServiceResult<{ id: string; slug: string; name: string }>> {
  const found = await idOf(slug);
  if (!found.ok) return found;
  const res = await deleteProject({ projectId: found.data.id, ...input });
  if (!res.ok) return toServiceError(res);
  return ok({ id: found.data.id, slug, name: res.data.name });
}
