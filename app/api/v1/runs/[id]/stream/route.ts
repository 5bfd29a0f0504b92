import { withApi, jsonError } from "@/lib/auth/api";
import { getPrisma } from "@/lib/db/prisma";
import { runEventStream } from "@/lib/live/run-stream";
import { runStreamDeps } from "@/lib/live/server";
import { resumeAfter } from "@/lib/live/sse";

export const dynamic = "force-dynamic";

/**
 * The run's events as Server-Sent Events (`id:` = RunEvent seq), from the
 * browser's `Last-Event-ID` or `?after=SEQ`, then live until the run's final
 * status (`event: end`). `event: hint` messages (no id) say a step has new
 * output or samples. Connections close after a few minutes; the browser
 * reconnects and resumes without gap or duplicate.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const id = (await params).id;
    const url = new URL(req.url);
    const after = resumeAfter(req.headers.get("last-event-id"), url.searchParams.get("after"));
    const run = await getPrisma().run.findUnique({ where: { id }, select: { id: true } });
    if (!run) return jsonError(404, `No run with the id "${id}".`);
    const stream = runEventStream(runStreamDeps(), { runId: id, after, signal: req.signal });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  });
}
