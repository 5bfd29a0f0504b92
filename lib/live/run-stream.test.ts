import { afterEach, describe, expect, it } from "vitest";
import { RunEventHub, type HubEngineEvent } from "./run-event-hub";
import { runEventStream } from "./run-stream";
import { parseSse } from "./sse";
import type { LiveEvent, RunStatus } from "./types";

/** An in-memory event log standing in for the RunEvent table. */
function fakeRun() {
  const events: LiveEvent[] = [];
  let status: RunStatus = "running";
  let listener: ((e: HubEngineEvent) => void) | null = null;
  let reads = 0;
  const append = (type: string, data: Record<string, unknown>, announce = true) => {
    const e = { seq: events.length + 1, ts: events.length, type, data };
    events.push(e);
    if (type === "run.status") status = data.status as RunStatus;
    if (announce) listener?.({ type, runId: "r1", seq: e.seq });
  };
  const deps = {
    readEvents: async (_id: string, after: number, limit: number) => {
      reads++;
      return events.filter((e) => e.seq > after).slice(0, limit);
    },
    runStatus: async () => status,
  };
  return {
    append,
    deps,
    get reads() {
      return reads;
    },
    subscribe: async (l: (e: HubEngineEvent) => void) => {
      listener = l;
      return () => (listener = null);
    },
    maxSeqs: async (ids: string[]) => new Map(ids.map((id) => [id, events.length])),
  };
}

/** Reads SSE messages until `until` says stop, then cancels the stream. */
async function readUntil(stream: ReadableStream<Uint8Array>, until: (msgs: ReturnType<typeof parseSse>) => boolean) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) text += decoder.decode(value, { stream: true });
    const msgs = parseSse(text);
    if (done || until(msgs)) {
      await reader.cancel();
      return msgs;
    }
  }
}

const seqs = (msgs: ReturnType<typeof parseSse>) => msgs.filter((m) => m.id !== undefined).map((m) => Number(m.id));
let hubs: RunEventHub[] = [];
afterEach(() => {
  hubs = [];
});

describe("runEventStream", () => {
  it("resumes after a dropped connection with no gap and no duplicate", async () => {
    const run = fakeRun();
    const hub = new RunEventHub({ subscribe: run.subscribe, maxSeqs: run.maxSeqs, pollIntervalMs: 10_000 });
    hubs.push(hub);
    for (let i = 0; i < 5; i++) run.append("task.status", { stepId: `s${i}` });

    const first = await readUntil(runEventStream({ ...run.deps, hub }, { runId: "r1", after: 0 }), (m) => seqs(m).length >= 3);
    const got = seqs(first);
    expect(got.slice(0, 3)).toEqual([1, 2, 3]);
    const last = got.at(-1)!;

    // More happens while disconnected, then the client comes back with Last-Event-ID.
    run.append("task.status", { stepId: "late" });
    const second = runEventStream({ ...run.deps, hub }, { runId: "r1", after: last });
    setTimeout(() => run.append("run.status", { status: "succeeded", previous: "running" }), 20);
    const rest = await readUntil(second, (m) => m.some((x) => x.event === "end"));
    expect([...got, ...seqs(rest)]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rest.at(-1)).toEqual({ event: "end", data: JSON.stringify({ status: "succeeded" }) });
    expect(hub.size).toBe(0);
  });

  it("is woken by the engine subscription at once, and forwards step hints without an id", async () => {
    const run = fakeRun();
    let engineListener: ((e: HubEngineEvent) => void) | null = null;
    const hub = new RunEventHub({
      subscribe: async (l) => {
        engineListener = l;
        return () => {};
      },
      maxSeqs: run.maxSeqs,
      pollIntervalMs: 60_000,
    });
    const stream = runEventStream({ ...run.deps, hub }, { runId: "r1", after: 0 });
    setTimeout(() => {
      run.append("task.status", { stepId: "a" }, false);
      engineListener?.({ type: "task.status", runId: "r1", seq: 1 });
      engineListener?.({ type: "log", runId: "r1", stepId: "a" });
    }, 10);
    const msgs = await readUntil(stream, (m) => m.some((x) => x.event === "hint"));
    expect(seqs(msgs)).toEqual([1]);
    expect(msgs.find((m) => m.event === "hint")).toEqual({ event: "hint", data: JSON.stringify({ kind: "log", stepId: "a" }) });
  });

  it("forwards output hints without reading the database again", async () => {
    const run = fakeRun();
    let engineListener: ((e: HubEngineEvent) => void) | null = null;
    const hub = new RunEventHub({
      subscribe: async (l) => {
        engineListener = l;
        return () => {};
      },
      maxSeqs: run.maxSeqs,
      pollIntervalMs: 60_000,
    });
    const stream = runEventStream({ ...run.deps, hub }, { runId: "r1", after: 0 });
    await new Promise((r) => setTimeout(r, 10));
    const readsBefore = run.reads;
    for (let i = 0; i < 5; i++) setTimeout(() => engineListener?.({ type: "log", runId: "r1", stepId: "a" }), 5 + i * 5);
    const msgs = await readUntil(stream, (m) => m.filter((x) => x.event === "hint").length >= 3);
    expect(msgs.every((m) => m.event === "hint")).toBe(true);
    expect(run.reads).toBe(readsBefore);
  });

  it("falls back to polling for runs another process executes", async () => {
    const run = fakeRun();
    const hub = new RunEventHub({ maxSeqs: run.maxSeqs, pollIntervalMs: 20 });
    const stream = runEventStream({ ...run.deps, hub }, { runId: "r1", after: 0 });
    setTimeout(() => run.append("run.status", { status: "failed", previous: "running" }, false), 30);
    const msgs = await readUntil(stream, (m) => m.some((x) => x.event === "end"));
    expect(seqs(msgs)).toEqual([1]);
  });

  it("ends at once for a finished run the client has fully seen", async () => {
    const run = fakeRun();
    run.append("run.status", { status: "cancelled", previous: "running" });
    const hub = new RunEventHub({ maxSeqs: run.maxSeqs, pollIntervalMs: 60_000 });
    const msgs = await readUntil(runEventStream({ ...run.deps, hub }, { runId: "r1", after: 1 }), () => false);
    expect(msgs).toEqual([{ event: "end", data: JSON.stringify({ status: "cancelled" }) }]);
  });

  it("sends a keep-alive comment when idle and stops when the client aborts", async () => {
    const run = fakeRun();
    const hub = new RunEventHub({ maxSeqs: run.maxSeqs, pollIntervalMs: 60_000 });
    const ac = new AbortController();
    const reader = runEventStream({ ...run.deps, hub }, { runId: "r1", after: 0, heartbeatMs: 10, signal: ac.signal }).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("keep-alive")) text += decoder.decode((await reader.read()).value);
    ac.abort();
    for (;;) if ((await reader.read()).done) break;
    expect(hub.size).toBe(0);
  });
});
