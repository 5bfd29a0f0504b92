import { withApi } from "@/lib/auth/api";
import { respond } from "@/lib/api/http";
import { getRun } from "@/lib/runs/read-runs";

export const dynamic = "force-dynamic";

/** A run with the state of every step (definition order) and the seq of its newest event. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => respond(await getRun((await params).id)));
}
