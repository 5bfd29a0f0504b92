import { withApi } from "@/lib/auth/api";
import { parseQuery, respond } from "@/lib/api/http";
import { getStepLogs } from "@/lib/runs/read-runs";
import { runLogsQuery } from "@/lib/validations/runs";

export const dynamic = "force-dynamic";

/**
 * Output of one step (`?step=ID[&attempt=N][&cursor=A:S]`), oldest first.
 * Follow it by passing the returned `cursor` until `done` is true.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, runLogsQuery);
    if (!q.ok) return q.response;
    return respond(await getStepLogs((await params).id, q.data));
  });
}
