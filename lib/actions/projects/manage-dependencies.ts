"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { addDependency, removeDependency } from "@/lib/projects/dependencies";
import { fieldErrors } from "@/lib/validations/auth";
import { dependencyEdgeSchema as edgeSchema } from "@/lib/validations/project-dependencies";
import { formString, type FormState } from "@/lib/actions/form-state";
import type { ActionResult } from "@/lib/actions/result";

/** Form action of the Dependencies tab: makes the project depend on the chosen one. */
export async function addDependencyAction(_prev: FormState, data: FormData): Promise<FormState> {
  const auth = await authorize("editor");
  if (!auth.ok) return { error: auth.error };
  const values = { dependsOnId: formString(data, "dependsOnId") };
  const parsed = edgeSchema.safeParse({ projectId: formString(data, "projectId"), ...values });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  const res = await addDependency(parsed.data, auth.principal);
  if (!res.ok) return res.field ? { error: "Check the highlighted fields.", fields: { [res.field]: res.error }, values } : { error: res.error, values };
  revalidatePath("/projects", "layout");
  return { ok: true, message: "Dependency added." };
}

export async function removeDependencyAction(input: { projectId: string; dependsOnId: string }): Promise<ActionResult<{ projectId: string; dependsOnId: string }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = edgeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `${k} ${v}`).join("; ") };
  const res = await removeDependency(parsed.data, auth.principal);
  if (!res.ok) return { ok: false, error: res.error };
  revalidatePath("/projects", "layout");
  return { ok: true, data: res.data };
}
