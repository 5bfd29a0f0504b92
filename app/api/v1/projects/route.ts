import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { json, mapDbErrors, parseBody, parseQuery, respond } from "@/lib/api/http";
import { createProjectBySlug } from "@/lib/projects/manage-projects";
import { listProjects } from "@/lib/projects/read-projects";
import { createProjectBody } from "@/lib/validations/project-api";
import { projectsQuery } from "@/lib/validations/project-filters";

export const dynamic = "force-dynamic";

/** Projects by name (`?status=active,paused`; archived ones only when asked for). */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, projectsQuery);
    if (!q.ok) return q.response;
    return json({ projects: await listProjects({ status: q.data.status }) });
  });
}

/** Creates a project from a template: `{ "name": "Web shop", "template": "web-app" }`. 201 with the project. */
export async function POST(req: Request) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const body = await parseBody(req, createProjectBody);
      if (!body.ok) return body.response;
      const res = await createProjectBySlug(body.data, principal.userId);
      if (res.ok) {
        await recordAudit({ principal, action: "project.create", targetType: "project", targetId: res.data.id, projectId: res.data.id, details: { template: body.data.template, via: "api" } });
      }
      return respond(res, 201);
    }),
  );
}
