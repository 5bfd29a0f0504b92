import { describe, expect, it } from "vitest";
import { thinSamples } from "./samples";

describe("thinSamples", () => {
  it("returns short series unchanged", () => {
    const pts = [{ ts: 1, cpuPercent: 5, rssMb: 10 }];
    expect(thinSamples(pts)).toEqual(pts);
  });

  it("thins long series to at most max points and keeps the spikes", () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ ts: i, cpuPercent: i === 501 ? 390 : 10, rssMb: i === 777 ? 2048 : 100 }));
    const thin = thinSamples(pts, 100);
    expect(thin).toHaveLength(100);
    expect(Math.max(...thin.map((p) => p.cpuPercent))).toBe(390);
    expect(Math.max(...thin.map((p) => p.rssMb))).toBe(2048);
    expect(thin[0]!.ts).toBe(0);
  });
});
