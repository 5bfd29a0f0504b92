import { describe, expect, it } from "vitest";
import { runTrend } from "./run-trend";
import { HOUR_MS } from "./stats";

const T0 = Date.UTC(2026, 10, 24, 0);

describe("runTrend", () => {
  it("counts outcomes per bucket and takes percentiles of finished durations", () => {
    const s = runTrend(
      [
        { status: "succeeded", queuedAt: T0 + 10, startedAt: T0 + 10, finishedAt: T0 + 110 },
        { status: "succeeded", queuedAt: T0 + 20, startedAt: T0 + 20, finishedAt: T0 + 320 },
        { status: "failed", queuedAt: T0 + 30, startedAt: T0 + 30, finishedAt: T0 + 230 },
        { status: "running", queuedAt: T0 + HOUR_MS + 5, startedAt: T0 + HOUR_MS + 5, finishedAt: null },
        { status: "cancelled", queuedAt: T0 + HOUR_MS + 6, startedAt: null, finishedAt: T0 + HOUR_MS + 7 },
        { status: "succeeded", queuedAt: T0 - 1, startedAt: T0, finishedAt: T0 + 1 }, // before the window: ignored
      ],
      T0,
      T0 + HOUR_MS + 10,
      HOUR_MS,
    );
    expect(s.points).toEqual([
      { t: T0, succeeded: 2, failed: 1, cancelled: 0, active: 0, p50Ms: 200, p95Ms: 300 },
      { t: T0 + HOUR_MS, succeeded: 0, failed: 0, cancelled: 1, active: 1, p50Ms: null, p95Ms: null },
    ]);
    expect(s.finished).toBe(4);
    expect(s.successRate).toBe(0.5);
    expect(s.p50Ms).toBe(200);
    expect(s.total).toBe(5);
  });
  it("has empty buckets and no rate without runs", () => {
    const s = runTrend([], T0, T0 + 2 * HOUR_MS, HOUR_MS);
    expect(s.points).toHaveLength(2); // buckets overlapping [T0, T0 + 2 h)
    expect(s.successRate).toBeNull();
  });
});
