import { describe, expect, it } from "vitest";
import { createTestEngine } from "./testing";

const wf = (steps: unknown[], extra: Record<string, unknown> = {}) => ({ name: "t", steps, ...extra });
const step = (id: string, resources: Record<string, unknown>, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  kind: "noop",
  dependsOn,
  resources,
  ...extra,
});

describe("engine: resource-aware admission", () => {
  it("admits only what fits, all-or-nothing, and releases on completion", async () => {
    const t = await createTestEngine({ pools: { cpu: 4, memory: 1000, gpu: 1 } });
    const runId = await t.start(
      wf([
        step("a", { cpu: 2, memoryMb: 600 }),
        step("b", { cpu: 2, memoryMb: 600 }), // memory short while a runs
        step("c", { cpu: 1, pools: { gpu: 1 } }),
        step("d", { cpu: 1, pools: { gpu: 1 } }), // gpu short
      ]),
    );
    expect(t.executor.running()).toEqual(["a", "c"]);
    const cpu = t.engine.listPools().find((p) => p.name === "cpu")!;
    expect(cpu).toMatchObject({ used: 3, free: 1 });
    const view = await t.engine.getRun(runId);
    const b = view!.tasks.find((x) => x.stepId === "b")!;
    expect(b.status).toBe("waiting");
    expect(b.waitReason).toEqual({ type: "resource", pool: "memory", needed: 600, free: 400, capacity: 1000 });
    const d = view!.tasks.find((x) => x.stepId === "d")!;
    expect(d.waitReason).toMatchObject({ type: "resource", pool: "gpu", needed: 1, free: 0 });
    // Nothing was partially taken by the waiting steps.
    expect(t.engine.listPools().find((p) => p.name === "memory")).toMatchObject({ used: 600 });

    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["c", "b"]);
    t.executor.succeed("c");
    await t.flush();
    expect(t.executor.running()).toEqual(["b", "d"]);
    t.executor.succeed("b");
    t.executor.succeed("d");
    await t.flush();
    expect(t.engine.listPools().every((p) => p.used === 0)).toBe(true);
    expect(await t.store.listOpenAllocations()).toEqual([]);
    const allocs = [...t.store.allocations.values()];
    expect(allocs).toHaveLength(8);
    expect(allocs.every((a) => a.releasedAt !== null && a.releasedAt >= a.acquiredAt)).toBe(true);
  });

  it("releases resources on failure, timeout and cancel", async () => {
    const t = await createTestEngine({ pools: { cpu: 4, memory: 1000, slot: 1 } });
    const runId = await t.start(
      wf(
        [
          step("fails", { pools: { slot: 1 } }),
          step("times-out", { cpu: 1 }, [], { timeoutSec: 5 }),
          step("cancelled", { cpu: 1 }),
        ],
        { onFailure: "continue" },
      ),
    );
    t.executor.fail("fails");
    await t.advance(5000);
    expect(t.executor.running()).toEqual(["cancelled"]);
    await t.engine.cancel(runId, { by: "u1" });
    await t.flush();
    expect(t.engine.listPools().every((p) => p.used === 0)).toBe(true);
    expect(await t.store.listOpenAllocations()).toEqual([]);
  });

  it("applies capacity changes to live runs at once", async () => {
    const t = await createTestEngine({ pools: { cpu: 4, memory: 1000, deploy: 1 } });
    await t.start(wf([step("a", { pools: { deploy: 1 } }), step("b", { pools: { deploy: 1 } }), step("c", { pools: { deploy: 1 } })]));
    expect(t.executor.running()).toEqual(["a"]);
    t.engine.setPoolCapacity("deploy", 3);
    await t.flush();
    expect(t.executor.running()).toEqual(["a", "b", "c"]);
    expect(t.events.some((e) => e.type === "pool.capacity" && e.capacity === 3)).toBe(true);
  });

  it("lowering capacity delays admission without preempting holders", async () => {
    const t = await createTestEngine({ pools: { cpu: 4, memory: 1000, deploy: 2 } });
    await t.start(wf([step("a", { pools: { deploy: 1 } }), step("b", { pools: { deploy: 1 } }), step("c", { pools: { deploy: 1 } })]));
    expect(t.executor.running()).toEqual(["a", "b"]);
    t.engine.setPoolCapacity("deploy", 1);
    t.executor.succeed("a");
    await t.flush();
    expect(t.executor.running()).toEqual(["b"]); // 1 used by b = capacity
    t.executor.succeed("b");
    await t.flush();
    expect(t.executor.running()).toEqual(["c"]);
  });

  it("a step larger than a reduced capacity waits without blocking smaller ones, and runs when capacity returns", async () => {
    const t = await createTestEngine({ pools: { cpu: 4, memory: 1000, lic: 4 } });
    await t.start(wf([step("hold", { pools: { lic: 4 } }), step("big", { pools: { lic: 3 } }), step("small", { pools: { lic: 1 } })]));
    expect(t.executor.running()).toEqual(["hold"]);
    t.engine.setPoolCapacity("lic", 2);
    t.executor.succeed("hold");
    await t.flush();
    expect(t.executor.running()).toEqual(["small"]);
    t.engine.setPoolCapacity("lic", 4);
    await t.flush();
    expect(t.executor.running()).toEqual(["small", "big"]);
  });

  it("rejects a request larger than the pool at validation time", async () => {
    const t = await createTestEngine({ pools: { cpu: 2, memory: 1000 } });
    const res = await t.engine.startRun({ workflowVersionId: "v", definition: wf([step("a", { cpu: 8 }), step("b", { pools: { nope: 1 } })]) });
    expect(res.ok).toBe(false);
    if (!res.ok && res.reason === "invalid-definition") {
      expect(res.problems.map((p) => [p.stepId, p.field])).toEqual([
        ["a", "resources.cpu"],
        ["b", "resources.pools.nope"],
      ]);
    }
  });

  it("shell steps take one cpu slot by default", async () => {
    const t = await createTestEngine({ pools: { cpu: 2, memory: 1000 } });
    await t.start(wf([1, 2, 3].map((i) => ({ id: `s${i}`, kind: "shell", run: "true" }))));
    expect(t.executor.running()).toEqual(["s1", "s2"]);
  });
});
