import { withApi } from "@/lib/auth/api";
import { parseQuery, respond } from "@/lib/api/http";
import { exportWorkflow } from "@/lib/workflows/import-workflow";
import { exportWorkflowQuery } from "@/lib/validations/workflows";

export const dynamic = "force-dynamic";

/**
 * A version as YAML or JSON text (`?format=yaml|json&version=N`, default the
 * latest). With `Accept: application/json` the answer is a JSON envelope with
 * the text; otherwise the file itself, as an attachment.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, exportWorkflowQuery);
    if (!q.ok) return q.response;
    const res = await exportWorkflow({ workflowId: (await params).id, format: q.data.format, version: q.data.version });
    if (!res.ok || req.headers.get("accept")?.includes("application/json")) return respond(res);
    return new Response(res.data.text, {
      headers: {
        "Content-Type": res.data.format === "yaml" ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${res.data.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
