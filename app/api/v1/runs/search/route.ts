import { withApi } from "@/lib/auth/api";
import { json } from "@/lib/api/http";
import { listRunsPage } from "@/lib/queries/runs";
import { runsFilterSchema } from "@/lib/validations/live-runs";

export const dynamic = "force-dynamic";

/**
 * A page of the runs list as the Runs page shows it (`?project=SLUG&workflow=ID&status=…&trigger=…&page=N`,
 * 25 per page, newest first), with step progress and who started each run.
 */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => {
    const filter = runsFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json(await listRunsPage(filter));
  });
}
