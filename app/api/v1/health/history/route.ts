import { withApi } from "@/lib/auth/api";
import { json, parseQuery } from "@/lib/api/http";
import { getPrisma } from "@/lib/db/client";
import { loadHealthHistory } from "@/lib/health/history";
import { healthHistoryQuery } from "@/lib/validations/health-history";

export const dynamic = "force-dynamic";

/** The recorded health of the last `?hours=` (default 24): buckets, per-component counts, changes of the overall status. */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, healthHistoryQuery);
    if (!q.ok) return q.response;
    return json(await loadHealthHistory(getPrisma(), { rangeMs: q.data.hours * 3_600_000 }));
  });
}
