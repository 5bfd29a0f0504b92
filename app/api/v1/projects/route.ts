import { withApi } from "@/lib/auth/api";
import { json, parseQuery } from "@/lib/api/http";
import { listProjects } from "@/lib/projects/read-projects";
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
