import { withApi } from "@/lib/auth/api";
import { json, parseQuery, respond } from "@/lib/api/http";
import { eventStream } from "@/lib/api/run-event-stream";
import { listRunEvents } from "@/lib/runs/read-runs";
import { runEventsQuery } from "@/lib/validations/runs";

export const dynamic = "force-dynamic";

/**
 * The run's ordered event log after `?after=SEQ`. With `Accept:
 * text/event-stream` it is a Server-Sent Events stream (event id = seq, so a
 * reconnecting client resumes with Last-Event-ID) that ends after the run's
 * final status; otherwise one JSON page `{ events }`.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const q = parseQuery(req, runEventsQuery);
    if (!q.ok) return q.response;
    const id = (await params).id;
    const first = await listRunEvents(id, q.data);
    if (!first.ok) return respond(first);
    if (req.headers.get("accept")?.includes("text/event-stream")) {
      const resume = Number(req.headers.get("last-event-id"));
      return eventStream(id, Number.isInteger(resume) && resume > 0 ? resume : q.data.after, req.signal);
    }
    return json({ events: first.data });
  });
}
