import { describe, expect, it } from "vitest";
import { FakeClock } from "./clock";
import { EventBus, silentLogger } from "./events";
import { MemoryStore } from "./memory-store";
import { runningAttemptRecord } from "./run-state";
import type { TaskAttemptRecord } from "./store";
import { WriteQueue } from "./write-queue";

const settle = () => new Promise((r) => setImmediate(r));

function setup() {
  const store = new MemoryStore();
  const clock = new FakeClock(1000);
  const q = new WriteQueue(store, new EventBus(silentLogger), clock, silentLogger, "i1", () => {});
  const attempt: TaskAttemptRecord = runningAttemptRecord({ taskRunId: "t", runId: "r", stepId: "s", attempt: 1, queuedAt: 1, startedAt: 2, instanceId: "i1", host: "h" });
  return { store, clock, q, attempt };
}

describe("WriteQueue.updateAttemptSoon (data nothing is announced about)", () => {
  it("rides along with the next batch, merged with the attempt's other updates", async () => {
    const { store, q, attempt } = setup();
    q.insertAttempt(attempt);
    await settle();
    expect(store.commits).toBe(1);
    q.updateAttemptSoon("r", "t#1", { processGroupId: 42, processStartTime: "b:1" }, 50);
    await settle();
    expect(store.commits).toBe(1); // not on its own
    q.updateAttempt("r", "t#1", { status: "succeeded", finishedAt: 3 });
    await settle();
    expect(store.commits).toBe(2);
    expect((await store.listAttempts("r"))[0]).toMatchObject({ status: "succeeded", processGroupId: 42, processStartTime: "b:1" });
  });

  it("is committed on its own after the delay when no batch comes", async () => {
    const { store, clock, q, attempt } = setup();
    q.insertAttempt(attempt);
    await settle();
    q.updateAttemptSoon("r", "t#1", { processGroupId: 42 }, 50);
    clock.advance(49);
    await settle();
    expect((await store.listAttempts("r"))[0]!.processGroupId).toBeNull();
    clock.advance(1);
    await settle();
    expect((await store.listAttempts("r"))[0]!.processGroupId).toBe(42);
    expect(store.commits).toBe(2);
  });

  it("is committed at once when someone waits for the queue to be idle", async () => {
    const { store, q, attempt } = setup();
    q.insertAttempt(attempt);
    await settle();
    q.updateAttemptSoon("r", "t#1", { processGroupId: 7 }, 50);
    await q.whenIdle();
    expect((await store.listAttempts("r"))[0]!.processGroupId).toBe(7);
  });
});
