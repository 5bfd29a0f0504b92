"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit/audit";
import { setPool } from "@/lib/pools/manage-pools";
import { setPoolSchema } from "@/lib/validations/pools";
import type { ActionResult } from "@/lib/actions/result";
import { applyToEngine } from "./apply-to-engine";

/** Creates a pool or changes its capacity; running schedulers in this process see it at once. */
export async function setPoolAction(input: { name: string; capacity: number; description?: string }): Promise<ActionResult<{ name: string; capacity: number; created: boolean }>> {
  const auth = await authorize("editor");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = setPoolSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "input"} ${i.message}`).join("; ") };
  const res = await setPool(parsed.data, applyToEngine);
  if (!res.ok) return { ok: false, error: res.error };
  await recordAudit({ principal: auth.principal, action: res.data.created ? "pool.create" : "pool.update", targetType: "pool", targetId: parsed.data.name, details: { capacity: parsed.data.capacity } });
  revalidatePath("/resources");
  revalidatePath("/");
  return { ok: true, data: { name: res.data.pool.name, capacity: res.data.pool.capacity, created: res.data.created } };
}
