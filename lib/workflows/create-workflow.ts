/**
 * A new workflow with a one-step starter definition, saved as version 1
 * through the importer (same validation and storage as the API and CLI).
 * Refuses a name whose slug is taken instead of adding a version to it.
 */
import { getPrisma } from "@/lib/db/prisma";
import { stringifyWorkflow } from "@/lib/engine/parse";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import { slugify, type CreateWorkflowInput } from "@/lib/validations/workflows";
import { importWorkflow } from "./import-workflow";

export async function createWorkflow(req: CreateWorkflowInput & { createdById: string | null }): Promise<ServiceResult<{ id: string; slug: string; projectId: string }>> {
  const slug = slugify(req.name);
  if (!slug) return fail(422, "Name must contain at least one letter or digit.");
  const taken = await getPrisma().workflow.findFirst({ where: { slug, project: { slug: req.project } }, select: { id: true } });
  if (taken) return fail(409, `A workflow with the slug "${slug}" already exists in this project.`);
  const source = stringifyWorkflow({ name: req.name, steps: [{ id: "start", kind: "noop" }] }, "yaml");
  const res = await importWorkflow({ project: req.project, name: req.name, source, format: "yaml", createdById: req.createdById });
  if (!res.ok) return res;
  return ok({ id: res.data.workflow.id, slug: res.data.workflow.slug, projectId: res.data.workflow.project.id });
}
