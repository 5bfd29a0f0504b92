"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";
import { createProject } from "@/lib/projects/service";
import { createProjectSchema } from "@/lib/validations/projects";
import { fieldErrors } from "@/lib/validations/auth";
import { formString, type FormState } from "@/lib/actions/form-state";

export async function createProjectAction(_prev: FormState, data: FormData): Promise<FormState> {
  const auth = await authorize("editor");
  if (!auth.ok) return { error: auth.error };
  const values = {
    name: formString(data, "name"),
    slug: formString(data, "slug"),
    description: formString(data, "description"),
    workingDir: formString(data, "workingDir"),
    template: formString(data, "template"),
  };
  const parsed = createProjectSchema.safeParse(values);
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  let slug: string;
  try {
    const res = await createProject(parsed.data, auth.principal.userId);
    if (!res.ok) return res.field ? { error: "Check the highlighted fields.", fields: { [res.field]: res.error }, values } : { error: res.error, values };
    await recordAudit({ principal: auth.principal, action: "project.create", targetType: "project", targetId: res.data.id, projectId: res.data.id, details: { template: parsed.data.template } });
    slug = res.data.slug;
  } catch (err) {
    console.error("createProjectAction failed", err);
    return { error: "The project could not be created because of a server error. Nothing was saved.", values };
  }
  revalidatePath("/projects");
  redirect(`/projects/${slug}`);
}
