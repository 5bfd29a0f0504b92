"use server";

import { revalidatePath } from "next/cache";
import { startWorkflowRun } from "@/lib/runs/start-run";
import { describeZodError, startRunSchema, type StartRunInput } from "@/lib/validations/runs";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";

/** Starts a run of the workflow's latest version from the UI. */
export async function startRunAction(input: StartRunInput): Promise<ActionResult<{ runId: string }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = startRunSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const res = await startWorkflowRun({ ...parsed.data, trigger: "ui", triggeredBy: auth.principal.userId });
    if (!res.ok) return { ok: false, error: res.error };
    await recordAudit({
      principal: auth.principal,
      action: "run.start",
      targetType: "run",
      targetId: res.data.runId,
      runId: res.data.runId,
      workflowId: parsed.data.workflowId,
      projectId: res.data.projectId,
    });
    revalidatePath("/runs");
    return { ok: true, data: res.data };
  } catch (err) {
    console.error("startRunAction failed", err);
    return { ok: false, error: "The run could not be started because of a server error. Nothing was changed; try again." };
  }
}
