/**
 * Run summary metrics from the per-task accumulators: makespan, the actual
 * critical path (the chain of last-finishing dependencies that ends the run),
 * total queue wait and mean parallelism.
 */
import type { RunState } from "./run-state";
import type { RunMetrics, TaskStatus } from "./store";

/** Computes a run's metrics as of `now` (its finish time for finished runs). */
export function computeRunMetrics(run: RunState, now: number): RunMetrics {
  const start = run.record.startedAt ?? run.record.createdAt;
  const makespanMs = Math.max(0, now - start);
  let busy = 0;
  let queue = 0;
  let attempts = 0;
  const counts: Partial<Record<TaskStatus, number>> = {};
  let last = -1;
  for (const t of run.tasks) {
    busy += t.busyMs;
    queue += t.queueMs;
    attempts += t.attempt;
    counts[t.status] = (counts[t.status] ?? 0) + 1;
    if (t.lastFinishedAt !== null && (last < 0 || t.lastFinishedAt >= run.tasks[last]!.lastFinishedAt!)) last = t.index;
  }

  // Walk back from the last task to finish through the dependency that finished last.
  const path: string[] = [];
  let pathMs = 0;
  for (let i = last; i >= 0; ) {
    const t = run.tasks[i]!;
    path.push(t.stepId);
    pathMs += t.firstStartedAt !== null && t.lastFinishedAt !== null ? t.lastFinishedAt - t.firstStartedAt : 0;
    let next = -1;
    for (let e = run.dag.depStart[i]!; e < run.dag.depStart[i + 1]!; e++) {
      const d = run.tasks[run.dag.deps[e]!]!;
      if (d.lastFinishedAt === null) continue;
      if (next < 0 || d.lastFinishedAt > run.tasks[next]!.lastFinishedAt!) next = d.index;
    }
    i = next;
  }
  path.reverse();

  return {
    makespanMs,
    criticalPath: path,
    criticalPathMs: pathMs,
    totalQueueWaitMs: queue,
    meanParallelism: makespanMs > 0 ? busy / makespanMs : 0,
    attempts,
    counts,
  };
}
