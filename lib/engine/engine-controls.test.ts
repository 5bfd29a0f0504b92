import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store";
import { createTestEngine } from "./testing";

const wf = (steps: unknown[], extra: Record<string, unknown> = {}) => ({ name: "t", steps, ...extra });
const noop = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({ id, kind: "noop", dependsOn, ...extra });

async function statuses(store: MemoryStore, runId: string) {
  const rows = await store.listTaskRuns(runId);
  return Object.fromEntries(rows.map((r) => [r.stepId, r.status]));
}

describe("engine: pause, resume, cancel", () => {
  it("pause stops new dispatch while running steps finish; resume continues; both recorded", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b", ["a"]), noop("c", ["b"])]));
    const pausedAt = t.clock.now();
    expect(await t.engine.pause(runId, { by: "alice" })).toEqual({ ok: true });
    expect(await t.store.getRun(runId)).toMatchObject({ status: "paused", pausedBy: "alice", pausedAt });
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual([]);
    const view = await t.engine.getRun(runId);
    expect(view!.tasks.map((x) => [x.stepId, x.status, x.waitReason])).toEqual([
      ["a", "succeeded", null],
      ["b", "ready", { type: "paused" }],
      ["c", "pending", { type: "dependencies", waitingFor: ["b"] }],
    ]);
    await t.advance(10_000);
    expect(await t.engine.resume(runId, { by: "bob" })).toEqual({ ok: true });
    await t.flush();
    expect(t.executor.running()).toEqual(["b"]);
    const controls = (await t.store.listEvents(runId)).filter((e) => e.type === "run.control");
    expect(controls.map((e) => [e.payload, e.ts])).toEqual([
      [{ action: "pause", by: "alice" }, pausedAt],
      [{ action: "resume", by: "bob" }, pausedAt + 10_000],
    ]);
    expect(await t.engine.resume(runId)).toMatchObject({ ok: false, reason: "invalid-state" });
  });

  it("cancel aborts running steps, settles every step and records who and when", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b"), noop("c", ["a", "b"])]));
    t.executor.succeed("a");
    await t.flush();
    const at = t.clock.now();
    expect(await t.engine.cancel(runId, { by: "carol" })).toEqual({ ok: true });
    await t.flush();
    expect(t.executor.calls.find((c) => c.ctx.stepId === "b")!.ctx.signal.aborted).toBe(true);
    expect(await statuses(t.store, runId)).toEqual({ a: "succeeded", b: "cancelled", c: "cancelled" });
    expect(await t.store.getRun(runId)).toMatchObject({ status: "cancelled", cancelledBy: "carol", cancelledAt: at });
    expect(await t.engine.cancel(runId)).toMatchObject({ ok: false, reason: "invalid-state" });
    expect(t.engine.liveRunIds()).toEqual([]);
  });

  it("cancel of a paused run and of backing-off steps settles everything", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a", [], { retry: { maxAttempts: 3, delaySec: 30 } }), noop("b")]));
    t.executor.fail("a");
    await t.engine.pause(runId);
    await t.engine.cancel(runId, { by: "dave" });
    await t.flush();
    expect(await statuses(t.store, runId)).toEqual({ a: "cancelled", b: "cancelled" });
    expect(t.clock.pending()).toBe(2); // only the heartbeat and the control poll remain
    await t.advance(60_000);
    expect(t.executor.calls).toHaveLength(2);
  });

  it("controls on unknown runs are refused as values", async () => {
    const t = await createTestEngine();
    expect(await t.engine.pause("nope")).toMatchObject({ ok: false, reason: "not-found" });
  });

  it("retryFailed re-runs failed and upstream-failed steps only", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("ok"), noop("bad"), noop("after", ["ok", "bad"])], { onFailure: "continue" }));
    t.executor.succeed("ok");
    t.executor.fail("bad");
    await t.flush();
    expect((await t.store.getRun(runId))?.status).toBe("failed");
    expect(await t.engine.retryFailed(runId, { by: "erin" })).toEqual({ ok: true });
    await t.flush();
    expect(t.executor.running()).toEqual(["bad"]);
    t.executor.succeed("bad");
    await t.flush();
    t.executor.succeed("after");
    await t.flush();
    expect(await statuses(t.store, runId)).toEqual({ ok: "succeeded", bad: "succeeded", after: "succeeded" });
    const run = await t.store.getRun(runId);
    expect(run).toMatchObject({ status: "succeeded", error: null });
    expect(t.executor.started().filter((s) => s === "ok")).toHaveLength(1);
    const attempts = (await t.store.listAttempts(runId)).filter((a) => a.stepId === "bad");
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, "failed"],
      [2, "succeeded"],
    ]);
    expect((await t.store.listEvents(runId)).some((e) => e.type === "run.control" && (e.payload as { by: string }).by === "erin")).toBe(true);
    expect(await t.engine.retryFailed(runId)).toMatchObject({ ok: false, reason: "invalid-state" });
  });
});

describe("engine: wait reasons", () => {
  it("explains every non-running step", async () => {
    const t = await createTestEngine({ pools: { cpu: 4, memory: 1000, slot: 1 }, limits: { maxConcurrentTasks: 10 } });
    const runId = await t.start(
      wf([
        noop("hold", [], { resources: { pools: { slot: 1 } } }),
        noop("needs-slot", [], { resources: { pools: { slot: 1 } } }),
        noop("flaky", [], { retry: { maxAttempts: 2, delaySec: 9 } }),
        noop("child", ["hold", "flaky"]),
      ]),
    );
    t.executor.fail("flaky");
    await t.flush();
    const view = await t.engine.getRun(runId);
    const reasons = Object.fromEntries(view!.tasks.map((x) => [x.stepId, x.waitReason]));
    expect(reasons).toEqual({
      hold: null,
      "needs-slot": { type: "resource", pool: "slot", needed: 1, free: 0, capacity: 1 },
      flaky: { type: "backoff", until: t.clock.now() + 9000, attempt: 2 },
      child: { type: "dependencies", waitingFor: ["hold", "flaky"] },
    });
    // The stored snapshot of a waiting step carries its reason too.
    const stored = (await t.store.listTaskRuns(runId)).find((x) => x.stepId === "needs-slot");
    expect(stored?.waitReason).toMatchObject({ type: "resource", pool: "slot" });
  });

  it("reports the global concurrency limit", async () => {
    const t = await createTestEngine({ limits: { maxConcurrentTasks: 1 } });
    const runId = await t.start(wf([noop("a"), noop("b")]));
    const view = await t.engine.getRun(runId);
    expect(view!.tasks[1]!.waitReason).toEqual({ type: "concurrency", scope: "global", limit: 1 });
  });
});
