import { jsonError, withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { startWorkflowRun } from "@/lib/runs/start-run";
import { describeZodError, startRunSchema } from "@/lib/validations/runs";

export const dynamic = "force-dynamic";

/** Starts a run of the workflow's latest version. Body: `{ "params": { … } }` (optional). */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "editor", async (principal) => {
    let body: unknown = {};
    const text = await req.text();
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return jsonError(400, "The request body is not valid JSON.");
      }
    }
    const parsed = startRunSchema.safeParse({ ...(typeof body === "object" && body ? body : {}), workflowId: (await params).id });
    if (!parsed.success) return jsonError(422, describeZodError(parsed.error));
    const res = await startWorkflowRun({ ...parsed.data, trigger: "api", triggeredBy: principal.userId });
    if (!res.ok) return jsonError(res.status, res.error);
    await recordAudit({ principal, action: "run.start", targetType: "run", targetId: res.data.runId, runId: res.data.runId, workflowId: parsed.data.workflowId, projectId: res.data.projectId });
    return Response.json({ runId: res.data.runId }, { status: 201 });
  });
}
