"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";
import { deletePool } from "@/lib/pools/manage-pools";
import { deletePoolSchema } from "@/lib/validations/pools";
import type { ActionResult } from "@/lib/actions/result";
import { applyToEngine } from "./apply-to-engine";

/** Deletes a pool; refused for built-ins, while held, and while workflows ask for it (unless forced). */
export async function deletePoolAction(input: { name: string; force?: boolean }): Promise<ActionResult<{ name: string }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = deletePoolSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "input"} ${i.message}`).join("; ") };
  const res = await deletePool(parsed.data, applyToEngine);
  if (!res.ok) return { ok: false, error: res.error };
  await recordAudit({ principal: auth.principal, action: "pool.delete", targetType: "pool", targetId: parsed.data.name, details: { force: parsed.data.force } });
  revalidatePath("/resources");
  revalidatePath("/");
  return { ok: true, data: res.data };
}
