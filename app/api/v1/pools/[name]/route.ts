import { z } from "zod";
import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { mapDbErrors, parseBody, parseQuery, respond, validationError } from "@/lib/api/http";
import { deletePool, setPool } from "@/lib/pools/manage-pools";
import { currentEngine } from "@/lib/runtime/engine-host";
import { deletePoolSchema, setPoolSchema } from "@/lib/validations/pools";

export const dynamic = "force-dynamic";

/** This server's engine applies a change at once (others within seconds, through pool sync). */
async function applyToEngine(name: string, capacity: number): Promise<void> {
  const engine = await currentEngine()?.catch(() => null);
  engine?.setPoolCapacity(name, capacity);
}

/** Creates the pool or changes its capacity: `{ "capacity": 2, "description": "…" }`. 201 when created. */
export async function PUT(req: Request, { params }: { params: Promise<{ name: string }> }) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const body = await parseBody(req, setPoolSchema, { name: (await params).name });
      if (!body.ok) return body.response;
      const res = await setPool(body.data, applyToEngine);
      if (!res.ok) return respond(res);
      await recordAudit({ principal, action: res.data.created ? "pool.create" : "pool.update", targetType: "pool", targetId: body.data.name, details: { capacity: body.data.capacity } });
      return respond({ ok: true, data: res.data.pool }, res.data.created ? 201 : 200);
    }),
  );
}

const deleteQuery = z.strictObject({ force: z.enum(["true", "false"]).optional() });

/** Deletes a pool (409 while steps hold it or workflows ask for it; `?force=true` skips the latter check). */
export async function DELETE(req: Request, { params }: { params: Promise<{ name: string }> }) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const q = parseQuery(req, deleteQuery);
      if (!q.ok) return q.response;
      const parsed = deletePoolSchema.safeParse({ name: (await params).name, force: q.data.force === "true" });
      if (!parsed.success) return validationError(parsed.error);
      const res = await deletePool(parsed.data, applyToEngine);
      if (!res.ok) return respond(res);
      await recordAudit({ principal, action: "pool.delete", targetType: "pool", targetId: parsed.data.name });
      return respond(res);
    }),
  );
}
