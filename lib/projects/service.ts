/**
 * Project lifecycle: create (with a template), edit with optimistic
 * concurrency, pause/archive/restore, delete. Returns values, not throws, for
 * everything a person can cause.
 */
import { rm, stat, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { loadWorkflow } from "@/lib/engine/parse";
import { getPrisma } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/db/errors";
import { projectsRoot } from "@/lib/runtime/paths";
import type { CreateProjectInput, ProjectTransition } from "@/lib/validations/projects";
import { TEMPLATES } from "./templates";
import { WorkingDirError, ensureWorkingDir } from "./working-dir";

export type ProjectResult<T> = { ok: true; data: T } | { ok: false; error: string; field?: string; status: 404 | 409 | 422 };

async function writeSampleFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    const exists = await stat(file).then(() => true, () => false);
    if (exists) continue; // never overwrite the user's files
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { mode: rel.endsWith(".sh") ? 0o755 : 0o644 });
  }
}

export async function createProject(input: CreateProjectInput, by: string | null): Promise<ProjectResult<{ id: string; slug: string }>> {
  const prisma = getPrisma();
  if (await prisma.project.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    return { ok: false, status: 409, field: "slug", error: `is already used by another project` };
  }
  let workingDir: string;
  try {
    workingDir = await ensureWorkingDir(projectsRoot(), input.workingDir || input.slug);
  } catch (err) {
    if (err instanceof WorkingDirError) return { ok: false, status: 422, field: "workingDir", error: err.message };
    throw err;
  }
  const template = TEMPLATES[input.template];
  const definitions = template.workflows.map((source) => {
    const res = loadWorkflow(source, { format: "yaml" });
    if (!res.ok) throw new Error(`template ${input.template} has an invalid workflow`);
    return { source, definition: res.definition };
  });
  try {
    const project = await prisma.project.create({
      data: {
        name: input.name,
        slug: input.slug,
        description: input.description,
        workingDir,
        workflows: {
          create: definitions.map(({ source, definition }) => ({
            name: definition.name,
            slug: definition.name,
            description: definition.description ?? "",
            versions: { create: { number: 1, definition: definition as object, source, createdById: by } },
          })),
        },
      },
      select: { id: true, slug: true },
    });
    await writeSampleFiles(workingDir, template.files);
    return { ok: true, data: project };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, status: 409, field: "slug", error: "is already used by another project" };
    throw err;
  }
}

/** Saves only if nobody saved since `version` was loaded. */
export async function updateProject(input: { projectId: string; version: number; name: string; description: string }): Promise<ProjectResult<{ version: number }>> {
  const prisma = getPrisma();
  const res = await prisma.project.updateMany({
    where: { id: input.projectId, version: input.version, status: { not: "archived" } },
    data: { name: input.name, description: input.description, version: { increment: 1 } },
  });
  if (res.count === 1) return { ok: true, data: { version: input.version + 1 } };
  const current = await prisma.project.findUnique({ where: { id: input.projectId }, select: { version: true, status: true } });
  if (!current) return { ok: false, status: 404, error: "This project no longer exists." };
  if (current.status === "archived") return { ok: false, status: 409, error: "This project is archived and read-only: restore it to edit it." };
  return {
    ok: false,
    status: 409,
    error: `Someone else saved this project since you opened it (now version ${current.version}, yours ${input.version}). Reload to see their changes; your edits were not saved.`,
  };
}

const NEXT_STATUS: Record<ProjectTransition, { from: readonly string[]; to: "active" | "paused" | "archived" }> = {
  pause: { from: ["active"], to: "paused" },
  activate: { from: ["paused"], to: "active" },
  archive: { from: ["active", "paused"], to: "archived" },
  restore: { from: ["archived"], to: "active" },
};

export async function changeProjectStatus(
  projectId: string,
  transition: ProjectTransition,
): Promise<ProjectResult<{ status: string; dependents: string[] }>> {
  const prisma = getPrisma();
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { status: true, dependents: { select: { project: { select: { name: true } } } } },
  });
  if (!project) return { ok: false, status: 404, error: "This project no longer exists." };
  const rule = NEXT_STATUS[transition];
  if (!rule.from.includes(project.status)) {
    return { ok: false, status: 409, error: `A ${project.status} project cannot be ${transition === "activate" ? "resumed" : `${transition}d`}.` };
  }
  await prisma.project.update({
    where: { id: projectId },
    data: { status: rule.to, archivedAt: rule.to === "archived" ? new Date() : null, version: { increment: 1 } },
  });
  return { ok: true, data: { status: rule.to, dependents: project.dependents.map((d) => d.project.name) } };
}

/** Deletes an archived project after the user typed its name; its runs and logs go with it. */
export async function deleteProject(input: { projectId: string; confirmName: string; deleteFiles: boolean }): Promise<ProjectResult<{ name: string }>> {
  const prisma = getPrisma();
  const project = await prisma.project.findUnique({ where: { id: input.projectId }, select: { name: true, status: true, workingDir: true } });
  if (!project) return { ok: false, status: 404, error: "This project no longer exists." };
  if (project.status !== "archived") return { ok: false, status: 409, error: "Only an archived project can be deleted: archive it first." };
  if (input.confirmName !== project.name) return { ok: false, status: 422, field: "confirmName", error: `must be exactly "${project.name}"` };
  await prisma.project.delete({ where: { id: input.projectId } });
  if (input.deleteFiles && project.workingDir) {
    // Only ever inside the projects root (ensured when the project was created).
    const rel = path.relative(projectsRoot(), project.workingDir);
    if (rel && !rel.startsWith("..") && !path.isAbsolute(rel)) await rm(project.workingDir, { recursive: true, force: true });
  }
  return { ok: true, data: { name: project.name } };
}
