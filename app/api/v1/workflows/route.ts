import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { json, mapDbErrors, parseBody, parseQuery, respond } from "@/lib/api/http";
import { importWorkflow } from "@/lib/workflows/import-workflow";
import { listWorkflows } from "@/lib/workflows/read-workflows";
import { importWorkflowSchema, listWorkflowsQuery } from "@/lib/validations/workflows";

export const dynamic = "force-dynamic";

/** Workflows with project, step count and last run (`?project=SLUG`, `?includeArchived=true`). */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, listWorkflowsQuery);
    if (!q.ok) return q.response;
    const res = await listWorkflows({ project: q.data.project, includeArchived: q.data.includeArchived === "true" });
    return res.ok ? json({ workflows: res.data }) : respond(res);
  });
}

/**
 * Imports a YAML/JSON definition: 201 when the workflow was created, 200 for
 * a new version (or `unchanged`), 422 listing every problem with step, field
 * and line.
 */
export async function POST(req: Request) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const body = await parseBody(req, importWorkflowSchema);
      if (!body.ok) return body.response;
      const res = await importWorkflow({ ...body.data, createdById: principal.userId });
      if (!res.ok) return respond(res);
      const { workflow, version, created, unchanged } = res.data;
      if (!unchanged) {
        await recordAudit({
          principal,
          action: created ? "workflow.create" : "workflow.update",
          targetType: "workflow",
          targetId: workflow.id,
          workflowId: workflow.id,
          projectId: workflow.project.id,
          details: { version, via: "import" },
        });
      }
      return respond(res, created ? 201 : 200);
    }),
  );
}
