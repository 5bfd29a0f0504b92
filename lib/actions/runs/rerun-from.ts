"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/audit";
import { authorize } from "@/lib/auth/current";
import { rerunRunFrom, type RerunOutcome } from "@/lib/runs/rerun-from";
import { describeZodError } from "@/lib/validations/runs";

const rerunFromSchema = z.strictObject({
  runId: z.string().trim().min(1, "is required").max(64, "is too long"),
  stepId: z.string().trim().min(1, "is required").max(128, "is too long"),
});
export type RerunFromInput = z.input<typeof rerunFromSchema>;

/** Re-runs a step of a finished run and everything downstream of it; the other steps keep their results. */
export async function rerunFromAction(input: RerunFromInput): Promise<ActionResult<RerunOutcome>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = rerunFromSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const { runId, stepId } = parsed.data;
  try {
    const res = await rerunRunFrom(runId, stepId, auth.principal.userId);
    if (!res.ok) return { ok: false, error: res.error };
    await recordAudit({
      principal: auth.principal,
      action: "run.rerun",
      targetType: "run",
      targetId: runId,
      runId,
      details: { stepId, rerun: res.data.rerun, keep: res.data.keep },
    });
    revalidatePath(`/runs/${runId}`);
    return { ok: true, data: res.data };
  } catch (err) {
    console.error("rerunFromAction failed", err);
    return { ok: false, error: "The steps could not be rerun because of a server error. Try again." };
  }
}
