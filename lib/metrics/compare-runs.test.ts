import { describe, expect, it } from "vitest";
import { compareRuns } from "./compare-runs";

const s = (stepId: string, durationMs: number | null, cpuSeconds: number | null = null, peakMemoryMb: number | null = null) => ({ stepId, status: "succeeded", durationMs, cpuSeconds, peakMemoryMb });

describe("compareRuns", () => {
  it("gives per-step deltas from A to B", () => {
    const [x, y, z] = compareRuns([s("build", 1000, 2, 100), s("test", 500)], [s("build", 1500, 1.5, 120), s("test", null), s("deploy", 200)]);
    expect(x).toMatchObject({ stepId: "build", durationDeltaMs: 500, durationChange: 0.5, cpuDeltaSeconds: -0.5, memoryDeltaMb: 20 });
    expect(y).toMatchObject({ stepId: "test", durationDeltaMs: null, durationChange: null });
    expect(z).toMatchObject({ stepId: "deploy", a: null, durationDeltaMs: null });
    expect(z?.b?.durationMs).toBe(200);
  });
});
