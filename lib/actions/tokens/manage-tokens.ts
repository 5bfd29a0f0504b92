"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { createToken, revokeToken } from "@/lib/auth/tokens";
import { recordAudit } from "@/lib/audit/audit";
import { createTokenSchema, fieldErrors, revokeTokenSchema } from "@/lib/validations/auth";
import { formString, type FormState } from "@/lib/actions/form-state";
import type { ActionResult } from "@/lib/actions/result";

/** Creates a token for the signed-in user. The secret is returned once, here, and never again. */
export async function createTokenAction(_prev: FormState & { token?: string }, data: FormData): Promise<FormState & { token?: string }> {
  const auth = await authorize("viewer");
  if (!auth.ok) return { error: auth.error };
  if (auth.principal.via !== "session") return { error: "Tokens can only be created from a signed-in browser session." };
  const values = { name: formString(data, "name") };
  const parsed = createTokenSchema.safeParse({ name: values.name, readOnly: formString(data, "readOnly") === "on" });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  const { token, dto } = await createToken(auth.principal.userId, parsed.data);
  await recordAudit({ principal: auth.principal, action: "token.create", targetType: "token", targetId: dto.id, details: { name: dto.name, readOnly: dto.readOnly } });
  revalidatePath("/settings");
  return { ok: true, token, message: `Token "${dto.name}" created. Copy it now: it is shown only once.` };
}

export async function revokeTokenAction(input: { tokenId: string }): Promise<ActionResult<null>> {
  const auth = await authorize("viewer");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = revokeTokenSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "tokenId is required." };
  if (!(await revokeToken(auth.principal.userId, parsed.data.tokenId))) return { ok: false, error: "No such active token of yours." };
  await recordAudit({ principal: auth.principal, action: "token.revoke", targetType: "token", targetId: parsed.data.tokenId });
  revalidatePath("/settings");
  return { ok: true, data: null };
}
