"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { AccountError, createUser, resetPassword, setDisabled, setRole } from "@/lib/auth/users";
import { recordAudit } from "@/lib/audit/audit";
import { createUserSchema, fieldErrors, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/validations/auth";
import { formString, type FormState } from "@/lib/actions/form-state";
import type { ActionResult } from "@/lib/actions/result";

function failure(err: unknown, what: string): { ok: false; error: string } {
  if (err instanceof AccountError) return { ok: false, error: err.message };
  console.error(`${what} failed`, err);
  return { ok: false, error: `${what} failed because of a server error. Nothing was changed.` };
}

/** Admin: creates a user with a role and an initial password. */
export async function createUserAction(_prev: FormState, data: FormData): Promise<FormState> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const values = { name: formString(data, "name"), email: formString(data, "email"), role: formString(data, "role") };
  const parsed = createUserSchema.safeParse({ ...values, password: formString(data, "password") });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  try {
    const user = await createUser(parsed.data);
    await recordAudit({ principal: auth.principal, action: "user.create", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } });
  } catch (err) {
    return { error: failure(err, "Creating the user").error, values };
  }
  revalidatePath("/settings");
  return { ok: true, message: `Created ${parsed.data.email}.` };
}

export async function setRoleAction(input: { userId: string; role: string }): Promise<ActionResult<null>> {
  const auth = await authorize("admin");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = setRoleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `${k} ${v}`).join("; ") };
  try {
    await setRole(parsed.data.userId, parsed.data.role);
    await recordAudit({ principal: auth.principal, action: "user.set-role", targetType: "user", targetId: parsed.data.userId, details: { role: parsed.data.role } });
  } catch (err) {
    return failure(err, "Changing the role");
  }
  revalidatePath("/settings");
  return { ok: true, data: null };
}

export async function setDisabledAction(input: { userId: string; disabled: boolean }): Promise<ActionResult<null>> {
  const auth = await authorize("admin");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = setDisabledSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "userId and disabled are required." };
  if (parsed.data.userId === auth.principal.userId && parsed.data.disabled) return { ok: false, error: "You cannot disable your own account." };
  try {
    await setDisabled(parsed.data.userId, parsed.data.disabled);
    await recordAudit({ principal: auth.principal, action: parsed.data.disabled ? "user.disable" : "user.enable", targetType: "user", targetId: parsed.data.userId });
  } catch (err) {
    return failure(err, "Changing the account state");
  }
  revalidatePath("/settings");
  return { ok: true, data: null };
}

export async function resetPasswordAction(input: { userId: string; password: string }): Promise<ActionResult<null>> {
  const auth = await authorize("admin");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `${k} ${v}`).join("; ") };
  try {
    await resetPassword(parsed.data.userId, parsed.data.password);
    await recordAudit({ principal: auth.principal, action: "user.reset-password", targetType: "user", targetId: parsed.data.userId });
  } catch (err) {
    return failure(err, "Resetting the password");
  }
  return { ok: true, data: null };
}
