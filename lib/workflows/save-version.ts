/**
 * Saves the editor's definition as a new immutable version. The server
 * re-validates the text (the browser's validation is a convenience) and
 * refuses the save when someone else saved a newer version since the editor
 * loaded `baseVersion`. Positions go to Workflow.layout, never the definition.
 */
import { getPrisma } from "@/lib/db/prisma";
import { loadWorkflow } from "@/lib/engine/parse";
import { loadPoolCapacities } from "@/lib/runtime/engine-host";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { SaveWorkflowVersionInput } from "@/lib/validations/workflows";
import { describeProblem } from "./resolve-ref";

export interface SavedVersion {
  workflowId: string;
  projectId: string;
  version: number;
  unchanged: boolean;
}

export async function saveWorkflowVersion(req: SaveWorkflowVersionInput & { createdById: string | null }): Promise<ServiceResult<SavedVersion>> {
  const prisma = getPrisma();
  const wf = await prisma.workflow.findUnique({
    where: { id: req.workflowId },
    select: { id: true, projectId: true, project: { select: { name: true, status: true } } },
  });
  if (!wf) return fail(404, "This workflow no longer exists.");
  if (wf.project.status === "archived") return fail(409, `Project "${wf.project.name}" is archived: restore it before editing its workflows.`);

  const loaded = loadWorkflow(req.source, { format: req.format, pools: await loadPoolCapacities(prisma) });
  if (!loaded.ok) {
    const problems = loaded.problems.map((p) => ({ stepId: p.stepId, field: p.field, message: p.message, line: p.line }));
    return fail(422, `The workflow has ${problems.length} problem${problems.length === 1 ? "" : "s"}: ${problems.map(describeProblem).join("; ")}`, { problems });
  }
  const definition = loaded.definition;
  const ids = new Set(definition.steps.map((s) => s.id));
  const layout = { nodes: Object.fromEntries(Object.entries(req.layout.nodes).filter(([id]) => ids.has(id))) };

  try {
    return await prisma.$transaction(async (tx) => {
    const latest = await tx.workflowVersion.findFirst({
      where: { workflowId: wf.id },
      orderBy: { number: "desc" },
      select: { number: true, definition: true, source: true },
    });
    const current = latest?.number ?? 0;
    if (current !== req.baseVersion) {
      return fail(409, `Someone saved version ${current} after you opened version ${req.baseVersion}. Reload to see their changes, then apply yours again.`);
    }
    const sameText = latest?.source === req.source && JSON.stringify(latest.definition) === JSON.stringify(definition);
    if (latest && sameText) {
      await tx.workflow.update({ where: { id: wf.id }, data: { layout } });
      return ok({ workflowId: wf.id, projectId: wf.projectId, version: current, unchanged: true });
    }
    await tx.workflowVersion.create({
      data: { workflowId: wf.id, number: current + 1, definition: definition as object, source: req.source, createdById: req.createdById },
    });
    await tx.workflow.update({ where: { id: wf.id }, data: { name: definition.name, description: definition.description ?? "", layout } });
    return ok({ workflowId: wf.id, projectId: wf.projectId, version: current + 1, unchanged: false });
    });
  } catch (err) {
    // Two saves on the same base racing past the check: the unique (workflowId, number) decides.
    if ((err as { code?: string }).code === "P2002") return fail(409, "Someone saved a new version at the same moment. Reload to see their changes, then apply yours again.");
    throw err;
  }
}
