"use server";

import { revalidatePath } from "next/cache";
import { startWorkflowRun } from "@/lib/runs/start-run";
import { describeZodError, startRunSchema, type StartRunInput } from "@/lib/validations/runs";
import type { ActionResult } from "@/lib/actions/result";

/** Starts a run of the workflow's latest version from the UI. */
export async function startRunAction(input: StartRunInput): Promise<ActionResult<{ runId: string }>> {
  const parsed = startRunSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const res = await startWorkflowRun({ ...parsed.data, trigger: "ui", triggeredBy: null });
    if (!res.ok) return { ok: false, error: res.error };
    revalidatePath("/runs");
    return { ok: true, data: res.data };
  } catch (err) {
    console.error("startRunAction failed", err);
    return { ok: false, error: "The run could not be started because of a server error. Nothing was changed; try again." };
  }
}
