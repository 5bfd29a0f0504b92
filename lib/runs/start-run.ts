/**
 * Starting and controlling runs: shared by server actions, the REST API and the
 * CLI. Checks what the engine cannot know (project lifecycle, which version is
 * current) and answers with values a person can act on.
 */
import { mkdir } from "node:fs/promises";
import type { RunTrigger } from "@/lib/engine";
import { getPrisma } from "@/lib/db/prisma";
import { getEngine } from "@/lib/runtime/engine-host";
import type { RunControl } from "@/lib/validations/runs";

export type ServiceResult<T> = { ok: true; data: T } | { ok: false; error: string; status: 400 | 404 | 409 | 422 };

export interface StartRunRequest {
  workflowId: string;
  params?: Record<string, string | number | boolean>;
  trigger: RunTrigger;
  triggeredBy?: string | null;
}

export async function startWorkflowRun(req: StartRunRequest): Promise<ServiceResult<{ runId: string; projectId: string }>> {
  const prisma = getPrisma();
  const workflow = await prisma.workflow.findUnique({
    where: { id: req.workflowId },
    select: {
      name: true,
      archived: true,
      project: { select: { id: true, name: true, status: true, workingDir: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, definition: true } },
    },
  });
  if (!workflow) return { ok: false, status: 404, error: "This workflow does not exist (it may have been deleted)." };
  if (workflow.archived) return { ok: false, status: 409, error: `Workflow "${workflow.name}" is archived: restore it to run it.` };
  if (workflow.project.status === "archived") {
    return { ok: false, status: 409, error: `Project "${workflow.project.name}" is archived: runs are refused until it is restored.` };
  }
  if (workflow.project.status === "paused") {
    return { ok: false, status: 409, error: `Project "${workflow.project.name}" is paused: resume the project to start new runs.` };
  }
  const version = workflow.versions[0];
  if (!version) return { ok: false, status: 409, error: `Workflow "${workflow.name}" has no saved version yet.` };

  if (workflow.project.workingDir) await mkdir(workflow.project.workingDir, { recursive: true });
  const engine = await getEngine();
  const res = await engine.startRun({
    workflowVersionId: version.id,
    projectId: workflow.project.id,
    definition: version.definition,
    params: req.params ?? {},
    trigger: req.trigger,
    triggeredBy: req.triggeredBy ?? null,
    workingDir: workflow.project.workingDir,
  });
  if (res.ok) return { ok: true, data: { runId: res.runId, projectId: workflow.project.id } };
  switch (res.reason) {
    case "invalid-definition":
      return {
        ok: false,
        status: 422,
        error: `The workflow cannot run: ${res.problems.map((p) => `${p.stepId ? `step ${p.stepId}, ` : ""}${p.field}: ${p.message}`).join("; ")}`,
      };
    case "missing-params":
      return { ok: false, status: 422, error: `Missing required parameter${res.missing.length > 1 ? "s" : ""}: ${res.missing.join(", ")}` };
  }
}

export async function controlRun(runId: string, control: RunControl, by: string | null): Promise<ServiceResult<{ runId: string }>> {
  const engine = await getEngine();
  const res =
    control === "pause"
      ? await engine.pause(runId, { by })
      : control === "resume"
        ? await engine.resume(runId, { by })
        : await engine.cancel(runId, { by });
  if (res.ok) return { ok: true, data: { runId } };
  switch (res.reason) {
    case "not-found":
      return { ok: false, status: 404, error: "This run does not exist." };
    case "not-owned":
      return { ok: false, status: 409, error: "This run is executed by another Myrmex process (for example the CLI); control it there." };
    case "invalid-state":
      return { ok: false, status: 409, error: `Cannot ${control}: ${res.message}.` };
  }
}
