/**
 * A run's events as Server-Sent Events, read from the database (so it works
 * whichever process executes the run). Polls every 250 ms while the client is
 * connected; closes after the run's final status, or after 10 minutes (the
 * client reconnects with Last-Event-ID).
 */
import { getPrisma } from "@/lib/db/prisma";
import { listRunEvents } from "@/lib/runs/read-runs";

const POLL_MS = 250;
const MAX_MS = 10 * 60_000;
const FINAL = new Set(["succeeded", "failed", "cancelled"]);

export function eventStream(runId: string, after: number, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let seq = after;
  const started = Date.now();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      send(": connected\n\n");
      let lastBeat = Date.now();
      try {
        while (!signal.aborted && Date.now() - started < MAX_MS) {
          const page = await listRunEvents(runId, { after: seq, limit: 500 });
          if (!page.ok) break;
          let finished = false;
          for (const e of page.data) {
            send(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
            seq = e.seq;
            if (e.type === "run.status" && FINAL.has(String(e.data.status))) finished = true;
          }
          if (finished) break;
          if (page.data.length === 0) {
            // Nothing new: a run that is already over (client resumed after its end) closes the stream.
            const run = await getPrisma().run.findUnique({ where: { id: runId }, select: { status: true } });
            if (!run || FINAL.has(run.status)) break;
            if (Date.now() - lastBeat > 15_000) {
              send(": keep-alive\n\n");
              lastBeat = Date.now();
            }
            await new Promise((r) => setTimeout(r, POLL_MS));
          }
        }
      } catch {
        // The database went away mid-stream: end it; the client reconnects from its last id.
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
