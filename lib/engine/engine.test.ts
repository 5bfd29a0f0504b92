import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store";
import { createTestEngine } from "./testing";

const wf = (steps: unknown[], extra: Record<string, unknown> = {}) => ({ name: "t", steps, ...extra });
const noop = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({ id, kind: "noop", dependsOn, ...extra });

async function statuses(store: MemoryStore, runId: string) {
  const rows = await store.listTaskRuns(runId);
  return Object.fromEntries(rows.map((r) => [r.stepId, r.status]));
}

describe("engine: ordering", () => {
  it("runs a chain in dependency order and succeeds", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b", ["a"]), noop("c", ["b"])]));
    expect(t.executor.running()).toEqual(["a"]);
    await t.advance(1000);
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["b"]);
    await t.advance(2000);
    t.executor.succeed("b");
    await t.flush();
    await t.advance(500);
    t.executor.succeed("c");
    await t.flush();
    const run = await t.store.getRun(runId);
    expect(run?.status).toBe("succeeded");
    expect(await statuses(t.store, runId)).toEqual({ a: "succeeded", b: "succeeded", c: "succeeded" });
    expect(run?.metrics?.criticalPath).toEqual(["a", "b", "c"]);
    expect(run?.metrics?.makespanMs).toBe(3500);
    expect(run?.metrics?.meanParallelism).toBeCloseTo(1);
    expect(run?.finishedAt).toBe(run!.startedAt! + 3500);
  });

  it("starts independent steps in parallel and joins", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b"), noop("c"), noop("join", ["a", "b", "c"])]));
    expect(t.executor.running().sort()).toEqual(["a", "b", "c"]);
    t.executor.succeed("b");
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["c"]);
    t.executor.succeed("c");
    await t.flush();
    expect(t.executor.running()).toEqual(["join"]);
    t.executor.succeed("join");
    await t.flush();
    expect((await t.store.getRun(runId))?.status).toBe("succeeded");
  });

  it("orders ready steps by priority, then longest remaining path, then definition order", async () => {
    const t = await createTestEngine({ limits: { maxConcurrentTasks: 1 } });
    await t.start(
      wf([
        noop("low", [], { priority: -1 }),
        noop("short"),
        noop("long"),
        noop("long2", ["long"]),
        noop("long3", ["long2"]),
        noop("short-b"),
        noop("urgent", [], { priority: 5 }),
      ]),
    );
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      const [current] = t.executor.running();
      order.push(current!);
      t.executor.succeed(current!);
      await t.flush();
    }
    // urgent (priority) → long (critical path 3) → long2 (2) → short / short-b / long3 by definition order → low.
    expect(order).toEqual(["urgent", "long", "long2", "short", "long3", "short-b", "low"]);
  });

  it("uses history estimates for the critical-path tie-break", async () => {
    const t = await createTestEngine({ limits: { maxConcurrentTasks: 1 } });
    await t.start(wf([noop("a"), noop("b")]), { estimates: { a: 1, b: 60 } });
    expect(t.executor.running()).toEqual(["b"]);
  });

  it("respects the run concurrency limit and reports it as a wait reason", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b"), noop("c"), noop("d")], { concurrency: 2 }));
    expect(t.executor.running()).toEqual(["a", "b"]);
    const view = await t.engine.getRun(runId);
    const c = view!.tasks.find((x) => x.stepId === "c")!;
    expect(c.status).toBe("ready");
    expect(c.waitReason).toEqual({ type: "concurrency", scope: "run", limit: 2 });
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["b", "c"]);
  });

  it("respects the global limit across runs", async () => {
    const t = await createTestEngine({ limits: { maxConcurrentTasks: 3 } });
    const r1 = await t.start(wf([noop("a"), noop("b")]));
    await t.start(wf([noop("x"), noop("y")]));
    expect(t.executor.running()).toEqual(["a", "b", "x"]);
    const view = await t.engine.getRun(r1);
    expect(view!.live).toBe(true);
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["b", "x", "y"]);
  });

  it("passes params, working directory and upstream outputs to executors", async () => {
    const t = await createTestEngine();
    await t.start(wf([noop("a"), noop("b", ["a"])], { params: { branch: { default: "main" }, n: 3 } }), {
      params: { n: 7 },
      workingDir: "/tmp/project",
    });
    const a = t.executor.calls[0]!.ctx;
    expect(a.params).toEqual({ branch: "main", n: "7" });
    expect(a.workingDir).toBe("/tmp/project");
    t.executor.succeed("a", { version: "1.2.3" });
    await t.flush();
    expect(t.executor.calls[1]!.ctx.upstreamOutputs).toEqual({ a: { version: "1.2.3" } });
  });

  it("rejects invalid definitions and missing params without persisting anything", async () => {
    const t = await createTestEngine();
    const bad = await t.engine.startRun({ workflowVersionId: "v", definition: wf([noop("a", ["nope"])]) });
    expect(bad).toMatchObject({ ok: false, reason: "invalid-definition" });
    const missing = await t.engine.startRun({
      workflowVersionId: "v",
      definition: wf([noop("a")], { params: { who: { required: true } } }),
    });
    expect(missing).toEqual({ ok: false, reason: "missing-params", missing: ["who"] });
    expect(t.store.runs.size).toBe(0);
  });
});

describe("engine: events and persistence", () => {
  it("persists every state event before announcing it, with gap-free sequence numbers", async () => {
    const t = await createTestEngine();
    const seen: number[] = [];
    let unpersisted = 0;
    t.engine.subscribe((e) => {
      if (!("seq" in e) || e.type === "log") return;
      seen.push(e.seq);
      if (!(t.store.events.get(e.runId) ?? []).some((x) => x.seq === e.seq)) unpersisted++;
    });
    const runId = await t.start(wf([noop("a"), noop("b", ["a"])]));
    t.executor.succeed("a");
    await t.flush();
    t.executor.succeed("b");
    await t.flush();
    expect(unpersisted).toBe(0);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    const stored = await t.store.listEvents(runId);
    expect(stored.map((e) => e.seq)).toEqual(seen);
    expect(stored[0]!.type).toBe("run.created");
    expect(stored.at(-1)).toMatchObject({ type: "run.status", payload: { status: "succeeded", previous: "running" } });
  });

  it("batches a transition's writes into one commit", async () => {
    const t = await createTestEngine();
    const before = t.store.commits;
    await t.start(wf(Array.from({ length: 50 }, (_, i) => noop(`s${i}`))));
    // run + 50 tasks + 50 attempts + events: one commit.
    expect(t.store.commits - before).toBe(1);
    for (let i = 0; i < 50; i++) t.executor.succeed(`s${i}`);
    await t.flush();
    expect(t.store.commits - before).toBeLessThanOrEqual(3);
  });

  it("keeps working when a listener throws", async () => {
    const t = await createTestEngine();
    t.engine.subscribe(() => {
      throw new Error("boom");
    });
    const runId = await t.start(wf([noop("a")]));
    t.executor.succeed("a");
    await t.flush();
    expect((await t.store.getRun(runId))?.status).toBe("succeeded");
  });

  it("records every attempt with its own timings", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a", [], { retry: { maxAttempts: 2, backoff: "fixed", delaySec: 0 } })]));
    await t.advance(100);
    t.executor.fail("a", 3);
    await t.flush();
    await t.advance(200);
    t.executor.succeed("a");
    await t.flush();
    const attempts = await t.store.listAttempts(runId);
    expect(attempts.map((a) => [a.attempt, a.status, a.exitCode, a.finishedAt! - a.startedAt])).toEqual([
      [1, "failed", 3, 100],
      [2, "succeeded", null, 200],
    ]);
  });

  it("streams log chunks in order and stores them", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a")]));
    const ctx = t.executor.calls[0]!.ctx;
    ctx.log("stdout", "one\n");
    ctx.log("stderr", "two\n");
    ctx.log("stdout", "three\n");
    t.executor.succeed("a");
    await t.flush();
    const logs = await t.store.listLogs(runId);
    expect(logs.map((l) => [l.seq, l.stream, l.text])).toEqual([
      [1, "stdout", "one\n"],
      [2, "stderr", "two\n"],
      [3, "stdout", "three\n"],
    ]);
    expect(t.events.filter((e) => e.type === "log")).toHaveLength(3);
  });
});

describe("engine: process records", () => {
  it("records a process group reported with the outcome (a step that ended before its start was known)", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a")]));
    t.executor.settle("a", { ok: true, outputs: {}, exitCode: 0, process: { processGroupId: 4321, processStartTime: "boot:9" } });
    await t.flush();
    expect(await t.store.listAttempts(runId)).toEqual([
      expect.objectContaining({ stepId: "a", status: "succeeded", processGroupId: 4321, processStartTime: "boot:9" }),
    ]);
  });
});

describe("engine: executor lifecycle", () => {
  it("warms every distinct executor once when it starts and disposes them when it stops", async () => {
    const calls: string[] = [];
    const shared = { execute: async () => ({ ok: true as const, outputs: {} }), warm: () => calls.push("warm"), dispose: () => calls.push("dispose") };
    const failing = { execute: shared.execute, warm: () => { throw new Error("no"); } };
    const t = await createTestEngine({ executors: { shell: shared, noop: shared, http: failing } });
    expect(calls).toEqual(["warm"]); // once for the shared one; the failing one is logged, not thrown
    await t.engine.stop();
    expect(calls).toEqual(["warm", "dispose"]);
  });
});
