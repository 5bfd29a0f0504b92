import { withApi } from "@/lib/auth/api";
import { respond } from "@/lib/api/http";
import { getWorkflow } from "@/lib/workflows/read-workflows";

export const dynamic = "force-dynamic";

/** One workflow with its project, latest version, step count and last run. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => respond(await getWorkflow((await params).id)));
}
