/**
 * The wait reason a step shows right now. The store keeps what was true when
 * the step started waiting (dependencies, resource, backoff); run-wide
 * conditions (paused run, its concurrency limit) are derived here from the
 * whole run, like `derivedWaitReason` in the engine does for stored rows.
 */
import type { LiveRun, LiveTask, WaitReason } from "./types";
import { isFinalTask } from "./types";

const SATISFIED = new Set(["succeeded", "cached", "skipped", "failed"]);

/** Wait reasons of every step that is not running or finished, by step id. O(steps + edges). */
export function waitReasonsOf(run: Pick<LiveRun, "status" | "concurrency" | "tasks">): Map<string, WaitReason> {
  const byStep = new Map(run.tasks.map((t) => [t.stepId, t]));
  let running = 0;
  for (const t of run.tasks) if (t.status === "running") running++;
  const out = new Map<string, WaitReason>();
  for (const t of run.tasks) {
    const r = currentWaitReason(t, run, byStep, running);
    if (r) out.set(t.stepId, r);
  }
  return out;
}

export function currentWaitReason(
  task: LiveTask,
  run: Pick<LiveRun, "status" | "concurrency">,
  byStep: ReadonlyMap<string, Pick<LiveTask, "status">>,
  runningCount: number,
): WaitReason | null {
  if (isFinalTask(task.status) || task.status === "running") return null;
  if (run.status === "paused" && (task.status === "ready" || task.status === "waiting")) {
    return task.waitReason?.type === "backoff" ? task.waitReason : { type: "paused" };
  }
  if (task.status === "ready" && run.concurrency !== null && runningCount >= run.concurrency) {
    return { type: "concurrency", scope: "run", limit: run.concurrency };
  }
  if (task.status === "pending") {
    const waitingFor = task.dependsOn.filter((d) => !SATISFIED.has(byStep.get(d)?.status ?? ""));
    return waitingFor.length ? { type: "dependencies", waitingFor } : null;
  }
  return task.waitReason;
}
