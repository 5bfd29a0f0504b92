import { withApi, jsonError } from "@/lib/auth/api";
import { json, parseQuery } from "@/lib/api/http";
import { getStepLogPage, streamStepLog } from "@/lib/queries/run-steps";
import { stepLogQuery } from "@/lib/validations/live-runs";

export const dynamic = "force-dynamic";

/**
 * Output of one attempt of a step (default: the latest), stdout and stderr
 * interleaved by seq. JSON pages of about 512 KB: `?after=SEQ` forward (live
 * tail), `?before=SEQ` backward, neither = the latest output. `?download=1`
 * sends the whole output as a text file.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; stepId: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, stepLogQuery);
    if (!q.ok) return q.response;
    const { id, stepId } = await params;
    if (q.data.download === "1") {
      const file = await streamStepLog(id, stepId, q.data.attempt);
      if (!file) return jsonError(404, `No step "${stepId}" in run "${id}".`);
      const name = `${id}-${stepId}-attempt-${file.attempt}.log`.replace(/[^\w.-]/g, "_");
      return new Response(file.stream, {
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}"`,
          "Cache-Control": "no-store",
        },
      });
    }
    const page = await getStepLogPage(id, stepId, q.data);
    return page ? json(page) : jsonError(404, `No step "${stepId}" in run "${id}".`);
  });
}
