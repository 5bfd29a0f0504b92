import { withApi } from "@/lib/auth/api";
import { recordAudit } from "@/lib/audit/audit";
import { mapDbErrors, parseBody, respond } from "@/lib/api/http";
import { changeProjectStatusBySlug } from "@/lib/projects/manage-projects";
import { projectStatusBody } from "@/lib/validations/project-api";

export const dynamic = "force-dynamic";

/** Pauses, resumes, archives or restores a project: `{ "action": "archive" }`; 409 when the move is not possible from its status. */
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const body = await parseBody(req, projectStatusBody);
      if (!body.ok) return body.response;
      const res = await changeProjectStatusBySlug((await params).slug, body.data.action);
      if (res.ok) {
        const id = res.data.project.id;
        const action = body.data.action === "resume" ? "activate" : body.data.action;
        await recordAudit({ principal, action: `project.${action}`, targetType: "project", targetId: id, projectId: id, details: { via: "api" } });
      }
      return respond(res);
    }),
  );
}
