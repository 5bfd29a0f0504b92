import { withApi } from "@/lib/auth/api";
import { respond } from "@/lib/api/http";
import { getProject } from "@/lib/projects/read-projects";

export const dynamic = "force-dynamic";

/** One project by slug. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withApi(req, "viewer", async () => respond(await getProject((await params).slug)));
}
