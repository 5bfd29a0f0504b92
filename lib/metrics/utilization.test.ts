import { describe, expect, it } from "vitest";
import { saturatedMs, utilizationSeries } from "./utilization";

describe("utilizationSeries", () => {
  it("integrates held amounts over time per bucket", () => {
    // 2 held 0–50, 1 held 25–100 (open), buckets of 50 over [0, 100)
    const s = utilizationSeries(
      [
        { amount: 2, start: 0, end: 50 },
        { amount: 1, start: 25, end: null },
      ],
      0,
      100,
      50,
    );
    // bucket 0: 2×50 + 1×25 = 125 / 50 = 2.5, peak 3; bucket 1: 1 throughout
    expect(s).toEqual([
      { t: 0, mean: 2.5, peak: 3 },
      { t: 50, mean: 1, peak: 1 },
    ]);
  });
  it("clamps intervals that started before the window", () => {
    expect(utilizationSeries([{ amount: 4, start: -100, end: 10 }], 0, 20, 20)).toEqual([{ t: 0, mean: 2, peak: 4 }]);
  });
  it("is empty for an empty window", () => {
    expect(utilizationSeries([], 10, 10, 5)).toEqual([]);
  });
});

describe("saturatedMs", () => {
  it("counts time at capacity", () => {
    const iv = [
      { amount: 1, start: 0, end: 30 },
      { amount: 1, start: 10, end: 40 },
    ];
    expect(saturatedMs(iv, 0, 100, 2)).toBe(20);
    expect(saturatedMs(iv, 0, 100, 1)).toBe(40);
    expect(saturatedMs(iv, 0, 100, 0)).toBe(0);
  });
});
