/**
 * Folds the run's ordered event log into a {@link LiveRun} snapshot: the
 * reducer behind the run page's live cache.
 *
 * Invariants:
 * - Events with `seq <= run.lastEventSeq` are skipped, so a replayed or
 *   duplicated event never applies twice.
 * - Applying stops at a gap (`seq > lastEventSeq + 1`); the caller reloads
 *   the snapshot. The stream is gapless, so a gap means the snapshot is stale.
 * - Every change is an upsert (set status, set attempt N), never an
 *   increment: events a fresh snapshot already reflects apply harmlessly.
 * - Unchanged tasks and attempts keep their identity, so memoized views of
 *   them do not re-render.
 */
import type { AttemptStatus, LiveAttempt, LiveEvent, LiveRun, LiveTask, RunMetrics, RunStatus, TaskStatus, WaitReason } from "./types";
import { isFinalRun, isFinalTask } from "./types";

export interface ApplyResult {
  run: LiveRun;
  /** An event was missing: reload the snapshot. */
  gap: boolean;
  /** Something the events do not carry changed (final metrics, recovered attempts): reload the snapshot. */
  refetch: boolean;
  /** Steps whose state changed (their drawer data may be stale). */
  changedSteps: string[];
}

interface TaskStatusData {
  stepId: string;
  status: TaskStatus;
  previous: TaskStatus;
  attempt: number;
  waitReason?: WaitReason | null;
  reason?: string | null;
  error?: string | null;
  exitCode?: number | null;
}

interface RunStatusData {
  status: RunStatus;
  previous: RunStatus;
  error?: string | null;
  metrics?: RunMetrics | null;
}

/** Status of an attempt that just ended, from the step's next state and the failure reason. */
export function endedAttemptStatus(next: TaskStatus, reason: string | null | undefined): AttemptStatus {
  if (next === "succeeded" || next === "cached") return "succeeded";
  if (next === "cancelled" || reason === "engine-stopped") return "cancelled";
  if (reason === "timeout") return "timed_out";
  if (reason === "lost") return "lost";
  return "failed";
}

function nextTask(task: LiveTask, d: TaskStatusData, ts: number): LiveTask {
  const t: LiveTask = { ...task, status: d.status, attempt: d.attempt, waitReason: d.waitReason ?? null };
  if (d.error !== undefined) t.error = d.error;
  if (d.exitCode !== undefined) t.exitCode = d.exitCode;
  switch (d.status) {
    case "pending":
      // Reset by "retry failed steps".
      Object.assign(t, { queuedAt: null, startedAt: null, finishedAt: null, error: null, exitCode: null });
      break;
    case "ready": {
      // A new wait starts after a failure, a backoff or from pending; a resource wait keeps its start.
      const fresh = d.previous === "running" || d.previous === "pending" || task.waitReason?.type === "backoff";
      if (fresh || t.queuedAt === null) t.queuedAt = ts;
      break;
    }
    case "running":
      Object.assign(t, { startedAt: ts, finishedAt: null, error: null, exitCode: null, queuedAt: task.queuedAt ?? ts });
      break;
    case "waiting":
      break;
    case "succeeded":
    case "failed":
    case "skipped":
    case "cancelled":
    case "cached":
    case "upstream_failed":
      t.finishedAt = ts;
      if (d.status === "succeeded") t.error = null;
      break;
  }
  return t;
}

function upsertAttempt(attempts: LiveAttempt[], a: LiveAttempt): LiveAttempt[] {
  const i = attempts.findIndex((x) => x.stepId === a.stepId && x.attempt === a.attempt);
  if (i < 0) return [...attempts, a];
  const copy = attempts.slice();
  copy[i] = { ...attempts[i]!, ...a };
  return copy;
}

function nextRun(run: LiveRun, d: RunStatusData, ts: number): LiveRun {
  const r: LiveRun = { ...run, status: d.status };
  if (d.status === "running" && r.startedAt === null) r.startedAt = ts;
  if (d.status === "paused") r.pausedAt = ts;
  if (d.previous === "paused" && d.status !== "paused") r.pausedAt = null;
  if (isFinalRun(d.status)) {
    r.finishedAt = ts;
    r.error = d.error ?? null;
    if (d.metrics !== undefined) r.metrics = d.metrics;
  } else if (isFinalRun(d.previous)) {
    // Reopened by "retry failed steps".
    Object.assign(r, { finishedAt: null, error: null, cancelledAt: null, metrics: null });
  }
  return r;
}

/** Applies `events` (ordered by seq) to `run`. Pure. */
export function applyEvents(run: LiveRun, events: readonly LiveEvent[]): ApplyResult {
  let next = run;
  let tasks: LiveTask[] | null = null;
  let attempts = run.attempts;
  let index: Map<string, number> | null = null;
  let gap = false;
  let refetch = false;
  const changed = new Set<string>();

  for (const e of events) {
    if (e.seq <= next.lastEventSeq) continue;
    if (e.seq > next.lastEventSeq + 1) {
      gap = true;
      break;
    }
    switch (e.type) {
      case "task.status": {
        const d = e.data as unknown as TaskStatusData;
        index ??= new Map(run.tasks.map((t, i) => [t.stepId, i]));
        const i = index.get(d.stepId);
        if (i === undefined) {
          refetch = true;
          break;
        }
        tasks ??= run.tasks.slice();
        const before = tasks[i]!;
        tasks[i] = nextTask(before, d, e.ts);
        changed.add(d.stepId);
        if (d.status === "running") {
          attempts = upsertAttempt(attempts, {
            stepId: d.stepId,
            attempt: d.attempt,
            status: "running",
            queuedAt: before.queuedAt ?? e.ts,
            startedAt: e.ts,
            finishedAt: null,
            exitCode: null,
            reason: null,
            error: null,
          });
        } else if (d.previous === "running") {
          const known = attempts.find((a) => a.stepId === d.stepId && a.attempt === d.attempt);
          if (known) {
            attempts = upsertAttempt(attempts, {
              ...known,
              status: endedAttemptStatus(d.status, d.reason),
              finishedAt: e.ts,
              exitCode: d.exitCode ?? known.exitCode,
              reason: d.reason ?? known.reason,
              error: d.error ?? known.error,
            });
          } else refetch = true;
        }
        break;
      }
      case "run.status": {
        const d = e.data as unknown as RunStatusData;
        next = nextRun(next, d, e.ts);
        if (isFinalRun(d.status)) refetch = true;
        break;
      }
      case "run.control":
        if (e.data.action === "cancel") next = { ...next, cancelledAt: e.ts };
        break;
      case "run.recovered":
        refetch = true;
        break;
      default:
        // run.created and types added later carry nothing the page shows.
        break;
    }
    next = { ...next, lastEventSeq: e.seq };
  }
  if (tasks) next = { ...next, tasks };
  if (attempts !== run.attempts) next = { ...next, attempts };
  return { run: next, gap, refetch, changedSteps: [...changed] };
}

/** Steps done (final) and counts by state. */
export function progressOf(tasks: readonly Pick<LiveTask, "status">[]): { done: number; total: number; counts: Partial<Record<TaskStatus, number>> } {
  const counts: Partial<Record<TaskStatus, number>> = {};
  let done = 0;
  for (const t of tasks) {
    counts[t.status] = (counts[t.status] ?? 0) + 1;
    if (isFinalTask(t.status)) done++;
  }
  return { done, total: tasks.length, counts };
}
