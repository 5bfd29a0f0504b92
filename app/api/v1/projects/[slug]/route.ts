import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { mapDbErrors, parseBody, parseQuery, respond } from "@/lib/api/http";
import { deleteProjectBySlug, updateProjectBySlug } from "@/lib/projects/manage-projects";
import { getProject } from "@/lib/projects/read-projects";
import { deleteProjectQuery, updateProjectBody } from "@/lib/validations/project-api";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

/** One project by slug. */
export async function GET(req: Request, { params }: Params) {
  return withApi(req, "viewer", async () => respond(await getProject((await params).slug)));
}

/** Renames or re-describes a project: `{ "version": 3, "name": "…" }`; 409 when someone saved since version 3. */
export async function PATCH(req: Request, { params }: Params) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const body = await parseBody(req, updateProjectBody);
      if (!body.ok) return body.response;
      const res = await updateProjectBySlug((await params).slug, body.data);
      if (res.ok) await recordAudit({ principal, action: "project.update", targetType: "project", targetId: res.data.id, projectId: res.data.id, details: { via: "api" } });
      return respond(res);
    }),
  );
}

/** Deletes an archived project (`?confirmName=<its exact name>`, `&deleteFiles=true` to remove its folder too). */
export async function DELETE(req: Request, { params }: Params) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const q = parseQuery(req, deleteProjectQuery);
      if (!q.ok) return q.response;
      const deleteFiles = q.data.deleteFiles === "true";
      const res = await deleteProjectBySlug((await params).slug, { confirmName: q.data.confirmName, deleteFiles });
      if (res.ok) await recordAudit({ principal, action: "project.delete", targetType: "project", targetId: res.data.id, details: { name: res.data.name, deletedFiles: deleteFiles, via: "api" } });
      return respond(res);
    }),
  );
}
