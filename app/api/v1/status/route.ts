import { withApi } from "@/lib/auth/api";
import { json } from "@/lib/api/http";
import { systemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

/** Runs and steps by state, active runs, engines, pool utilization, projects by status. */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => json(await systemStatus()));
}
