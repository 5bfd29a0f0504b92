import { withApi } from "@/lib/auth/api";
import { parseQuery, respond } from "@/lib/api/http";
import { reportResponse } from "@/lib/api/report-response";
import { buildWorkflowReport } from "@/lib/reports/build-report";
import { reportQuery } from "@/lib/validations/reports";
import { streamWorkflowRunsCsv } from "@/lib/reports/stream-workflow-csv";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * Performance report of the workflow's recent runs (`?format=csv|json|html&limit=N`, N ≤ 1,000),
 * or `?scope=runs` for every run as CSV, streamed so 10,000+ runs never sit in memory.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, reportQuery);
    if (!q.ok) return q.response;
    const workflowId = (await params).id;
    if (q.data.scope === "runs") {
      return new Response(streamWorkflowRunsCsv(getPrisma(), { workflowId, limit: q.data.limit }), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="workflow-${workflowId}-runs.csv"` },
      });
    }
    if ((q.data.limit ?? 0) > 1000) return respond({ ok: false, status: 422, error: "limit: must be at most 1000 for a report; use scope=runs to export every run" });
    const res = await buildWorkflowReport(workflowId, { limit: q.data.limit });
    return res.ok ? reportResponse(res.data, q.data.format) : respond(res);
  });
}
