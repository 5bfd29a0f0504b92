"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";
import { changeProjectStatus, deleteProject, updateProject } from "@/lib/projects/service";
import { changeStatusSchema, deleteProjectSchema, updateProjectSchema } from "@/lib/validations/projects";
import { fieldErrors } from "@/lib/validations/auth";
import { formString, type FormState } from "@/lib/actions/form-state";
import type { ActionResult } from "@/lib/actions/result";

/** Saves name and description, refusing to overwrite someone else's newer save. */
export async function updateProjectAction(_prev: FormState & { version?: number }, data: FormData): Promise<FormState & { version?: number; conflict?: boolean }> {
  const auth = await authorize("editor");
  if (!auth.ok) return { error: auth.error };
  const values = { name: formString(data, "name"), description: formString(data, "description") };
  const parsed = updateProjectSchema.safeParse({ ...values, projectId: formString(data, "projectId"), version: formString(data, "version") });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  const res = await updateProject(parsed.data);
  if (!res.ok) return { error: res.error, values, conflict: res.status === 409 };
  await recordAudit({ principal: auth.principal, action: "project.update", targetType: "project", targetId: parsed.data.projectId, projectId: parsed.data.projectId });
  revalidatePath("/projects", "layout");
  return { ok: true, message: "Saved.", version: res.data.version, values };
}

export async function changeProjectStatusAction(input: { projectId: string; transition: string }): Promise<ActionResult<{ status: string; dependents: string[] }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = changeStatusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `${k} ${v}`).join("; ") };
  const res = await changeProjectStatus(parsed.data.projectId, parsed.data.transition);
  if (!res.ok) return { ok: false, error: res.error };
  await recordAudit({ principal: auth.principal, action: `project.${parsed.data.transition}`, targetType: "project", targetId: parsed.data.projectId, projectId: parsed.data.projectId });
  revalidatePath("/projects", "layout");
  return { ok: true, data: res.data };
}

export async function deleteProjectAction(_prev: FormState, data: FormData): Promise<FormState> {
  const auth = await authorize("editor");
  if (!auth.ok) return { error: auth.error };
  const parsed = deleteProjectSchema.safeParse({
    projectId: formString(data, "projectId"),
    confirmName: formString(data, "confirmName"),
    deleteFiles: formString(data, "deleteFiles") === "on",
  });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error) };
  const res = await deleteProject(parsed.data);
  if (!res.ok) return res.field ? { error: "Check the highlighted fields.", fields: { [res.field]: res.error } } : { error: res.error };
  await recordAudit({ principal: auth.principal, action: "project.delete", targetType: "project", targetId: parsed.data.projectId, details: { name: res.data.name, deletedFiles: parsed.data.deleteFiles } });
  revalidatePath("/projects");
  redirect("/projects");
}
