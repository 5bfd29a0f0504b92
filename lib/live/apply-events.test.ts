import { describe, expect, it } from "vitest";
import { applyEvents, progressOf } from "./apply-events";
import { liveEvents, liveRun, liveTask, taskStatus } from "./fixtures";

const twoSteps = () => liveRun([liveTask("build"), liveTask("test", { dependsOn: ["build"] })]);

describe("applyEvents", () => {
  it("follows a step through ready → running → succeeded and records its attempt", () => {
    const events = liveEvents(1, 5000, [
      taskStatus("build", "pending", "ready", 0),
      taskStatus("build", "ready", "running", 1),
      taskStatus("build", "running", "succeeded", 1, { exitCode: 0 }),
    ]);
    const { run, gap } = applyEvents(twoSteps(), events);
    expect(gap).toBe(false);
    expect(run.lastEventSeq).toBe(3);
    const build = run.tasks[0]!;
    expect(build).toMatchObject({ status: "succeeded", attempt: 1, queuedAt: 5000, startedAt: 5001, finishedAt: 5002, exitCode: 0 });
    expect(run.attempts).toEqual([
      { stepId: "build", attempt: 1, status: "succeeded", queuedAt: 5000, startedAt: 5001, finishedAt: 5002, exitCode: 0, reason: null, error: null },
    ]);
  });

  it("skips events it already applied, so a replay changes nothing", () => {
    const events = liveEvents(1, 5000, [taskStatus("build", "pending", "ready", 0), taskStatus("build", "ready", "running", 1)]);
    const once = applyEvents(twoSteps(), events).run;
    const twice = applyEvents(once, events);
    expect(twice.run).toBe(once);
    expect(twice.changedSteps).toEqual([]);
  });

  it("stops at a gap and asks for a reload", () => {
    const first = applyEvents(twoSteps(), liveEvents(1, 10, [taskStatus("build", "pending", "ready", 0)])).run;
    const res = applyEvents(first, liveEvents(3, 20, [taskStatus("build", "ready", "running", 1)]));
    expect(res.gap).toBe(true);
    expect(res.run.lastEventSeq).toBe(1);
    expect(res.run.tasks[0]!.status).toBe("ready");
  });

  it("keeps unchanged tasks by identity", () => {
    const before = twoSteps();
    const { run } = applyEvents(before, liveEvents(1, 10, [taskStatus("build", "pending", "ready", 0)]));
    expect(run.tasks[1]).toBe(before.tasks[1]);
    expect(run.tasks[0]).not.toBe(before.tasks[0]);
  });

  it("closes a failed attempt that will be retried, then opens the next one", () => {
    const events = liveEvents(1, 100, [
      taskStatus("build", "pending", "ready", 0),
      taskStatus("build", "ready", "running", 1),
      taskStatus("build", "running", "waiting", 1, { reason: "exit-non-zero", exitCode: 75, error: "exit 75", waitReason: { type: "backoff", until: 2000, attempt: 2 } }),
      taskStatus("build", "waiting", "ready", 1),
      taskStatus("build", "ready", "running", 2),
    ]);
    const { run } = applyEvents(twoSteps(), events);
    expect(run.attempts.map((a) => [a.attempt, a.status, a.exitCode, a.queuedAt, a.startedAt, a.finishedAt])).toEqual([
      [1, "failed", 75, 100, 101, 102],
      [2, "running", null, 103, 104, null],
    ]);
    expect(run.tasks[0]).toMatchObject({ status: "running", attempt: 2, waitReason: null, error: null });
  });

  it("marks a timed-out attempt", () => {
    const events = liveEvents(1, 100, [taskStatus("build", "ready", "running", 1), taskStatus("build", "running", "failed", 1, { reason: "timeout", error: "timed out" })]);
    expect(applyEvents(twoSteps(), events).run.attempts[0]).toMatchObject({ status: "timed_out", error: "timed out" });
  });

  it("tracks the run: paused, resumed, failed with metrics, then reopened by retry", () => {
    const metrics = { makespanMs: 9, criticalPath: ["build"], criticalPathMs: 9, totalQueueWaitMs: 0, meanParallelism: 1, attempts: 1, counts: {} };
    const events = liveEvents(1, 100, [
      { type: "run.status", data: { status: "paused", previous: "running" } },
      { type: "run.status", data: { status: "running", previous: "paused" } },
      { type: "run.status", data: { status: "failed", previous: "running", error: "build failed", metrics } },
    ]);
    const failed = applyEvents(twoSteps(), events);
    expect(failed.run).toMatchObject({ status: "failed", pausedAt: null, finishedAt: 102, error: "build failed", metrics });
    expect(failed.refetch).toBe(true);
    const reopened = applyEvents(failed.run, liveEvents(4, 200, [
      { type: "run.control", data: { action: "retry", by: "u1" } },
      { type: "run.status", data: { status: "running", previous: "failed" } },
      taskStatus("build", "failed", "pending", 1),
    ]));
    expect(reopened.run).toMatchObject({ status: "running", finishedAt: null, error: null, metrics: null, lastEventSeq: 6 });
    expect(reopened.run.tasks[0]).toMatchObject({ status: "pending", finishedAt: null, startedAt: null });
  });

  it("asks for a reload on events about steps it does not know", () => {
    expect(applyEvents(twoSteps(), liveEvents(1, 1, [taskStatus("ghost", "pending", "ready", 0)])).refetch).toBe(true);
  });
});

describe("progressOf", () => {
  it("counts finished steps and every state", () => {
    const p = progressOf([{ status: "succeeded" }, { status: "failed" }, { status: "running" }, { status: "succeeded" }]);
    expect(p).toEqual({ done: 3, total: 4, counts: { succeeded: 2, failed: 1, running: 1 } });
  });
});
