import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { parseBody, parseQuery, respond } from "@/lib/api/http";
import { previewRerun, rerunRunFrom } from "@/lib/runs/rerun-from";
import { rerunBody, rerunPreviewQuery } from "@/lib/validations/runs";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/runs/:id/rerun?from=STEP — what a rerun from STEP would run again and keep; changes nothing. */
export async function GET(req: Request, { params }: Ctx) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, rerunPreviewQuery);
    if (!q.ok) return q.response;
    return respond(await previewRerun((await params).id, q.data.from));
  });
}

/** POST /api/v1/runs/:id/rerun {"from": STEP} — rerun a finished run from STEP. */
export async function POST(req: Request, { params }: Ctx) {
  return withApi(req, "editor", async (principal) => {
    const body = await parseBody(req, rerunBody);
    if (!body.ok) return body.response;
    const id = (await params).id;
    const res = await rerunRunFrom(id, body.data.from, principal.userId);
    if (!res.ok) return respond(res);
    await recordAudit({ principal, action: "run.rerun", targetType: "run", targetId: id, runId: id, details: { stepId: res.data.stepId, rerun: res.data.rerun, keep: res.data.keep } });
    return respond(res);
  });
}
