import { checkHealth } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness: 200 while the app can serve (healthy or degraded),
 * 503 when a component is unhealthy. Open to anonymous callers on purpose; it
 * reveals no data beyond component states.
 */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "unhealthy" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
