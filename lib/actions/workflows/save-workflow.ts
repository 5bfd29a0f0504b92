"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";
import { saveWorkflowVersion, type SavedVersion } from "@/lib/workflows/save-version";
import { saveWorkflowVersionSchema } from "@/lib/validations/workflows";
import { fieldErrors } from "@/lib/validations/auth";

export interface SaveProblem {
  stepId?: string;
  field: string;
  message: string;
  line?: number;
}

export type SaveWorkflowResult =
  | { ok: true; data: SavedVersion }
  | { ok: false; error: string; conflict?: boolean; problems?: SaveProblem[] };

/** Saves the editor's definition as a new version (refused when invalid or when a newer version exists). */
export async function saveWorkflowAction(input: unknown): Promise<SaveWorkflowResult> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = saveWorkflowVersionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `${k} ${v}`).join("; ") };
  const res = await saveWorkflowVersion({ ...parsed.data, createdById: auth.principal.userId });
  if (!res.ok) {
    const problems = (res.details as { problems?: SaveProblem[] } | undefined)?.problems;
    return { ok: false, error: res.error, conflict: res.status === 409 && res.error.startsWith("Someone saved"), ...(problems ? { problems } : {}) };
  }
  if (!res.data.unchanged) {
    await recordAudit({
      principal: auth.principal,
      action: "workflow.update",
      targetType: "workflow",
      targetId: res.data.workflowId,
      workflowId: res.data.workflowId,
      projectId: res.data.projectId,
      details: { version: res.data.version, baseVersion: parsed.data.baseVersion },
    });
  }
  revalidatePath("/projects", "layout");
  return { ok: true, data: res.data };
}
