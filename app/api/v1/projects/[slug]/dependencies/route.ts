import { withApi } from "@/lib/auth/api";
import { respond } from "@/lib/api/http";
import { projectDependenciesBySlug } from "@/lib/projects/manage-dependencies";

export const dynamic = "force-dynamic";

/** The projects this one depends on and those that depend on it. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withApi(req, "viewer", async () => respond(await projectDependenciesBySlug((await params).slug)));
}
