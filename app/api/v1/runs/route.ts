import { withApi } from "@/lib/auth/api";
import { json, parseQuery } from "@/lib/api/http";
import { listRuns } from "@/lib/runs/read-runs";
import { listRunsQuery } from "@/lib/validations/runs";

export const dynamic = "force-dynamic";

/** Runs newest first (`?status=running,paused&project=SLUG&workflow=ID&limit=50`, limit ≤ 500). */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, listRunsQuery);
    if (!q.ok) return q.response;
    return json({ runs: await listRuns(q.data) });
  });
}
