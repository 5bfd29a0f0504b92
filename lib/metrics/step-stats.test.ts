import { describe, expect, it } from "vitest";
import { bottlenecks, stepStats } from "./step-stats";
import { waitByPool } from "./pool-wait";

const sample = (runId: string, stepId: string, durationMs: number | null, status = "succeeded", cpuSeconds: number | null = null, peakMemoryMb: number | null = null) => ({ runId, stepId, status, durationMs, cpuSeconds, peakMemoryMb });

describe("stepStats", () => {
  const rows = stepStats(
    [sample("r1", "a", 100, "succeeded", 1, 10), sample("r1", "b", 300, "succeeded", 3, 50), sample("r2", "a", 200, "failed", 2, 20), sample("r2", "b", null, "upstream_failed"), sample("r3", "a", 999, "cached")],
    [
      { runId: "r1", makespanMs: 400, criticalPath: ["a", "b"] },
      { runId: "r2", makespanMs: 200, criticalPath: ["a"] },
    ],
  );
  const a = rows.find((r) => r.stepId === "a")!;
  const b = rows.find((r) => r.stepId === "b")!;

  it("takes percentiles of durations, ignoring cached steps", () => {
    expect(a.runs).toBe(3);
    expect(a.p50Ms).toBe(100);
    expect(a.p95Ms).toBe(200);
  });
  it("counts failures, CPU and memory", () => {
    expect(a.failures).toBe(1);
    expect(a.failureRate).toBeCloseTo(1 / 3);
    expect(a.meanCpuSeconds).toBe(1.5);
    expect(a.maxPeakMemoryMb).toBe(20);
  });
  it("computes critical path share and share of makespan", () => {
    // a: on both paths, 100 + 200 ms of 600 ms total makespan; b: one path, 300 ms
    expect(a.criticalShare).toBe(1);
    expect(a.makespanShare).toBe(0.5);
    expect(b.criticalShare).toBe(0.5);
    expect(b.makespanShare).toBe(0.5);
    expect(bottlenecks(rows).map((r) => r.stepId)).toEqual(["a", "b"]);
  });
});

describe("waitByPool", () => {
  it("sums the time from ready to acquired per pool", () => {
    expect(
      waitByPool([
        { poolName: "deploy", readyAt: 0, acquiredAt: 500 },
        { poolName: "deploy", readyAt: 100, acquiredAt: 100 },
        { poolName: "gpu", readyAt: 0, acquiredAt: 50 },
      ]),
    ).toEqual([
      { poolName: "deploy", allocations: 2, totalWaitMs: 500, maxWaitMs: 500, waited: 1 },
      { poolName: "gpu", allocations: 1, totalWaitMs: 50, maxWaitMs: 50, waited: 1 },
    ]);
  });
});
