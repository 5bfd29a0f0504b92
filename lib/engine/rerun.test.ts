import { describe, expect, it } from "vitest";
import { describeRerunBlockers, planRerunFrom, rerunBlockers } from "./rerun";
import type { TaskStatus } from "./store";

const step = (id: string, dependsOn: string[] = []) => ({ id, dependsOn });

// a → b → d, a → c → d, d → e; x is independent; y after x and b.
const DEF = { steps: [step("a"), step("b", ["a"]), step("c", ["a"]), step("d", ["b", "c"]), step("e", ["d"]), step("x"), step("y", ["x", "b"])] };

describe("planRerunFrom", () => {
  it("reruns the step and everything downstream of it, in topological order; keeps the rest", () => {
    expect(planRerunFrom(DEF, "b")).toEqual({ stepId: "b", rerun: ["b", "y", "d", "e"], keep: ["a", "x", "c"] });
    expect(planRerunFrom(DEF, "a")).toEqual({ stepId: "a", rerun: ["a", "b", "c", "y", "d", "e"], keep: ["x"] });
    expect(planRerunFrom(DEF, "e")).toEqual({ stepId: "e", rerun: ["e"], keep: ["a", "x", "b", "c", "y", "d"] });
  });

  it("every step is in exactly one list, and no rerun step depends on a later one", () => {
    for (const s of DEF.steps) {
      const plan = planRerunFrom(DEF, s.id)!;
      expect([...plan.rerun, ...plan.keep].sort()).toEqual(DEF.steps.map((x) => x.id).sort());
      plan.rerun.forEach((id, i) => {
        for (const dep of DEF.steps.find((x) => x.id === id)!.dependsOn) {
          if (plan.rerun.includes(dep)) expect(plan.rerun.indexOf(dep)).toBeLessThan(i);
        }
      });
    }
  });

  it("returns null for an unknown step", () => {
    expect(planRerunFrom(DEF, "nope")).toBeNull();
  });

  it("handles long chains without recursion", () => {
    const n = 10_000;
    const chain = { steps: Array.from({ length: n }, (_, i) => step(`s${i}`, i ? [`s${i - 1}`] : [])) };
    const plan = planRerunFrom(chain, "s5000")!;
    expect(plan.rerun).toHaveLength(5000);
    expect(plan.rerun[0]).toBe("s5000");
    expect(plan.keep).toHaveLength(5000);
  });
});

describe("rerunBlockers", () => {
  const statuses = (over: Record<string, TaskStatus>) => (id: string) => over[id] ?? "succeeded";

  it("is empty when every kept dependency succeeded", () => {
    const plan = planRerunFrom(DEF, "b")!;
    expect(rerunBlockers(DEF, plan, statuses({ b: "failed", d: "upstream_failed" }))).toEqual([]);
  });

  it("names kept dependencies that did not succeed, once each", () => {
    const plan = planRerunFrom(DEF, "b")!;
    const blockers = rerunBlockers(DEF, plan, statuses({ c: "failed", x: "cancelled" }));
    expect(blockers).toEqual([
      { stepId: "x", status: "cancelled", neededBy: "y" },
      { stepId: "c", status: "failed", neededBy: "d" },
    ]);
    expect(describeRerunBlockers(blockers)).toBe(
      'steps "x" (cancelled), "c" (failed) keep their results but did not succeed, so the steps after them could not run: rerun from an earlier step',
    );
  });

  it("a kept step that failed with continueOnFailure lets its dependents run", () => {
    const def = { steps: [step("opt"), { ...step("opt2"), continueOnFailure: true }, step("after", ["opt", "opt2"])] };
    const plan = planRerunFrom(def, "after")!;
    expect(rerunBlockers(def, plan, (id) => (id === "after" ? "succeeded" : "failed"))).toEqual([{ stepId: "opt", status: "failed", neededBy: "after" }]);
  });

  it("ignores kept steps that nothing rerun depends on", () => {
    const plan = planRerunFrom(DEF, "d")!;
    expect(rerunBlockers(DEF, plan, statuses({ x: "failed", y: "upstream_failed" }))).toEqual([]);
  });
});
