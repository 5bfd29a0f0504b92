/**
 * Import and export of workflow definitions as YAML/JSON text, shared by the
 * REST API and the CLI. An import validates the whole definition first (every
 * problem with its step, field and line), then creates the workflow or a new
 * version of it; versions are immutable, so a run always knows what it ran.
 */
import { getPrisma } from "@/lib/db/prisma";
import { detectFormat, loadWorkflow, parseWorkflowText, stringifyWorkflow, type WorkflowFormat } from "@/lib/engine/parse";
import { loadPoolCapacities } from "@/lib/runtime/engine-host";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { ExportDto, ImportResultDto } from "@/lib/validations/api";
import { slugify, type ImportWorkflowInput } from "@/lib/validations/workflows";
import { WORKFLOW_SELECT, toWorkflowDto } from "./read-workflows";
import { describeProblem } from "./resolve-ref";

export interface ImportRequest extends ImportWorkflowInput {
  /** User id recorded as the version's author (null for the CLI). */
  createdById?: string | null;
}

export async function importWorkflow(req: ImportRequest): Promise<ServiceResult<ImportResultDto>> {
  const prisma = getPrisma();
  const project = await prisma.project.findUnique({ where: { slug: req.project }, select: { id: true, name: true, status: true } });
  if (!project) return fail(404, `No project with the slug "${req.project}".`, { issues: [{ path: "project", message: "does not exist" }] });
  if (project.status === "archived") return fail(409, `Project "${project.name}" is archived: restore it before importing workflows into it.`);

  const format = req.format === undefined || req.format === "auto" ? detectFormat(req.source) : req.format;
  const loaded = loadWorkflow(req.source, { format, pools: await loadPoolCapacities(prisma) });
  if (!loaded.ok) {
    const problems = loaded.problems.map((p) => ({ stepId: p.stepId, field: p.field, message: p.message, line: p.line }));
    const head = `The definition has ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    return fail(422, `${head}: ${problems.map(describeProblem).join("; ")}`, { problems });
  }
  const definition = loaded.definition;
  const name = req.name?.trim() || definition.name;
  const slug = slugify(name);
  if (!slug) return fail(422, "name: must contain at least one letter or digit", { issues: [{ path: "name", message: "must contain at least one letter or digit" }] });

  const result = await prisma.$transaction(async (tx) => {
    const existing = await tx.workflow.findUnique({
      where: { projectId_slug: { projectId: project.id, slug } },
      select: { id: true, archived: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, definition: true } } },
    });
    if (!existing) {
      const wf = await tx.workflow.create({
        data: {
          projectId: project.id,
          name,
          slug,
          description: definition.description ?? "",
          versions: { create: { number: 1, definition: definition as object, source: req.source, createdById: req.createdById ?? null } },
        },
        select: { id: true },
      });
      return { id: wf.id, version: 1, created: true, unchanged: false };
    }
    const latest = existing.versions[0];
    if (latest && JSON.stringify(latest.definition) === JSON.stringify(definition)) {
      return { id: existing.id, version: latest.number, created: false, unchanged: true };
    }
    const number = (latest?.number ?? 0) + 1;
    await tx.workflowVersion.create({
      data: { workflowId: existing.id, number, definition: definition as object, source: req.source, createdById: req.createdById ?? null },
    });
    await tx.workflow.update({ where: { id: existing.id }, data: { description: definition.description ?? "", archived: false } });
    return { id: existing.id, version: number, created: false, unchanged: false };
  });
  const row = await prisma.workflow.findUniqueOrThrow({ where: { id: result.id }, select: WORKFLOW_SELECT });
  return ok({ workflow: toWorkflowDto(row), version: result.version, created: result.created, unchanged: result.unchanged });
}

/**
 * A version as text. The author's own text is returned when it is in the
 * asked format (comments and layout survive a round trip); otherwise the
 * stored definition is serialised.
 */
export async function exportWorkflow(opts: { workflowId: string; version?: number; format: WorkflowFormat }): Promise<ServiceResult<ExportDto>> {
  const prisma = getPrisma();
  const wf = await prisma.workflow.findUnique({ where: { id: opts.workflowId }, select: { id: true, slug: true } });
  if (!wf) return fail(404, "No workflow with this id.");
  const version = await prisma.workflowVersion.findFirst({
    where: { workflowId: wf.id, ...(opts.version ? { number: opts.version } : {}) },
    orderBy: { number: "desc" },
    select: { number: true, definition: true, source: true },
  });
  if (!version) return fail(404, opts.version ? `The workflow has no version ${opts.version}.` : "The workflow has no saved version yet.");
  const source = version.source?.trim() ? version.source : null;
  const sameFormat = source !== null && detectFormat(source) === opts.format && parseWorkflowText(source, opts.format).ok;
  const text = sameFormat ? source : stringifyWorkflow(version.definition as Record<string, unknown>, opts.format);
  return ok({
    workflowId: wf.id,
    version: version.number,
    format: opts.format,
    fileName: `${wf.slug}.v${version.number}.${opts.format === "yaml" ? "yaml" : "json"}`,
    text,
  });
}
