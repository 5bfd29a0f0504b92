import { describe, expect, it } from "vitest";
import { liveRun, liveTask } from "./fixtures";
import { waitReasonsOf } from "./wait";

describe("waitReasonsOf", () => {
  it("names the unfinished dependencies of pending steps", () => {
    const run = liveRun([
      liveTask("build", { status: "succeeded" }),
      liveTask("lint", { status: "running" }),
      liveTask("ship", { dependsOn: ["build", "lint"] }),
    ]);
    expect(waitReasonsOf(run).get("ship")).toEqual({ type: "dependencies", waitingFor: ["lint"] });
    expect(waitReasonsOf(run).has("lint")).toBe(false);
  });

  it("says paused for ready steps of a paused run, but keeps a retry countdown", () => {
    const backoff = { type: "backoff" as const, until: 99, attempt: 2 };
    const run = liveRun([liveTask("a", { status: "ready" }), liveTask("b", { status: "waiting", waitReason: backoff })], { status: "paused" });
    const reasons = waitReasonsOf(run);
    expect(reasons.get("a")).toEqual({ type: "paused" });
    expect(reasons.get("b")).toEqual(backoff);
  });

  it("names the run's concurrency limit when it is reached", () => {
    const run = liveRun([liveTask("a", { status: "running" }), liveTask("b", { status: "ready" })], { concurrency: 1 });
    expect(waitReasonsOf(run).get("b")).toEqual({ type: "concurrency", scope: "run", limit: 1 });
  });

  it("keeps a stored resource wait", () => {
    const resource = { type: "resource" as const, pool: "deploy-slot", needed: 1, free: 0, capacity: 1 };
    const run = liveRun([liveTask("a", { status: "waiting", waitReason: resource })]);
    expect(waitReasonsOf(run).get("a")).toEqual(resource);
  });
});
