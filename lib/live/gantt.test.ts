import { describe, expect, it } from "vitest";
import { liveRun, liveTask } from "./fixtures";
import { ganttOf } from "./gantt";
import type { LiveAttempt } from "./types";

const attempt = (stepId: string, n: number, queuedAt: number, startedAt: number, finishedAt: number | null, status: LiveAttempt["status"] = "succeeded"): LiveAttempt => ({
  stepId,
  attempt: n,
  status,
  queuedAt,
  startedAt,
  finishedAt,
  exitCode: null,
  reason: null,
  error: null,
});

describe("ganttOf", () => {
  const tasks = [liveTask("a"), liveTask("b", { dependsOn: ["a"] }), liveTask("c", { dependsOn: ["a"] }), liveTask("d", { dependsOn: ["b", "c"] })];

  it("splits each attempt into queue wait and run time from the run's start, retries labelled", () => {
    const run = liveRun(tasks, {
      startedAt: 1000,
      attempts: [attempt("a", 1, 1000, 1100, 2000, "failed"), attempt("a", 2, 3000, 3000, 4000), attempt("b", 1, 4000, 4500, null, "running")],
    });
    const g = ganttOf(run, 6000);
    expect(g.rows.map((r) => [r.label, r.offset, r.queue, r.run, r.status])).toEqual([
      ["a #1", 0, 100, 900, "failed"],
      ["a #2", 2000, 0, 1000, "succeeded"],
      ["b", 3000, 500, 1500, "running"],
    ]);
    expect(g.span).toBe(5000);
  });

  it("highlights the longest chain of actual durations while running", () => {
    const run = liveRun(tasks, {
      startedAt: 0,
      attempts: [attempt("a", 1, 0, 0, 1000), attempt("b", 1, 1000, 1000, 1200), attempt("c", 1, 1000, 1000, 5000), attempt("d", 1, 5000, 5000, null, "running")],
    });
    const g = ganttOf(run, 5500);
    expect(g.criticalPath).toEqual(["a", "c", "d"]);
    expect(g.rows.filter((r) => r.critical).map((r) => r.stepId)).toEqual(["a", "c", "d"]);
  });

  it("uses the run's recorded critical path once finished", () => {
    const metrics = { makespanMs: 1, criticalPath: ["a", "b", "d"], criticalPathMs: 1, totalQueueWaitMs: 0, meanParallelism: 1, attempts: 1, counts: {} };
    const run = liveRun(tasks, { status: "succeeded", finishedAt: 9000, metrics, attempts: [attempt("a", 1, 0, 0, 10)] });
    expect(ganttOf(run, 99_999).criticalPath).toEqual(["a", "b", "d"]);
  });
});
