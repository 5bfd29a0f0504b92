import { describe, expect, it, vi } from "vitest";
import { FakeClock } from "./clock";
import type { LostAttempt, OrphanOutcome } from "./executors/types";
import { MemoryStore } from "./memory-store";
import { createTestEngine, ManualExecutor } from "./testing";
import type { RunRecord } from "./store";

const wf = (steps: unknown[], extra: Record<string, unknown> = {}) => ({ name: "t", steps, ...extra });
const noop = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({ id, kind: "noop", dependsOn, ...extra });
const EXPIRY = 30_000;
const pools = { cpu: 4, memory: 1000, slot: 1 };

async function statuses(store: MemoryStore, runId: string) {
  const rows = await store.listTaskRuns(runId);
  return Object.fromEntries(rows.map((r) => [r.stepId, r.status]));
}

/** Engine A runs until `a` succeeded and `b` runs, then "crashes" (is dropped). */
async function crashedRun(bRetry: Record<string, unknown> = { maxAttempts: 2, delaySec: 0 }, host = "host-1") {
  const store = new MemoryStore();
  const A = await createTestEngine({ store, instanceId: "A", host, clock: new FakeClock(1_000_000), heartbeatExpiryMs: EXPIRY, pools });
  const runId = await A.start(
    wf([noop("a"), noop("b", ["a"], { retry: bRetry, resources: { pools: { slot: 1 } } }), noop("c", ["b"])]),
  );
  A.executor.succeed("a");
  await A.flush();
  expect(A.executor.running()).toEqual(["b"]);
  expect(await store.listOpenAllocations(runId)).toHaveLength(1);
  return { store, A, runId };
}

describe("recovery", () => {
  it("a surviving instance takes over a dead owner's run: lost attempt retried, nothing done twice", async () => {
    const { store, runId } = await crashedRun();
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
    await B.flush();
    expect(B.engine.liveRunIds()).toEqual([runId]);
    expect(B.executor.running()).toEqual(["b"]);
    expect(B.executor.calls[0]!.ctx.attempt).toBe(2);
    const attempts = await store.listAttempts(runId);
    expect(attempts.map((a) => [a.stepId, a.attempt, a.status, a.instanceId])).toEqual([
      ["a", 1, "succeeded", "A"],
      ["b", 1, "lost", "A"],
      ["b", 2, "running", "B"],
    ]);
    // The dead instance's allocation was released; B holds its own.
    const open = await store.listOpenAllocations(runId);
    expect(open.map((a) => a.instanceId)).toEqual(["B"]);
    B.executor.succeed("b");
    await B.flush();
    B.executor.succeed("c");
    await B.flush();
    const run = await store.getRun(runId);
    expect(run).toMatchObject({ status: "succeeded", ownerInstanceId: "B" });
    expect(B.executor.started()).toEqual(["b", "c"]);
    const recovered = (await store.listEvents(runId)).find((e) => e.type === "run.recovered");
    expect(recovered?.payload).toEqual({ instanceId: "B", previousOwner: "A", lostAttempts: 1 });
    const seqs = (await store.listEvents(runId)).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it("a lost attempt without retries left fails the step and propagates", async () => {
    const { store, runId } = await crashedRun({ maxAttempts: 1 });
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
    await B.flush();
    expect(await statuses(store, runId)).toEqual({ a: "succeeded", b: "failed", c: "upstream_failed" });
    expect(await store.getRun(runId)).toMatchObject({ status: "failed" });
    expect(B.executor.calls).toHaveLength(0);
  });

  it("does not take over a run whose owner heartbeats", async () => {
    const { store, A, runId } = await crashedRun();
    await A.advance(EXPIRY); // A keeps heartbeating
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
    await B.flush();
    expect(B.engine.liveRunIds()).toEqual([]);
    expect(await store.claimRun({ runId, instanceId: "B", expiredBefore: 1_000_000 + 1 })).toBe(false);
  });

  it("the same instance restarting recovers its own runs at once", async () => {
    const { store, runId } = await crashedRun();
    const A2 = await createTestEngine({ store, instanceId: "A", clock: new FakeClock(1_000_500), pools });
    await A2.flush();
    expect(A2.executor.running()).toEqual(["b"]);
    expect(await store.getRun(runId)).toMatchObject({ ownerInstanceId: "A", status: "running" });
  });

  it("a stalled former owner is fenced: its late writes are refused and it drops the run", async () => {
    const { store, A, runId } = await crashedRun();
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
    await B.flush();
    const before = (await store.listAttempts(runId)).length;
    A.executor.succeed("b"); // A wakes up and reports its (lost) attempt
    await A.flush();
    expect(A.engine.liveRunIds()).toEqual([]);
    expect(A.events.some((e) => e.type === "run.lost" && e.runId === runId)).toBe(true);
    expect(await store.listAttempts(runId)).toHaveLength(before);
    expect((await store.listAttempts(runId)).find((a) => a.attempt === 1 && a.stepId === "b")?.status).toBe("lost");
    // A's clock did not move: it believed its lease fresh and started c while
    // committing; the fenced commit dropped the run and aborted c at once.
    const cCalls = A.executor.calls.filter((c) => c.ctx.stepId === "c");
    expect(cCalls).toHaveLength(1);
    expect(cCalls[0]!.ctx.signal.aborted).toBe(true);
    expect(B.executor.running()).toEqual(["b"]);
  });

  it("a former owner that sees its heartbeats lapsed starts nothing before its commit is fenced", async () => {
    const { store, A, runId } = await crashedRun();
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
    await B.flush();
    A.clock.stall(EXPIRY + 1);
    A.executor.succeed("b");
    await A.flush();
    expect(A.engine.liveRunIds()).toEqual([]);
    expect(A.executor.calls.filter((c) => c.ctx.stepId === "c")).toHaveLength(0);
    expect((await store.listAttempts(runId)).find((a) => a.attempt === 1 && a.stepId === "b")?.status).toBe("lost");
  });

  it("a graceful stop hands runs over without using up a retry", async () => {
    const { store, A, runId } = await crashedRun({ maxAttempts: 1 });
    await A.engine.stop();
    expect(await store.getRun(runId)).toMatchObject({ ownerInstanceId: null });
    expect(await store.getInstance("A")).toBeNull();
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_100), pools });
    await B.flush();
    expect(B.executor.running()).toEqual(["b"]);
    B.executor.succeed("b");
    await B.flush();
    B.executor.succeed("c");
    await B.flush();
    expect(await store.getRun(runId)).toMatchObject({ status: "succeeded" });
    expect((await store.listAttempts(runId)).filter((a) => a.stepId === "b").map((a) => [a.status, a.reason])).toEqual([
      ["cancelled", "engine-stopped"],
      ["succeeded", null],
    ]);
  });

  it("adopts an unowned queued run created by another component (no task rows yet)", async () => {
    const store = new MemoryStore();
    const run: RunRecord = {
      id: "queued-1",
      workflowVersionId: "wv",
      projectId: null,
      status: "queued",
      params: {},
      trigger: "schedule",
      triggeredBy: null,
      ownerInstanceId: null,
      definition: { name: "q", params: {}, onFailure: "stop", steps: [{ id: "only", kind: "noop", dependsOn: [], priority: 0, continueOnFailure: false }] },
      workingDir: null,
      createdAt: 1,
      startedAt: null,
      finishedAt: null,
      deadlineAt: null,
      pausedAt: null,
      pausedBy: null,
      cancelledAt: null,
      cancelledBy: null,
      error: null,
      metrics: null,
      controlRequest: null,
    };
    await store.commit({ mutations: [{ type: "run.insert", run }] });
    const B = await createTestEngine({ store, instanceId: "B" });
    await B.flush();
    B.executor.succeed("only");
    await B.flush();
    expect(await store.getRun("queued-1")).toMatchObject({ status: "succeeded", ownerInstanceId: "B" });
  });

  it("adopts orphans on a later heartbeat once the owner's heartbeat expires", async () => {
    const { store, runId } = await crashedRun();
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + 1000), heartbeatExpiryMs: EXPIRY, heartbeatIntervalMs: 5000, pools });
    await B.flush();
    expect(B.engine.liveRunIds()).toEqual([]);
    for (let i = 0; i < 7; i++) await B.advance(5000);
    expect(B.engine.liveRunIds()).toEqual([runId]);
  });

  it("a control asked on another instance is applied by the owner", async () => {
    const { store, A, runId } = await crashedRun();
    const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000), heartbeatExpiryMs: EXPIRY, pools });
    expect(await B.engine.cancel(runId, { by: "web-user" })).toEqual({ ok: true, deferred: true });
    expect((await store.getRun(runId))?.status).toBe("running");
    await A.advance(1000);
    expect(await store.getRun(runId)).toMatchObject({ status: "cancelled", cancelledBy: "web-user", controlRequest: null });
    expect(await B.engine.pause(runId)).toMatchObject({ ok: false, reason: "invalid-state" });
  });

  describe("the lost attempt's processes", () => {
    /** A ManualExecutor whose lost attempts' processes are "killed" with the given outcome. */
    function orphanExecutor(outcome: OrphanOutcome) {
      const ex = new ManualExecutor() as ManualExecutor & { terminateOrphan: (a: LostAttempt) => Promise<OrphanOutcome> };
      ex.terminateOrphan = vi.fn(async () => outcome);
      return ex;
    }

    /** Like crashedRun, with `b`'s process group reported by A's executor before the crash. */
    async function crashedWithProcess(bRetry?: Record<string, unknown>) {
      const crashed = await crashedRun(bRetry);
      crashed.A.executor.calls.find((c) => c.ctx.stepId === "b")!.ctx.processStarted!({ processGroupId: 4242, processStartTime: "boot:77" });
      await crashed.A.flush();
      const lost = (await crashed.store.listAttempts(crashed.runId)).find((a) => a.stepId === "b")!;
      expect(lost).toMatchObject({ host: "host-1", processGroupId: 4242, processStartTime: "boot:77" });
      return crashed;
    }

    const adopt = async (store: MemoryStore, executor: ManualExecutor, host = "host-1") => {
      const B = await createTestEngine({
        store,
        instanceId: "B",
        host,
        clock: new FakeClock(1_000_000 + EXPIRY + 1),
        heartbeatExpiryMs: EXPIRY,
        pools,
        executors: { noop: executor },
      });
      await B.flush();
      return B;
    };

    it("on the same host, kills them before retrying and says so", async () => {
      const { store, runId } = await crashedWithProcess();
      const ex = orphanExecutor({ status: "killed", signal: "SIGTERM", pids: [4242, 4243] });
      await adopt(store, ex);
      expect(ex.terminateOrphan).toHaveBeenCalledWith({
        runId,
        taskRunId: `${runId}:1`,
        stepId: "b",
        attempt: 1,
        processGroupId: 4242,
        processStartTime: "boot:77",
      });
      expect(ex.running()).toEqual(["b"]);
      const [lost] = (await store.listAttempts(runId)).filter((a) => a.stepId === "b");
      expect(lost).toMatchObject({ status: "lost", reason: "lost" });
      expect(lost!.error).toBe(
        "lost: the engine instance running this attempt stopped; its processes (pid 4242, 4243) were still running on host-1 and were killed (SIGTERM)",
      );
      const recovered = (await store.listEvents(runId)).find((e) => e.type === "run.recovered");
      expect(recovered?.payload).toMatchObject({
        lostAttempts: 1,
        lostAttemptProcesses: [{ stepId: "b", attempt: 1, host: "host-1", processGroupId: 4242, outcome: "killed", signal: "SIGTERM", pids: [4242, 4243] }],
      });
    });

    it("does not retry a step whose processes survived SIGKILL (it would run twice)", async () => {
      const { store, runId } = await crashedWithProcess();
      const ex = orphanExecutor({ status: "survived", pids: [4242] });
      await adopt(store, ex);
      expect(ex.calls).toHaveLength(0);
      expect(await statuses(store, runId)).toEqual({ a: "succeeded", b: "failed", c: "upstream_failed" });
      expect((await store.listTaskRuns(runId)).find((t) => t.stepId === "b")?.error).toMatch(/survived SIGKILL: not retried/);
    });

    it("on another host, retries per policy and records that the processes could not be verified", async () => {
      const { store, runId } = await crashedWithProcess();
      const ex = orphanExecutor({ status: "gone" });
      await adopt(store, ex, "host-2");
      expect(ex.terminateOrphan).not.toHaveBeenCalled();
      expect(ex.running()).toEqual(["b"]);
      const [lost] = (await store.listAttempts(runId)).filter((a) => a.stepId === "b");
      expect(lost!.error).toMatch(/it ran on host host-1: its processes could not be verified from host-2 and may still be running/);
      const statusEvent = (await store.listEvents(runId)).find(
        (e) => e.type === "task.status" && (e.payload as { stepId: string; reason?: string }).stepId === "b" && (e.payload as { reason?: string }).reason === "lost",
      );
      expect(statusEvent?.payload).toMatchObject({ status: "ready", error: lost!.error });
    });

    it("asks the executor even when no process group was recorded (it may find them by their environment)", async () => {
      const { store, runId } = await crashedRun();
      const ex = orphanExecutor({ status: "gone" });
      await adopt(store, ex);
      expect(ex.terminateOrphan).toHaveBeenCalledWith(expect.objectContaining({ runId, stepId: "b", attempt: 1, processGroupId: null }));
      expect(ex.running()).toEqual(["b"]);
    });
  });

  describe("a control left for the dead owner", () => {
    it("a pending pause is applied before anything is dispatched", async () => {
      const { store, runId } = await crashedRun();
      expect(await store.requestControl({ runId, request: { action: "pause", by: "web-user", at: 5 } })).toBe(true);
      const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
      await B.flush();
      expect(B.executor.calls).toHaveLength(0);
      expect(await store.getRun(runId)).toMatchObject({ status: "paused", pausedBy: "web-user", controlRequest: null, ownerInstanceId: "B" });
      expect(await statuses(store, runId)).toEqual({ a: "succeeded", b: "ready", c: "pending" });
      await B.advance(5000); // nothing starts while paused (control polls included)
      expect(B.executor.calls).toHaveLength(0);
      expect(await B.engine.resume(runId, { by: "web-user" })).toEqual({ ok: true });
      await B.flush();
      expect(B.executor.running()).toEqual(["b"]);
    });

    it("a pending cancel settles the run at takeover without starting anything", async () => {
      const { store, runId } = await crashedRun();
      expect(await store.requestControl({ runId, request: { action: "cancel", by: "web-user", at: 5 } })).toBe(true);
      const B = await createTestEngine({ store, instanceId: "B", clock: new FakeClock(1_000_000 + EXPIRY + 1), heartbeatExpiryMs: EXPIRY, pools });
      await B.flush();
      expect(B.executor.calls).toHaveLength(0);
      expect(await store.getRun(runId)).toMatchObject({ status: "cancelled", cancelledBy: "web-user", controlRequest: null });
      expect(await statuses(store, runId)).toEqual({ a: "succeeded", b: "cancelled", c: "cancelled" });
      expect((await store.listAttempts(runId)).find((a) => a.stepId === "b")).toMatchObject({ status: "lost" });
      expect(await store.listOpenAllocations(runId)).toEqual([]);
      const controls = (await store.listEvents(runId)).filter((e) => e.type === "run.control").map((e) => e.payload);
      expect(controls).toEqual([{ action: "cancel", by: "web-user" }]);
    });

    it("the control poll leaves a run being adopted alone (its request is taken by recovery)", async () => {
      const store = new MemoryStore();
      const take = vi.spyOn(store, "takeControlRequests");
      const B = await createTestEngine({ store, instanceId: "B", pools });
      await B.advance(3000);
      // No live run: nothing to ask the store for.
      expect(take).not.toHaveBeenCalled();
      const runId = await B.start(wf([noop("x")]));
      await B.advance(1000);
      expect(take).toHaveBeenLastCalledWith("B", [runId]);
    });
  });
});
