"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";
import type { ActionResult } from "@/lib/actions/result";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { createWorkflowSchema } from "@/lib/validations/workflows";
import { fieldErrors } from "@/lib/validations/auth";

/** Creates an empty workflow and returns where its editor lives. */
export async function createWorkflowAction(input: unknown): Promise<ActionResult<{ href: string }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = createWorkflowSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `${k} ${v}`).join("; ") };
  const res = await createWorkflow({ ...parsed.data, createdById: auth.principal.userId });
  if (!res.ok) return { ok: false, error: res.error };
  await recordAudit({
    principal: auth.principal,
    action: "workflow.create",
    targetType: "workflow",
    targetId: res.data.id,
    workflowId: res.data.id,
    projectId: res.data.projectId,
    details: { name: parsed.data.name },
  });
  revalidatePath("/projects", "layout");
  return { ok: true, data: { href: `/projects/${parsed.data.project}/workflows/${res.data.slug}/edit` } };
}
