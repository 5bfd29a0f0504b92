"use server";

import { revalidatePath } from "next/cache";
import { controlRun } from "@/lib/runs/start-run";
import { controlRunSchema, describeZodError, type ControlRunInput } from "@/lib/validations/runs";
import type { ActionResult } from "@/lib/actions/result";

/** Pauses, resumes or cancels a run. */
export async function controlRunAction(input: ControlRunInput): Promise<ActionResult<{ runId: string }>> {
  const parsed = controlRunSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const res = await controlRun(parsed.data.runId, parsed.data.control, null);
    if (!res.ok) return { ok: false, error: res.error };
    revalidatePath(`/runs/${parsed.data.runId}`);
    return { ok: true, data: res.data };
  } catch (err) {
    console.error("controlRunAction failed", err);
    return { ok: false, error: "The run could not be controlled because of a server error. Try again." };
  }
}
