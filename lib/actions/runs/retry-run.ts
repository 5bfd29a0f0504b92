"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/audit";
import { authorize } from "@/lib/auth/current";
import { applyRunControl } from "@/lib/runs/run-controls";
import { describeZodError } from "@/lib/validations/runs";
import { retryRunSchema, type RetryRunInput } from "@/lib/validations/live-runs";

/** Re-runs the failed, upstream-failed and cancelled steps of a failed or cancelled run; succeeded steps keep their results. */
export async function retryRunAction(input: RetryRunInput): Promise<ActionResult<{ runId: string }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = retryRunSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const { runId } = parsed.data;
  try {
    const res = await applyRunControl(runId, "retry", auth.principal.userId);
    if (!res.ok) return { ok: false, error: res.error };
    await recordAudit({ principal: auth.principal, action: "run.retry", targetType: "run", targetId: runId, runId });
    revalidatePath(`/runs/${runId}`);
    return { ok: true, data: { runId } };
  } catch (err) {
    console.error("retryRunAction failed", err);
    return { ok: false, error: "The failed steps could not be retried because of a server error. Try again." };
  }
}
