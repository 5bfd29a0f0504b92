import { describe, expect, it } from "vitest";
import { layoutDag, NODE_WIDTH } from "./dag-layout";

describe("layoutDag", () => {
  it("lays dependencies out left to right", () => {
    const pos = layoutDag([
      { stepId: "build", dependsOn: [] },
      { stepId: "test", dependsOn: ["build"] },
      { stepId: "lint", dependsOn: ["build"] },
      { stepId: "ship", dependsOn: ["test", "lint"] },
    ]);
    const x = (id: string) => pos.get(id)!.x;
    expect(x("test")).toBeGreaterThanOrEqual(x("build") + NODE_WIDTH);
    expect(x("ship")).toBeGreaterThanOrEqual(x("test") + NODE_WIDTH);
    expect(pos.get("test")!.y).not.toBe(pos.get("lint")!.y);
  });

  it("uses the editor's saved positions when they cover every step", () => {
    const saved = { a: { x: 5, y: 6 }, b: { x: 300, y: 6 } };
    expect(layoutDag([{ stepId: "a", dependsOn: [] }, { stepId: "b", dependsOn: ["a"] }], saved).get("b")).toEqual({ x: 300, y: 6 });
    expect(layoutDag([{ stepId: "a", dependsOn: [] }, { stepId: "c", dependsOn: ["a"] }], saved).get("a")).not.toEqual({ x: 5, y: 6 });
  });

  it("lays out 500 steps quickly", () => {
    const steps = Array.from({ length: 500 }, (_, i) => ({ stepId: `s${i}`, dependsOn: i < 10 ? [] : [`s${i - 10}`, `s${i - 10 - (i % 3)}`].filter((d, j, a) => a.indexOf(d) === j && Number(d.slice(1)) >= 0) }));
    const t0 = performance.now();
    const pos = layoutDag(steps);
    expect(pos.size).toBe(500);
    // ~150 ms on an idle laptop; the bound is loose for busy CI machines.
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
