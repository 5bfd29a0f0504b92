import { describe, expect, it } from "vitest";
import { simulateWorkflow } from "./simulate";

describe("simulateWorkflow", () => {
  const def = {
    name: "sim",
    steps: [
      { id: "a", kind: "shell", run: "x", estimateSec: 2 },
      { id: "b", kind: "shell", run: "x", dependsOn: ["a"], estimateSec: 3 },
      { id: "c", kind: "shell", run: "x", dependsOn: ["a"], estimateSec: 5 },
      { id: "d", kind: "shell", run: "x", dependsOn: ["b", "c"], estimateSec: 1 },
      { id: "w", kind: "delay", delaySec: 4 },
    ],
  };

  it("predicts makespan and timeline with unlimited cpu", async () => {
    const res = await simulateWorkflow(def, { pools: { cpu: 8, memory: 1000 } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.status).toBe("succeeded");
    expect(res.makespanMs).toBe(8000);
    expect(res.metrics?.criticalPath).toEqual(["a", "c", "d"]);
    expect(res.timeline.find((s) => s.stepId === "d")).toMatchObject({ startMs: 7000, endMs: 8000 });
  });

  it("accounts for resource limits and history estimates", async () => {
    const res = await simulateWorkflow(def, { pools: { cpu: 1, memory: 1000 }, estimates: { c: 1 } });
    // One cpu slot: a(2) then c(1, critical first) then b(3) then d(1); the delay uses no cpu.
    expect(res.ok && res.makespanMs).toBe(7000);
  });

  it("previews failure policies", async () => {
    const res = await simulateWorkflow(def, { pools: { cpu: 8, memory: 1000 }, failSteps: ["b"] });
    expect(res.ok && res.steps).toEqual({ a: "succeeded", b: "failed", c: "succeeded", d: "upstream_failed", w: "succeeded" });
  });

  it("returns validation problems instead of throwing", async () => {
    const res = await simulateWorkflow({ name: "bad", steps: [{ id: "a", kind: "noop", dependsOn: ["a"] }] });
    expect(res.ok).toBe(false);
  });
});
