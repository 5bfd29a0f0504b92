import { describe, expect, it } from "vitest";
import { planWorkflow } from "./plan";

describe("planWorkflow", () => {
  const steps = [
    { id: "a" },
    { id: "b", dependsOn: ["a"] },
    { id: "c", dependsOn: ["a"] },
    { id: "d", dependsOn: ["b", "c"] },
    { id: "e" },
  ];

  it("computes levels, remaining paths and the critical path", () => {
    const plan = planWorkflow(steps, { c: 5 });
    expect(plan.levels).toEqual([["a", "e"], ["b", "c"], ["d"]]);
    expect(plan.remainingById).toEqual({ a: 7, b: 2, c: 6, d: 1, e: 1 });
    expect(plan.criticalPath).toEqual(["a", "c", "d"]);
    expect(plan.criticalPathSec).toBe(7);
  });

  it("defaults estimates to 1 and honours estimateSec", () => {
    const plan = planWorkflow([{ id: "x", estimateSec: 3 }, { id: "y", dependsOn: ["x"] }]);
    expect(plan.remainingById).toEqual({ x: 4, y: 1 });
  });

  it("plans 10,000 steps (100 wide × 100 deep) fast", () => {
    const big = [];
    for (let level = 0; level < 100; level++) {
      for (let w = 0; w < 100; w++) big.push({ id: `s${level}_${w}`, dependsOn: level > 0 ? [`s${level - 1}_${w}`, `s${level - 1}_${(w + 1) % 100}`] : [] });
    }
    const t0 = performance.now();
    const plan = planWorkflow(big);
    expect(performance.now() - t0).toBeLessThan(300);
    expect(plan.levels).toHaveLength(100);
    expect(plan.criticalPath).toHaveLength(100);
  });

  it("refuses cyclic graphs", () => {
    expect(() => planWorkflow([{ id: "a", dependsOn: ["b"] }, { id: "b", dependsOn: ["a"] }])).toThrow(/acyclic/);
  });
});
