import { describe, expect, it } from "vitest";
import { MemoryStore } from "./memory-store";
import type { CommitResult, StoreBatch } from "./store";
import { createTestEngine } from "./testing";

const wf = (steps: unknown[]) => ({ name: "t", steps });
const noop = (id: string, dependsOn: string[] = []) => ({ id, kind: "noop", dependsOn });

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
});
