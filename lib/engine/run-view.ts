/**
 * Read model of a run for UIs and APIs: stored rows, overlaid with the live
 * state when this instance executes the run, and a wait reason for every
 * step that is not running.
 */
import type { RunState } from "./run-state";
import type { RunRecord, TaskRunRecord } from "./store";
import { derivedWaitReason, liveWaitReason, type DispatchSnapshot } from "./wait-reasons";

/** A step as seen by a reader: its stored row with a current wait reason. */
export type TaskView = TaskRunRecord & { dependsOn: string[] };

/** A run with its steps. `live` = owned by this instance right now. */
export interface RunView {
  run: RunRecord;
  tasks: TaskView[];
  live: boolean;
}

/** Builds the view in O(steps + edges). */
export function buildRunView(record: RunRecord, rows: TaskRunRecord[], live: RunState | null, snap: DispatchSnapshot): RunView {
  const deps = new Map(record.definition.steps.map((s) => [s.id, s.dependsOn]));
  const byStep = new Map(rows.map((r) => [r.stepId, r]));
  const liveTasks = new Map(live?.tasks.map((t) => [t.id, t]));
  const runningCount = rows.reduce((n, r) => n + (r.status === "running" ? 1 : 0), 0);
  const tasks = rows.map((row): TaskView => {
    const dependsOn = deps.get(row.stepId) ?? [];
    const t = liveTasks.get(row.id);
    if (live && t) {
      return { ...row, status: t.status, attempt: t.attempt, waitReason: liveWaitReason(live, t, snap), dependsOn };
    }
    return { ...row, waitReason: derivedWaitReason(row, record, dependsOn, byStep, runningCount), dependsOn };
  });
  return { run: { ...record }, tasks, live: live !== null };
}
