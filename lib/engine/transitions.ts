/**
 * Step and run state transitions. Each one updates memory, stages its row
 * changes and its event in the WriteQueue (so it is persisted before it is
 * announced) and keeps the invariants: `unfinished` counts non-final tasks,
 * a failed step's descendants end `upstream_failed`, `onFailure: stop`
 * starts nothing new, and a run finishes exactly when no task is left.
 */
import type { EngineContext } from "./context";
import type { RunEventBody } from "./events";
import { computeRunMetrics } from "./metrics";
import { backoffDelayMs } from "./retry";
import { isFinalTask, type RunState, type TaskState } from "./run-state";
import type { Json, RunPatch, RunStatus, TaskRunPatch, TaskStatus, WaitReason } from "./store";

/** Callbacks into the scheduler. */
export interface TransitionHooks {
  /** A task became `ready`: queue it and try to dispatch. */
  enqueue(run: RunState, task: TaskState): void;
  /** The run reached a final status. */
  finished(run: RunState): void;
}

/** Optional details of a task status change. */
export interface StatusExtra {
  waitReason?: WaitReason | null;
  reason?: string | null;
  error?: string | null;
  exitCode?: number | null;
  outputs?: Record<string, Json> | null;
  /** Extra row fields to persist with the change. */
  patch?: TaskRunPatch;
}

/** Outcome details of a failed attempt. */
export interface FailureInfo {
  reason: string;
  error: string;
  exitCode: number | null;
  patch?: TaskRunPatch;
}

const STARTABLE = new Set<TaskStatus>(["pending", "ready", "waiting"]);

/** The transition functions of one engine instance. */
export class Transitions {
  constructor(
    private readonly ctx: EngineContext,
    private readonly hooks: TransitionHooks,
  ) {}

  /** Stages a run event with the next sequence number. */
  runEvent(run: RunState, body: RunEventBody): void {
    run.seq++;
    this.ctx.writer.event({ ...body, runId: run.id, seq: run.seq, ts: this.ctx.clock.now() });
  }

  setRunStatus(run: RunState, status: RunStatus, patch: RunPatch = {}): void {
    const previous = run.record.status;
    run.record = { ...run.record, ...patch, status };
    this.ctx.writer.updateRun(run.id, { ...patch, status });
    this.runEvent(run, {
      type: "run.status",
      status,
      previous,
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.metrics !== undefined ? { metrics: patch.metrics } : {}),
    });
  }

  setTaskStatus(run: RunState, task: TaskState, status: TaskStatus, extra: StatusExtra = {}): void {
    const previous = task.status;
    task.status = status;
    task.waitReason = extra.waitReason ?? null;
    this.ctx.writer.updateTask(run.id, task.id, { ...extra.patch, status, waitReason: task.waitReason });
    const body: RunEventBody = {
      type: "task.status",
      taskRunId: task.id,
      stepId: task.stepId,
      status,
      previous,
      attempt: task.attempt,
    };
    if (extra.waitReason) body.waitReason = extra.waitReason;
    if (extra.reason !== undefined) body.reason = extra.reason;
    if (extra.error !== undefined) body.error = extra.error;
    if (extra.exitCode !== undefined) body.exitCode = extra.exitCode;
    if (extra.outputs !== undefined) body.outputs = extra.outputs;
    this.runEvent(run, body);
    const wasFinal = isFinalTask(previous);
    const nowFinal = isFinalTask(status);
    if (!wasFinal && nowFinal) run.unfinished--;
    else if (wasFinal && !nowFinal) run.unfinished++;
  }

  /** pending/waiting → ready, then queued for dispatch. */
  makeReady(run: RunState, task: TaskState, extra: StatusExtra = {}): void {
    if (task.queuedAt === null) task.queuedAt = this.ctx.clock.now();
    this.setTaskStatus(run, task, "ready", { ...extra, patch: { ...extra.patch, queuedAt: task.queuedAt } });
    this.hooks.enqueue(run, task);
  }

  succeed(run: RunState, task: TaskState, outputs: Record<string, Json>, patch: TaskRunPatch): void {
    task.outputs = outputs;
    this.setTaskStatus(run, task, "succeeded", {
      outputs,
      patch: { ...patch, outputs, error: null, finishedAt: this.ctx.clock.now() },
    });
    this.releaseDependents(run, task);
  }

  /** Final failure of a step (no retry left, or retries not allowed now). */
  fail(run: RunState, task: TaskState, info: FailureInfo): void {
    this.setTaskStatus(run, task, "failed", {
      reason: info.reason,
      error: info.error,
      exitCode: info.exitCode,
      patch: { ...info.patch, error: info.error, exitCode: info.exitCode, finishedAt: this.ctx.clock.now() },
    });
    if (task.step.continueOnFailure) {
      this.releaseDependents(run, task);
      return;
    }
    run.failed = true;
    this.propagateUpstreamFailed(run, task);
    if (run.definition.onFailure === "stop" && !run.stopping) {
      this.stop(run, `not started: step "${task.stepId}" failed and onFailure is stop`);
    }
  }

  /** Waits `backoff` (or not at all) before the next attempt. */
  scheduleRetry(run: RunState, task: TaskState, info: FailureInfo): void {
    const next = task.attempt + 1;
    const delay = backoffDelayMs(task.retry, next, this.ctx.random);
    const extra: StatusExtra = { reason: info.reason, error: info.error, exitCode: info.exitCode, patch: info.patch };
    if (delay <= 0) {
      this.makeReady(run, task, extra);
      return;
    }
    const until = this.ctx.clock.now() + delay;
    this.setTaskStatus(run, task, "waiting", { ...extra, waitReason: { type: "backoff", until, attempt: next } });
    task.backoffTimer = this.ctx.clock.setTimer(() => {
      task.backoffTimer = null;
      if (task.status !== "waiting" || task.waitReason?.type !== "backoff") return;
      if (run.finished || run.cancelling || run.stopping) return;
      this.makeReady(run, task);
    }, delay);
  }

  /** Decrements successors' counters; those with no dependency left become ready. */
  releaseDependents(run: RunState, task: TaskState): void {
    const { succStart, succ } = run.dag;
    for (let e = succStart[task.index]!; e < succStart[task.index + 1]!; e++) {
      const s = run.tasks[succ[e]!]!;
      if (s.status !== "pending") continue;
      if (--s.remainingDeps > 0) continue;
      if (run.stopping || run.cancelling) {
        this.setTaskStatus(run, s, "cancelled", { error: "not started: run stopping", patch: { finishedAt: this.ctx.clock.now() } });
      } else this.makeReady(run, s);
    }
  }

  /** Marks every pending descendant `upstream_failed` (iterative). */
  propagateUpstreamFailed(run: RunState, from: TaskState): void {
    const { succStart, succ } = run.dag;
    const now = this.ctx.clock.now();
    const stack = [from];
    while (stack.length > 0) {
      const t = stack.pop()!;
      for (let e = succStart[t.index]!; e < succStart[t.index + 1]!; e++) {
        const s = run.tasks[succ[e]!]!;
        if (s.status !== "pending") continue;
        this.setTaskStatus(run, s, "upstream_failed", {
          error: `dependency "${t.stepId}" did not succeed`,
          patch: { finishedAt: now, error: `dependency "${t.stepId}" did not succeed` },
        });
        stack.push(s);
      }
    }
  }

  /** Starts nothing new: every step not yet running ends `cancelled`. */
  stop(run: RunState, message: string): void {
    run.stopping = true;
    this.cancelUnstarted(run, message);
  }

  cancelUnstarted(run: RunState, message: string): void {
    const now = this.ctx.clock.now();
    for (const t of run.tasks) {
      if (!STARTABLE.has(t.status)) continue;
      if (t.backoffTimer) {
        this.ctx.clock.clearTimer(t.backoffTimer);
        t.backoffTimer = null;
      }
      this.setTaskStatus(run, t, "cancelled", { error: message, patch: { finishedAt: now, error: message } });
    }
    run.ready.clear();
  }

  /** Finishes the run when no task is left. */
  checkDone(run: RunState): void {
    if (run.finished || run.unfinished > 0 || run.running > 0) return;
    run.finished = true;
    const now = this.ctx.clock.now();
    if (run.deadlineTimer) {
      this.ctx.clock.clearTimer(run.deadlineTimer);
      run.deadlineTimer = null;
    }
    let status: RunStatus;
    let error: string | null = null;
    if (run.cancelling) {
      status = "cancelled";
      error = `cancelled${run.record.cancelledBy ? ` by ${run.record.cancelledBy}` : ""}`;
    } else if (run.timedOut) {
      status = "failed";
      error = `run timed out after ${run.definition.timeoutSec}s`;
    } else if (run.failed) {
      status = "failed";
      const first = run.tasks.find((t) => t.status === "failed" && !t.step.continueOnFailure);
      // After a rerun, a kept step that was cancelled or upstream-failed also fails the run.
      const unsettled = first ? null : run.tasks.find((t) => t.status === "cancelled" || t.status === "upstream_failed");
      error = first ? `step "${first.stepId}" failed` : unsettled ? `step "${unsettled.stepId}" did not succeed` : "a step failed";
    } else status = "succeeded";
    const metrics = computeRunMetrics(run, now);
    this.setRunStatus(run, status, { finishedAt: now, error, metrics });
    this.hooks.finished(run);
  }
}
