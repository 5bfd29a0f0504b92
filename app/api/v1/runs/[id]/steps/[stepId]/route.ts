import { withApi, jsonError } from "@/lib/auth/api";
import { json, parseQuery } from "@/lib/api/http";
import { getStepDetail } from "@/lib/queries/run-steps";
import { stepDetailQuery } from "@/lib/validations/live-runs";

export const dynamic = "force-dynamic";

/** One step of a run: attempts (exit code, HTTP status, error, outputs, CPU, memory), state history and CPU/memory samples of `?attempt=N` (default: the latest). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; stepId: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, stepDetailQuery);
    if (!q.ok) return q.response;
    const { id, stepId } = await params;
    const detail = await getStepDetail(id, stepId, q.data.attempt);
    return detail ? json(detail) : jsonError(404, `No step "${stepId}" in run "${id}".`);
  });
}
