import { withApi } from "@/lib/auth/api";
import { parseQuery, respond } from "@/lib/api/http";
import { reportResponse } from "@/lib/api/report-response";
import { buildRunReport } from "@/lib/reports/build-report";
import { reportQuery } from "@/lib/validations/reports";

export const dynamic = "force-dynamic";

/** Performance report of one run: steps, durations, waits, CPU, memory, critical path (`?format=csv|json|html`). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, reportQuery);
    if (!q.ok) return q.response;
    const res = await buildRunReport((await params).id);
    return res.ok ? reportResponse(res.data, q.data.format) : respond(res);
  });
}
