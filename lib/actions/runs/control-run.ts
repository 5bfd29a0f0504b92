"use server";

import { revalidatePath } from "next/cache";
import { controlRun } from "@/lib/runs/start-run";
import { controlRunSchema, describeZodError, type ControlRunInput } from "@/lib/validations/runs";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";

/** Pauses, resumes or cancels a run. */
export async function controlRunAction(input: ControlRunInput): Promise<ActionResult<{ runId: string }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = controlRunSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const res = await controlRun(parsed.data.runId, parsed.data.control, auth.principal.userId);
    if (!res.ok) return { ok: false, error: res.error };
    await recordAudit({ principal: auth.principal, action: `run.${parsed.data.control}`, targetType: "run", targetId: parsed.data.runId, runId: parsed.data.runId });
    revalidatePath(`/runs/${parsed.data.runId}`);
    return { ok: true, data: res.data };
  } catch (err) {
    console.error("controlRunAction failed", err);
    return { ok: false, error: "The run could not be controlled because of a server error. Try again." };
  }
}
