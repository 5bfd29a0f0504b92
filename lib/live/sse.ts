/**
 * Server-Sent Events framing for the run stream. Persisted events carry
 * `id: <seq>` so the browser resumes with `Last-Event-ID`; hints and the end
 * marker carry no id, which leaves the browser's last event id unchanged.
 */
import type { LiveEvent, LiveHint, RunStatus } from "./types";

/** A persisted run event. */
export function sseEvent(e: LiveEvent): string {
  return `id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`;
}

/** A named, id-less message (`hint`, `end`). */
export function sseMessage(name: "hint" | "end", data: LiveHint | { status: RunStatus | null }): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies from closing an idle connection. */
export function sseComment(text: string): string {
  return `: ${text.replace(/\n/g, " ")}\n\n`;
}

/** How long the browser waits before reconnecting after the stream closes. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/**
 * Where to resume: the browser's `Last-Event-ID` (set on automatic
 * reconnects) wins over the `after` query parameter of the first connect.
 */
export function resumeAfter(lastEventId: string | null, after: string | null): number {
  for (const raw of [lastEventId, after]) {
    if (raw == null || raw.trim() === "") continue;
    const n = Number(raw);
    if (Number.isSafeInteger(n) && n >= 0) return n;
  }
  return 0;
}

/** Parses SSE text into messages (tests, and clients without EventSource). */
export function parseSse(text: string): { id?: string; event: string; data: string }[] {
  const out: { id?: string; event: string; data: string }[] = [];
  for (const block of text.split("\n\n")) {
    let id: string | undefined;
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("id: ")) id = line.slice(4);
      else if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length) out.push({ ...(id !== undefined ? { id } : {}), event, data: data.join("\n") });
  }
  return out;
}
