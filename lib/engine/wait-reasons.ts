/**
 * Why a step is not running, machine-readably.
 *
 * The store keeps a snapshot written when a step enters `pending` (its
 * dependencies) or `waiting` (backoff, resource). Conditions that change for
 * many steps at once — paused run, concurrency limits — are not written to
 * every row; they are derived: live by {@link liveWaitReason} inside the
 * owning engine, and from stored rows by {@link derivedWaitReason} for
 * readers such as the web UI.
 */
import type { ResourcePools } from "./resources";
import { isFinalTask, satisfiesDependents, type RunState, type TaskState } from "./run-state";
import type { RunRecord, TaskRunRecord, WaitReason } from "./store";

/** Global dispatch state the live derivation needs. */
export interface DispatchSnapshot {
  globalRunning: number;
  globalLimit: number;
  pools: ResourcePools;
}

/** Live wait reason of a task of a run owned by this engine; null if running or final. */
export function liveWaitReason(run: RunState, task: TaskState, snap: DispatchSnapshot): WaitReason | null {
  switch (task.status) {
    case "pending":
      return { type: "dependencies", waitingFor: run.depsOf(task).filter((d) => !satisfiesDependents(d)).map((d) => d.stepId) };
    case "waiting": {
      const r = task.waitReason;
      if (r?.type === "resource") {
        return { ...r, free: snap.pools.free(r.pool), capacity: snap.pools.capacity(r.pool) };
      }
      return r;
    }
    case "ready": {
      if (run.record.status === "paused") return { type: "paused" };
      if (run.running >= run.concurrency) return { type: "concurrency", scope: "run", limit: run.concurrency };
      if (snap.globalRunning >= snap.globalLimit) return { type: "concurrency", scope: "global", limit: snap.globalLimit };
      const shortage = snap.pools.firstShortage(task.request);
      if (shortage) return { type: "resource", ...shortage };
      return null;
    }
    case "running":
    case "succeeded":
    case "failed":
    case "skipped":
    case "cancelled":
    case "cached":
    case "upstream_failed":
      return null;
  }
}

/**
 * Wait reason of a stored task row, completed with run-level state:
 * `paused` for ready/waiting steps of a paused run, the run's concurrency
 * limit for ready steps, remaining dependencies for pending steps (needs the
 * sibling rows by step id and the step's `dependsOn`). Pass `runningCount`
 * (steps of the run now running) when deriving a whole run, to stay linear.
 */
export function derivedWaitReason(
  task: TaskRunRecord,
  run: Pick<RunRecord, "status" | "definition">,
  dependsOn: readonly string[],
  siblings: ReadonlyMap<string, Pick<TaskRunRecord, "status">>,
  runningCount?: number,
): WaitReason | null {
  if (isFinalTask(task.status) || task.status === "running") return null;
  if (run.status === "paused" && (task.status === "ready" || task.status === "waiting")) {
    return task.waitReason?.type === "backoff" ? task.waitReason : { type: "paused" };
  }
  const limit = run.definition.concurrency;
  if (task.status === "ready" && limit !== undefined) {
    let running = runningCount ?? 0;
    if (runningCount === undefined) for (const s of siblings.values()) if (s.status === "running") running++;
    if (running >= limit) return { type: "concurrency", scope: "run", limit };
  }
  if (task.status === "pending") {
    const waitingFor = dependsOn.filter((d) => {
      const s = siblings.get(d)?.status;
      return s !== "succeeded" && s !== "cached" && s !== "skipped" && s !== "failed";
    });
    return { type: "dependencies", waitingFor };
  }
  return task.waitReason;
}
