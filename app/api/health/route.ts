import { liveness } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

/**
 * Liveness, open to anonymous callers on purpose (load balancers, the CLI,
 * the health-check example): 200 `{ status: "ok" }` while the app serves and
 * its database answers, else 503. Reveals nothing else; the detailed report
 * is /api/health/ready (authenticated).
 */
export async function GET() {
  const live = await liveness();
  return Response.json(live, { status: live.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
