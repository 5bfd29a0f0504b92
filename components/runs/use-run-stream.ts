"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent, LiveHint } from "@/lib/live/types";

/** `live`: events stream in; `polling`: the stream could not be opened, the page polls snapshots. */
export type StreamMode = "connecting" | "live" | "polling" | "ended";

export interface RunStreamHandlers {
  /** A batch of events in seq order (batched per ~100 ms so a busy run renders once per batch). */
  onEvents(events: LiveEvent[]): void;
  onHint(hint: LiveHint): void;
  /** The run reached its final status and everything was sent. */
  onEnd(): void;
}

const BATCH_MS = 100;
/** Consecutive failed (re)connects before falling back to polling. */
const MAX_FAILURES = 3;
/** While polling, try the stream again after this long. */
const RETRY_STREAM_MS = 15_000;

/**
 * Follows `/api/v1/runs/:id/stream` while `enabled`, starting after the seq
 * `after()` returns. The browser's EventSource reconnects by itself with
 * Last-Event-ID; if it cannot (no EventSource, HTTP errors, repeated
 * failures) the mode becomes `polling` and the stream is tried again later.
 */
export function useRunStream(runId: string, enabled: boolean, after: () => number, handlers: RunStreamHandlers): StreamMode {
  const [mode, setMode] = useState<Exclude<StreamMode, "ended">>("connecting");
  const [ended, setEnded] = useState(false);
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ after, handlers });
  useEffect(() => {
    latest.current = { after, handlers };
  });

  useEffect(() => {
    if (!enabled) return;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const fallBack = () => {
      setEnded(false);
      setMode("polling");
      retryTimer = setTimeout(() => {
        setMode("connecting");
        setGeneration((g) => g + 1);
      }, RETRY_STREAM_MS);
    };
    if (typeof EventSource === "undefined") {
      queueMicrotask(fallBack);
      return () => {
        if (retryTimer) clearTimeout(retryTimer);
      };
    }
    const es = new EventSource(`/api/v1/runs/${encodeURIComponent(runId)}/stream?after=${latest.current.after()}`);
    let buffer: LiveEvent[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    const flush = () => {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      if (buffer.length === 0) return;
      const batch = buffer;
      buffer = [];
      latest.current.handlers.onEvents(batch);
    };
    es.onopen = () => {
      failures = 0;
      setEnded(false);
      setMode("live");
    };
    es.onmessage = (m: MessageEvent<string>) => {
      try {
        buffer.push(JSON.parse(m.data) as LiveEvent);
      } catch {
        return; // a malformed message is skipped; the next event's seq reveals the gap and a reload follows
      }
      flushTimer ??= setTimeout(flush, BATCH_MS);
    };
    es.addEventListener("hint", (m: MessageEvent<string>) => {
      try {
        latest.current.handlers.onHint(JSON.parse(m.data) as LiveHint);
      } catch {
        // ignore a malformed hint: hints only hurry what polling does anyway
      }
    });
    es.addEventListener("end", () => {
      flush();
      es.close();
      setEnded(true);
      latest.current.handlers.onEnd();
    });
    es.onerror = () => {
      flush();
      failures++;
      if (es.readyState === EventSource.CLOSED || failures >= MAX_FAILURES) {
        es.close();
        fallBack();
      } else setMode("connecting");
    };
    return () => {
      flush();
      es.close();
      if (flushTimer) clearTimeout(flushTimer);
      if (retryTimer) clearTimeout(retryTimer);
    };
  }, [runId, enabled, generation]);

  return !enabled || ended ? "ended" : mode;
}
