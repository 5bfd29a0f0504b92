import { z } from "zod";
import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { json, respond, validationError } from "@/lib/api/http";
import { applyRunControl } from "@/lib/runs/run-controls";
import { API_RUN_CONTROLS } from "@/lib/validations/runs";

export const dynamic = "force-dynamic";

const controlSchema = z.strictObject({
  id: z.string().trim().min(1, "is required").max(64, "is too long"),
  control: z.enum(API_RUN_CONTROLS, { message: `must be one of ${API_RUN_CONTROLS.join(", ")}` }),
});

/**
 * POST /api/v1/runs/:id/pause | resume | cancel | retry. `deferred: true`
 * means another process executes the run and applies the request within
 * about a second.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string; control: string }> }) {
  return withApi(req, "editor", async (principal) => {
    const parsed = controlSchema.safeParse(await params);
    if (!parsed.success) return validationError(parsed.error);
    const { id, control } = parsed.data;
    const res = await applyRunControl(id, control, principal.userId);
    if (!res.ok) return respond(res);
    await recordAudit({ principal, action: `run.${control}`, targetType: "run", targetId: id, runId: id, details: res.data.deferred ? { deferred: true } : undefined });
    return json({ ok: true, ...res.data });
  });
}
