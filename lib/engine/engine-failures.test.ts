import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store";
import { createTestEngine } from "./testing";

const wf = (steps: unknown[], extra: Record<string, unknown> = {}) => ({ name: "t", steps, ...extra });
const noop = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({ id, kind: "noop", dependsOn, ...extra });

async function statuses(store: MemoryStore, runId: string) {
  const rows = await store.listTaskRuns(runId);
  return Object.fromEntries(rows.map((r) => [r.stepId, r.status]));
}

describe("engine: retries", () => {
  it("retries with exponential backoff, capped, and reports the backoff as a wait reason", async () => {
    const t = await createTestEngine();
    const runId = await t.start(
      wf([noop("a", [], { retry: { maxAttempts: 4, backoff: "exponential", delaySec: 2, maxDelaySec: 5 } })]),
    );
    const t0 = t.clock.now();
    t.executor.fail("a");
    await t.flush();
    let view = await t.engine.getRun(runId);
    expect(view!.tasks[0]).toMatchObject({ status: "waiting", waitReason: { type: "backoff", until: t0 + 2000, attempt: 2 } });
    await t.advance(1999);
    expect(t.executor.running()).toEqual([]);
    await t.advance(1);
    expect(t.executor.running()).toEqual(["a"]);
    t.executor.fail("a");
    await t.flush();
    view = await t.engine.getRun(runId);
    expect(view!.tasks[0]!.waitReason).toMatchObject({ type: "backoff", until: t.clock.now() + 4000 });
    await t.advance(4000);
    t.executor.fail("a");
    await t.flush();
    view = await t.engine.getRun(runId);
    expect(view!.tasks[0]!.waitReason).toMatchObject({ type: "backoff", until: t.clock.now() + 5000 }); // capped (8 → 5)
    await t.advance(5000);
    t.executor.succeed("a");
    await t.flush();
    expect((await t.store.getRun(runId))?.status).toBe("succeeded");
    expect((await t.store.listAttempts(runId)).map((a) => a.status)).toEqual(["failed", "failed", "failed", "succeeded"]);
  });

  it("uses fixed backoff with jitter from the injected random source", async () => {
    const t = await createTestEngine({ random: () => 0.5 });
    const runId = await t.start(wf([noop("a", [], { retry: { maxAttempts: 2, backoff: "fixed", delaySec: 10, jitter: 0.5 } })]));
    t.executor.fail("a");
    await t.flush();
    const view = await t.engine.getRun(runId);
    expect(view!.tasks[0]!.waitReason).toMatchObject({ type: "backoff", until: t.clock.now() + 7500 });
  });

  it("inherits the workflow retry policy and fails after the last attempt", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a")], { retry: { maxAttempts: 2, delaySec: 0 } }));
    t.executor.fail("a", 2);
    await t.flush();
    t.executor.fail("a", 3);
    await t.flush();
    const run = await t.store.getRun(runId);
    expect(run?.status).toBe("failed");
    const [task] = await t.store.listTaskRuns(runId);
    expect(task).toMatchObject({ status: "failed", attempt: 2, exitCode: 3, error: "exit code 3" });
  });

  it("times out a step, retries on timeout, and fails when retries are exhausted", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a", [], { timeoutSec: 10, retry: { maxAttempts: 2, delaySec: 0 } })]));
    await t.advance(9999);
    expect(t.executor.running()).toEqual(["a"]);
    await t.advance(1);
    expect(t.executor.calls[0]!.ctx.signal.aborted).toBe(true);
    expect(t.executor.running()).toEqual(["a"]); // second attempt
    await t.advance(10_000);
    const attempts = await t.store.listAttempts(runId);
    expect(attempts.map((a) => [a.status, a.reason])).toEqual([
      ["timed_out", "timeout"],
      ["timed_out", "timeout"],
    ]);
    expect((await t.store.getRun(runId))?.status).toBe("failed");
  });

  it("does not retry a timeout when retryOnTimeout is false", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a", [], { timeoutSec: 1, retry: { maxAttempts: 3, retryOnTimeout: false } })]));
    await t.advance(1000);
    expect((await t.store.listAttempts(runId))).toHaveLength(1);
    expect((await t.store.getRun(runId))?.status).toBe("failed");
  });

  it("settles an attempt whose executor ignores the abort", async () => {
    const t = await createTestEngine({ abortSettleMs: 3000 });
    t.executor.ignoreAbort = true;
    const runId = await t.start(wf([noop("a", [], { timeoutSec: 1 }), noop("b", ["a"])]));
    await t.advance(1000);
    expect((await t.store.getRun(runId))?.status).toBe("running");
    await t.advance(3000);
    expect(await statuses(t.store, runId)).toEqual({ a: "failed", b: "upstream_failed" });
    expect(t.engine.listPools().every((p) => p.used === 0)).toBe(true);
  });
});

describe("engine: failure policies", () => {
  const diamond = (extra: Record<string, unknown> = {}) =>
    wf([noop("a"), noop("bad", ["a"]), noop("other", ["a"]), noop("after-bad", ["bad"]), noop("after-other", ["other"]), noop("end", ["after-bad", "after-other"])], extra);

  it("onFailure stop: nothing new starts, running steps finish, descendants are upstream_failed", async () => {
    const t = await createTestEngine();
    const runId = await t.start(diamond({ onFailure: "stop" }));
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["bad", "other"]);
    t.executor.fail("bad");
    await t.flush();
    expect(t.executor.running()).toEqual(["other"]);
    expect((await t.store.getRun(runId))?.status).toBe("running");
    t.executor.succeed("other");
    await t.flush();
    expect(await statuses(t.store, runId)).toEqual({
      a: "succeeded",
      bad: "failed",
      other: "succeeded",
      "after-bad": "upstream_failed",
      "after-other": "cancelled",
      end: "upstream_failed",
    });
    const run = await t.store.getRun(runId);
    expect(run).toMatchObject({ status: "failed", error: 'step "bad" failed' });
  });

  it("onFailure continue: independent branches run to the end", async () => {
    const t = await createTestEngine();
    const runId = await t.start(diamond({ onFailure: "continue" }));
    t.executor.succeed("a");
    await t.flush();
    t.executor.fail("bad");
    t.executor.succeed("other");
    await t.flush();
    t.executor.succeed("after-other");
    await t.flush();
    expect(await statuses(t.store, runId)).toEqual({
      a: "succeeded",
      bad: "failed",
      other: "succeeded",
      "after-bad": "upstream_failed",
      "after-other": "succeeded",
      end: "upstream_failed",
    });
    expect((await t.store.getRun(runId))?.status).toBe("failed");
  });

  it("continueOnFailure lets dependents run and the run succeed", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("lint", [], { continueOnFailure: true }), noop("build", ["lint"])]));
    t.executor.fail("lint");
    await t.flush();
    expect(t.executor.running()).toEqual(["build"]);
    t.executor.succeed("build");
    await t.flush();
    expect(await statuses(t.store, runId)).toEqual({ lint: "failed", build: "succeeded" });
    expect((await t.store.getRun(runId))?.status).toBe("succeeded");
  });

  it("an executor that throws or is missing fails the step instead of breaking the engine", async () => {
    const t = await createTestEngine({
      executors: {
        noop: {
          execute: () => {
            throw new Error("kaput");
          },
        },
      },
    });
    const runId = await t.start(wf([noop("a"), { id: "b", kind: "delay", delayMs: 5 }], { onFailure: "continue" }));
    await t.flush();
    const tasks = await t.store.listTaskRuns(runId);
    expect(tasks.map((x) => [x.stepId, x.status, x.error])).toEqual([
      ["a", "failed", "kaput"],
      ["b", "failed", 'no executor for step kind "delay"'],
    ]);
  });

  it("the run timeout aborts running steps, cancels the rest and fails the run", async () => {
    const t = await createTestEngine();
    const runId = await t.start(wf([noop("a"), noop("b", ["a"])], { timeoutSec: 60 }));
    await t.advance(60_000);
    expect(await statuses(t.store, runId)).toEqual({ a: "failed", b: "cancelled" });
    const run = await t.store.getRun(runId);
    expect(run).toMatchObject({ status: "failed", error: "run timed out after 60s" });
    expect((await t.store.listAttempts(runId))[0]).toMatchObject({ status: "timed_out", reason: "run-timeout" });
  });
});
