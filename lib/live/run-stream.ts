/**
 * One client's SSE stream of a run: every RunEvent after the resume point,
 * in seq order, read from the database; then waits for the hub to say that
 * there is more. Ends (with an `end` message) once the run's final status has
 * been sent, and closes after `maxMs` without one so the browser reconnects,
 * re-authenticating, from its Last-Event-ID.
 *
 * The stream holds no state of its own but the seq it has sent up to.
 */
import type { RunEventHub } from "./run-event-hub";
import { sseComment, sseEvent, sseMessage, sseRetry } from "./sse";
import { isFinalRun, type LiveEvent, type RunStatus } from "./types";

export interface RunStreamDeps {
  hub: Pick<RunEventHub, "watch">;
  /** Events with seq > after, oldest first, at most `limit`. */
  readEvents: (runId: string, after: number, limit: number) => Promise<LiveEvent[]>;
  /** The run's status now, or null if it is gone. */
  runStatus: (runId: string) => Promise<RunStatus | null>;
}

export interface RunStreamOptions {
  runId: string;
  after: number;
  signal?: AbortSignal;
  /** Close after this long (the browser reconnects). Default 5 minutes. */
  maxMs?: number;
  /** Comment line after this much silence. Default 15 s. */
  heartbeatMs?: number;
  /** Reconnect delay the browser is told. Default 1 s. */
  retryMs?: number;
  pageSize?: number;
}

export function runEventStream(deps: RunStreamDeps, opts: RunStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const maxMs = opts.maxMs ?? 5 * 60_000;
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const pageSize = opts.pageSize ?? 500;
  let stop: (() => void) | null = null;
  let cancelled = false;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      // Watch BEFORE the first read: a wake that lands during a read is kept, never lost.
      const watch = deps.hub.watch(opts.runId);
      let open = true;
      stop = () => {
        open = false;
        watch.close();
      };
      opts.signal?.addEventListener("abort", stop, { once: true });
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const deadline = Date.now() + maxMs;
      let seq = opts.after;
      try {
        send(sseRetry(opts.retryMs ?? 1000));
        let status = await deps.runStatus(opts.runId);
        let read = true;
        while (open && Date.now() < deadline) {
          if (read) {
            const batch = await deps.readEvents(opts.runId, seq, pageSize);
            for (const e of batch) {
              send(sseEvent(e));
              seq = e.seq;
              if (e.type === "run.status") status = e.data.status as RunStatus;
            }
            if (batch.length === pageSize) continue;
            // Everything up to the final status is written with it: nothing can follow but a retry, which reconnects.
            if (status === null || isFinalRun(status)) {
              send(sseMessage("end", { status }));
              break;
            }
          }
          const wake = await watch.next(Math.min(heartbeatMs, Math.max(1, deadline - Date.now())));
          // Output hints alone do not touch the database (chatty steps cost no queries); a quiet spell re-reads once, in case a wake was missed.
          read = wake.kind !== "wake" || wake.events;
          if (wake.kind === "timeout") send(sseComment("keep-alive"));
          else if (wake.kind === "wake") for (const h of wake.hints) send(sseMessage("hint", h));
        }
      } catch {
        // The database went away mid-stream: close; the browser reconnects from its last id.
      }
      watch.close();
      opts.signal?.removeEventListener("abort", stop);
      open = false;
      // After cancel() the consumer is gone and the controller already closed.
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true;
      stop?.();
    },
  });
}
