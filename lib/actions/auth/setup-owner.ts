"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { AccountError, createOwner } from "@/lib/auth/users";
import { recordAudit } from "@/lib/audit/audit";
import { fieldErrors, setupSchema } from "@/lib/validations/auth";
import { formString, type FormState } from "@/lib/actions/form-state";

/**
 * Creates the owner (admin) on a fresh install, then signs them in. Open to
 * anonymous callers only while the instance has no user at all.
 */
export async function setupOwnerAction(_prev: FormState, data: FormData): Promise<FormState> {
  const values = { name: formString(data, "name"), email: formString(data, "email") };
  const parsed = setupSchema.safeParse({ ...values, password: formString(data, "password"), confirm: formString(data, "confirm") });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  try {
    const owner = await createOwner(parsed.data);
    await recordAudit({
      principal: { userId: owner.id, email: owner.email, name: owner.name, role: "admin", readOnly: false, via: "session", label: owner.email },
      action: "user.create-owner",
      targetType: "user",
      targetId: owner.id,
    });
    await (await getAuth()).api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (err) {
    if (err instanceof AccountError) return { error: err.message, values };
    console.error("owner setup failed", err);
    return { error: "The account could not be created because of a server error. Try again.", values };
  }
  redirect("/");
}
