import { withApi } from "@/lib/auth/api";
import { checkHealth } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

/** Readiness with every component's status, reason and thresholds: 200 healthy or degraded, 503 unhealthy. */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => {
    const report = await checkHealth();
    return Response.json(report, { status: report.status === "unhealthy" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
  });
}
