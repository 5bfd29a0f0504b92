import { describe, expect, it } from "vitest";
import { bucketRange, bucketStart, DAY_MS, detectRegressions, median, percentile, share } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const v = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(100);
    expect(percentile(v, 90)).toBe(90);
    expect(percentile(v, 0)).toBe(10);
  });
  it("is null without values and the value itself for one", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 95)).toBe(7);
  });
  it("median sorts first", () => {
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("buckets", () => {
  it("aligns to UTC days", () => {
    const t = Date.UTC(2026, 10, 24, 13, 5);
    expect(bucketStart(t, DAY_MS)).toBe(Date.UTC(2026, 10, 24));
    expect(bucketRange(Date.UTC(2026, 10, 22, 23), t, DAY_MS)).toEqual([Date.UTC(2026, 10, 22), Date.UTC(2026, 10, 23), Date.UTC(2026, 10, 24)]);
  });
});

describe("detectRegressions", () => {
  it("flags a run slower than 1.5 × the median of the previous ones", () => {
    // previous medians: -, -, -, 100 (100,110,90) → 200 > 150 flagged; then median(100,110,90,200)=100 → 140 not flagged
    expect(detectRegressions([100, 110, 90, 200, 140])).toEqual([false, false, false, true, false]);
  });
  it("skips unfinished runs and needs enough history", () => {
    expect(detectRegressions([100, null, 1000])).toEqual([false, false, false]);
    expect(detectRegressions([100, null, 1000], { minHistory: 1 })).toEqual([false, false, true]);
  });
  it("looks only at the last `window` runs", () => {
    // window 2: the 2nd 300 sees [10, 300] → median 10 (flagged); 400 sees [300, 300] → 300, and 400 < 450
    expect(detectRegressions([10, 10, 10, 300, 300, 400], { window: 2, minHistory: 2 })).toEqual([false, false, false, true, true, false]);
  });
});

describe("share", () => {
  it("is 0 for an empty whole", () => {
    expect(share(3, 0)).toBe(0);
    expect(share(1, 4)).toBe(0.25);
  });
});
