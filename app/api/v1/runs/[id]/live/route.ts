import { withApi, jsonError } from "@/lib/auth/api";
import { json } from "@/lib/api/http";
import { getLiveRun } from "@/lib/queries/live-run";

export const dynamic = "force-dynamic";

/**
 * The run as the run page shows it (steps with definition details, every
 * attempt, times in epoch ms) and `lastEventSeq`, the stream position it
 * reflects: follow it with `/stream?after=lastEventSeq`.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const id = (await params).id;
    const run = await getLiveRun(id);
    return run ? json(run) : jsonError(404, `No run with the id "${id}".`);
  });
}
