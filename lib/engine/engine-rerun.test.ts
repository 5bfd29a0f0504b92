import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store";
import { planRerunFrom } from "./rerun";
import { createTestEngine } from "./testing";

const wf = <S>(steps: S[], extra: Record<string, unknown> = {}) => ({ name: "t", steps, ...extra });
const noop = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({ id, kind: "noop", dependsOn, ...extra });

async function rows(store: MemoryStore, runId: string) {
  return Object.fromEntries((await store.listTaskRuns(runId)).map((r) => [r.stepId, r]));
}

async function attemptCounts(store: MemoryStore, runId: string) {
  const counts: Record<string, number> = {};
  for (const a of await store.listAttempts(runId)) counts[a.stepId] = (counts[a.stepId] ?? 0) + 1;
  return counts;
}

describe("engine: rerun from a step", () => {
  // a → b → c, a → d
  const DIAMOND = wf([noop("a"), noop("b", ["a"]), noop("c", ["b"]), noop("d", ["a"])]);

  async function finishedDiamond() {
    const t = await createTestEngine();
    const runId = await t.start(DIAMOND);
    t.executor.succeed("a", { v: 1 });
    await t.flush();
    t.executor.succeed("b", { w: 1 });
    t.executor.succeed("d", { z: 1 });
    await t.flush();
    t.executor.succeed("c");
    await t.flush();
    expect((await t.store.getRun(runId))?.status).toBe("succeeded");
    return { t, runId };
  }

  it("runs exactly the planned steps again as new attempts; kept steps keep their results and outputs", async () => {
    const { t, runId } = await finishedDiamond();
    const plan = planRerunFrom(DIAMOND, "b")!;
    expect(plan).toEqual({ stepId: "b", rerun: ["b", "c"], keep: ["a", "d"] });

    t.executor.calls.length = 0;
    expect(await t.engine.rerunFrom(runId, "b", { by: "erin" })).toEqual({ ok: true });
    await t.flush();
    expect(await t.store.getRun(runId)).toMatchObject({ status: "running", finishedAt: null, error: null, metrics: null });
    const during = await rows(t.store, runId);
    expect(during.b).toMatchObject({ status: "running", attempt: 2, outputs: null });
    expect(during.c).toMatchObject({ status: "pending", attempt: 1, outputs: null, finishedAt: null, startedAt: null });
    expect(during.a).toMatchObject({ status: "succeeded", attempt: 1, outputs: { v: 1 } });
    expect(during.d).toMatchObject({ status: "succeeded", attempt: 1, outputs: { z: 1 } });

    // Kept outputs flow into the rerun steps; new outputs replace the old ones.
    expect(t.executor.running()).toEqual(["b"]);
    expect(t.executor.calls[0]!.ctx.upstreamOutputs).toEqual({ a: { v: 1 } });
    t.executor.succeed("b", { w: 2 });
    await t.flush();
    expect(t.executor.calls[1]!.ctx.upstreamOutputs).toEqual({ b: { w: 2 } });
    t.executor.succeed("c", { done: true });
    await t.flush();

    expect(t.executor.started()).toEqual(plan.rerun);
    expect(await attemptCounts(t.store, runId)).toEqual({ a: 1, b: 2, c: 2, d: 1 });
    const after = await rows(t.store, runId);
    expect(after.b).toMatchObject({ status: "succeeded", attempt: 2, outputs: { w: 2 } });
    expect(after.c).toMatchObject({ status: "succeeded", attempt: 2, outputs: { done: true } });
    expect(await t.store.getRun(runId)).toMatchObject({ status: "succeeded", error: null });
    const rerun = (await t.store.listEvents(runId)).find((e) => e.type === "run.rerun");
    expect(rerun?.payload).toEqual({ stepId: "b", rerun: ["b", "c"], keep: ["a", "d"], by: "erin" });
    expect(t.engine.liveRunIds()).toEqual([]);
  });

  it("refuses while the run is active, for unknown steps and runs, and when a needed kept step did not succeed", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b", ["a"])]));
    expect(await t.engine.rerunFrom(runId, "a")).toEqual({ ok: false, reason: "invalid-state", message: "the run is still active" });
    t.executor.succeed("a");
    await t.flush();
    t.executor.succeed("b");
    await t.flush();
    expect(await t.engine.rerunFrom(runId, "zzz")).toEqual({ ok: false, reason: "not-found", message: 'the run has no step "zzz"' });
    expect(await t.engine.rerunFrom("nope", "a")).toMatchObject({ ok: false, reason: "not-found" });

    const failing = await t.start(wf([noop("x"), noop("y", ["x"])]));
    t.executor.fail("x");
    await t.flush();
    expect(await rows(t.store, failing)).toMatchObject({ x: { status: "failed" }, y: { status: "upstream_failed" } });
    const res = await t.engine.rerunFrom(failing, "y");
    expect(res).toMatchObject({ ok: false, reason: "invalid-state" });
    expect(!res.ok && res.message).toContain('step "x" (failed) keeps its result but did not succeed');
    expect((await t.store.getRun(failing))?.status).toBe("failed");
    // Rerunning from the failed step itself is fine.
    expect(await t.engine.rerunFrom(failing, "x")).toEqual({ ok: true });
    await t.flush();
    t.executor.succeed("x");
    await t.flush();
    t.executor.succeed("y");
    await t.flush();
    expect(await t.store.getRun(failing)).toMatchObject({ status: "succeeded", error: null });
    expect(await attemptCounts(t.store, failing)).toEqual({ x: 2, y: 1 });
  });

  it("kept steps that did not succeed keep their result: the rerun runs, the run still ends failed", async () => {
    const t = await createTestEngine();
    // bad fails while slow runs: onFailure stop cancels later.
    const runId = await t.start(wf([noop("bad"), noop("slow"), noop("later", ["slow"])]));
    t.executor.fail("bad");
    await t.flush();
    t.executor.succeed("slow");
    await t.flush();
    expect(await rows(t.store, runId)).toMatchObject({ bad: { status: "failed" }, slow: { status: "succeeded" }, later: { status: "cancelled" } });

    expect(await t.engine.rerunFrom(runId, "bad")).toEqual({ ok: true });
    await t.flush();
    expect(t.executor.running()).toEqual(["bad"]);
    t.executor.succeed("bad");
    await t.flush();
    expect(await rows(t.store, runId)).toMatchObject({ bad: { status: "succeeded", attempt: 2 }, later: { status: "cancelled", attempt: 0 } });
    expect(await t.store.getRun(runId)).toMatchObject({ status: "failed", error: 'step "later" did not succeed' });
  });

  it("a cancelled run can be rerun from a step; a second rerun numbers attempts on", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b", ["a"])]));
    t.executor.succeed("a");
    await t.flush();
    await t.engine.cancel(runId);
    await t.flush();
    expect(await t.store.getRun(runId)).toMatchObject({ status: "cancelled" });
    for (let round = 0; round < 2; round++) {
      expect(await t.engine.rerunFrom(runId, "b")).toEqual({ ok: true });
      await t.flush();
      t.executor.succeed("b");
      await t.flush();
    }
    expect(await t.store.getRun(runId)).toMatchObject({ status: "succeeded", cancelledAt: null, cancelledBy: null });
    expect((await t.store.listAttempts(runId)).filter((a) => a.stepId === "b").map((a) => [a.attempt, a.status])).toEqual([
      [1, "cancelled"],
      [2, "succeeded"],
      [3, "succeeded"],
    ]);
  });
});

describe("engine: a reopened run's timeout", () => {
  it("starts afresh, so a run with timeoutSec can be retried or rerun long after its first deadline", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b", ["a"])], { timeoutSec: 10, onFailure: "continue" }));
    t.executor.succeed("a");
    await t.flush();
    t.executor.fail("b");
    await t.flush();
    expect((await t.store.getRun(runId))?.status).toBe("failed");
    await t.advance(60_000);

    expect(await t.engine.retryFailed(runId)).toEqual({ ok: true });
    await t.flush();
    expect(await t.store.getRun(runId)).toMatchObject({ status: "running", deadlineAt: t.clock.now() + 10_000 });
    await t.advance(5_000);
    t.executor.succeed("b");
    await t.flush();
    expect(await t.store.getRun(runId)).toMatchObject({ status: "succeeded", error: null });

    await t.advance(60_000);
    expect(await t.engine.rerunFrom(runId, "a")).toEqual({ ok: true });
    await t.flush();
    expect(await t.store.getRun(runId)).toMatchObject({ status: "running", deadlineAt: t.clock.now() + 10_000 });
    // The fresh deadline still applies.
    await t.advance(10_000);
    expect(await t.store.getRun(runId)).toMatchObject({ status: "failed", error: "run timed out after 10s" });
  });
});
