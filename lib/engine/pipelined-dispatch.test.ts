import { describe, expect, it, vi } from "vitest";
import { FakeClock } from "./clock";
import type { LostAttempt, OrphanOutcome } from "./executors/types";
import { MemoryIntentLog } from "./intent-log";
import { MemoryStore } from "./memory-store";
import type { CommitResult, StoreBatch } from "./store";
import { createTestEngine, ManualExecutor } from "./testing";

const wf = (steps: unknown[]) => ({ name: "t", steps });
const noop = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({ id, kind: "noop", dependsOn, ...extra });
const EXPIRY = 30_000;

/** A store whose commits wait while `hold` is set. */
class GatedStore extends MemoryStore {
  hold = false;
  private waiting: Array<() => void> = [];
  pendingCommits = 0;

  override async commit(batch: StoreBatch): Promise<CommitResult> {
    if (this.hold) {
      this.pendingCommits++;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.pendingCommits--;
    }
    return super.commit(batch);
  }

  release(): void {
    this.hold = false;
    for (const w of this.waiting.splice(0)) w();
  }
}

const statusOf = (events: Array<{ type: string }>, stepId: string) =>
  events.filter((e): e is { type: "task.status"; stepId: string; status: string } => e.type === "task.status" && (e as { stepId?: string }).stepId === stepId).map((e) => e.status);

describe("pipelined dispatch", () => {
  it("starts a step while the batch recording it is committed; its events wait for the commit", async () => {
    const store = new GatedStore();
    const t = await createTestEngine({ store });
    const runId = await t.start(wf([noop("a"), noop("b", ["a"])]));
    expect(t.executor.running()).toEqual(["a"]);
    store.hold = true;
    t.executor.succeed("a");
    await new Promise((r) => setImmediate(r));
    expect(store.pendingCommits).toBe(1);
    expect(t.executor.running()).toEqual(["b"]); // started before its record is written
    expect(statusOf(t.events, "b")).not.toContain("running"); // not announced yet
    expect((await store.listTaskRuns(runId)).find((r) => r.stepId === "b")?.status).not.toBe("running");
    store.release();
    await t.flush();
    expect(statusOf(t.events, "b")).toContain("running");
    expect((await store.listTaskRuns(runId)).find((r) => r.stepId === "b")?.status).toBe("running");
    t.executor.succeed("b");
    await t.flush();
    expect(await store.getRun(runId)).toMatchObject({ status: "succeeded" });
  });

  it("waits for the commit when the run's ownership is not proven yet (its first steps) or the heartbeat is stale", async () => {
    const store = new GatedStore();
    const t = await createTestEngine({ store, heartbeatIntervalMs: 60_000, heartbeatExpiryMs: 30_000 });
    store.hold = true;
    const started = t.engine.startRun({ workflowVersionId: "wv1", definition: wf([noop("a"), noop("b", ["a"])]), trigger: "api" });
    await new Promise((r) => setImmediate(r));
    expect(t.executor.running()).toEqual([]); // the run's insert is not committed: nothing starts early
    store.release();
    const res = await started;
    await t.flush();
    expect(res.ok).toBe(true);
    expect(t.executor.running()).toEqual(["a"]);
    // 15 s after the last heartbeat (half the expiry) the lease is no longer trusted.
    t.clock.stall(15_000);
    store.hold = true;
    t.executor.succeed("a");
    await new Promise((r) => setImmediate(r));
    expect(store.pendingCommits).toBe(1);
    expect(t.executor.running()).toEqual([]);
    store.release();
    await t.flush();
    expect(t.executor.running()).toEqual(["b"]);
  });

  it("checks ownership again when the batch is sealed: a start staged behind a slow commit waits if the lease went stale meanwhile", async () => {
    const store = new GatedStore();
    const t = await createTestEngine({ store, heartbeatIntervalMs: 60_000, heartbeatExpiryMs: EXPIRY });
    await t.start(wf([noop("a"), noop("b", ["a"])]));
    await t.start(wf([noop("c"), noop("d", ["c"])]));
    expect(t.executor.running()).toEqual(["a", "c"]);
    store.hold = true;
    t.executor.succeed("a"); // batch 1 (a done, b started) is being written…
    await new Promise((r) => setImmediate(r));
    expect(t.executor.running()).toEqual(["c", "b"]);
    t.executor.succeed("c"); // …while d is staged for batch 2, with a fresh lease
    await new Promise((r) => setImmediate(r));
    t.clock.stall(EXPIRY / 2); // the commit takes long: the lease goes stale before batch 2 is sealed
    store.release();
    store.hold = true;
    await new Promise((r) => setImmediate(r));
    expect(store.pendingCommits).toBe(1); // batch 2
    expect(t.executor.running()).toEqual(["b"]); // d waits for its commit
    store.release();
    await t.flush();
    expect(t.executor.running()).toEqual(["b", "d"]);
  });
});

describe("pipelined dispatch: an engine dying between a start and its commit", () => {
  /** A ManualExecutor whose lost attempts' processes are "found gone". */
  function executorWithOrphans() {
    const ex = new ManualExecutor() as ManualExecutor & { terminateOrphan: (a: LostAttempt) => Promise<OrphanOutcome> };
    ex.terminateOrphan = vi.fn(async (): Promise<OrphanOutcome> => ({ status: "killed", signal: "SIGTERM", pids: [999] }));
    return ex;
  }

  /** A runs a → b; a succeeds and b starts while that batch is written, then A dies before the commit. */
  async function crashBetweenStartAndCommit(retry: Record<string, unknown>) {
    const store = new GatedStore();
    const intents = new MemoryIntentLog();
    const A = await createTestEngine({ store, instanceId: "A", host: "h1", intentLog: intents, clock: new FakeClock(1_000_000), heartbeatExpiryMs: EXPIRY });
    const runId = await A.start(wf([noop("a", [], { retry }), noop("b", ["a"], { retry })]));
    store.hold = true;
    A.executor.succeed("a");
    await new Promise((r) => setImmediate(r));
    expect(A.executor.running()).toEqual(["b"]); // started; its batch never commits
    expect(intents.read("A")).toEqual([expect.objectContaining({ runId, stepId: "b", attempt: 1 })]);
    store.hold = false; // A is gone: its held batch is never applied
    const ex = executorWithOrphans();
    const B = await createTestEngine({
      store,
      instanceId: "B",
      host: "h1",
      intentLog: intents,
      clock: new FakeClock(1_000_000 + EXPIRY + 1),
      heartbeatExpiryMs: EXPIRY,
      executors: { noop: ex },
    });
    await B.flush();
    return { store, runId, B, ex };
  }

  it("recovery finds the unrecorded start in the journal: killed, recorded lost, retried after its dependency", async () => {
    const { store, runId, B, ex } = await crashBetweenStartAndCommit({ maxAttempts: 2, delaySec: 0 });
    expect(ex.terminateOrphan).toHaveBeenCalledWith(expect.objectContaining({ runId, stepId: "b", attempt: 1, processGroupId: null }));
    expect(ex.running()).toEqual(["a"]); // b waits: a's success was never committed
    ex.succeed("a");
    await B.flush();
    ex.succeed("b");
    await B.flush();
    expect(await store.getRun(runId)).toMatchObject({ status: "succeeded" });
    const attempts = await store.listAttempts(runId);
    const order = (a: { stepId: string; attempt: number }) => `${a.stepId}#${a.attempt}`;
    expect(attempts.sort((x, y) => order(x).localeCompare(order(y))).map((a) => [a.stepId, a.attempt, a.status])).toEqual([
      ["a", 1, "lost"],
      ["a", 2, "succeeded"],
      ["b", 1, "lost"],
      ["b", 2, "succeeded"],
    ]);
    expect(attempts.find((a) => a.stepId === "b" && a.attempt === 1)?.error).toMatch(/started while its record was being written/);
  });

  it("the unrecorded start counts against the retry policy: with no retries left the step fails", async () => {
    const { store, runId, ex } = await crashBetweenStartAndCommit({ maxAttempts: 1 });
    expect(ex.calls).toHaveLength(0);
    const rows = await store.listTaskRuns(runId);
    expect(rows.find((r) => r.stepId === "b")).toMatchObject({ status: "failed" });
    expect((await store.listAttempts(runId)).map((a) => [a.stepId, a.attempt, a.status])).toEqual([
      ["a", 1, "lost"],
      ["b", 1, "lost"],
    ]);
    expect(await store.getRun(runId)).toMatchObject({ status: "failed" });
  });
});
