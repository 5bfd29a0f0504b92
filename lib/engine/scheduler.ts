/**
 * Event-driven dispatch across all runs of this instance. Nothing polls:
 * dispatch is attempted when a task becomes ready, an attempt settles, a run
 * resumes or a pool grows.
 *
 * - Each run has a ready queue; a heap of runs keyed by their best task picks
 *   the next task across runs (priority, longest remaining path, run order,
 *   definition order). Runs that are paused or at their concurrency limit
 *   simply leave the heap until that changes, so no task is rescanned.
 * - A task whose resources are short waits in that pool's wait list
 *   (status `waiting`, reason `resource`). When the pool frees capacity, as
 *   many waiters as fit are moved back to ready, best first.
 * Each task costs O(log V) per queue move: O((V + E) log V) per run.
 */
import { AttemptRunner } from "./attempt-runner";
import type { EngineContext } from "./context";
import type { StepOutcome } from "./executors/types";
import { BinaryHeap } from "./heap";
import { PoolWaitLists } from "./pool-waits";
import { compareQueueables } from "./ready-queue";
import { attemptIdOf, runningAttemptRecord, type AbortCause, type ActiveAttempt, type RunState, type TaskState } from "./run-state";
import { shouldRetry } from "./retry";
import type { AttemptStatus, TaskAttemptPatch, TaskRunPatch } from "./store";
import { Transitions } from "./transitions";

interface RunEntry {
  run: RunState;
  version: number;
  top: TaskState;
}

/** The dispatcher and attempt lifecycle of one engine instance. */
export class Scheduler {
  /** Live runs owned by this instance. */
  readonly runs = new Map<string, RunState>();
  readonly transitions: Transitions;
  readonly runner: AttemptRunner;
  private readonly runHeap = new BinaryHeap<RunEntry>((a, b) => compareQueueables(a.top, b.top));
  private readonly poolWaits = new PoolWaitLists();
  private globalRunning = 0;
  private pumping = false;
  private pumpAgain = false;

  constructor(
    readonly ctx: EngineContext,
    private readonly onRunFinished: (run: RunState) => void,
  ) {
    this.transitions = new Transitions(ctx, {
      enqueue: (run, task) => this.enqueue(run, task),
      finished: (run) => this.finished(run),
    });
    this.runner = new AttemptRunner(ctx, (run, task, active, outcome) => this.settle(run, task, active, outcome));
  }

  /** Attempts running on this instance. */
  get running(): number {
    return this.globalRunning;
  }

  /** Registers a run; its `ready` tasks are queued (their state is already staged). */
  addRun(run: RunState): void {
    this.runs.set(run.id, run);
    for (const t of run.tasks) if (t.status === "ready") run.ready.push(t);
    this.pushRunEntry(run);
    this.pump();
  }

  /** Queues a ready task and dispatches if possible. */
  enqueue(run: RunState, task: TaskState): void {
    run.ready.push(task);
    if (run.heapTop === null || compareQueueables(task, run.heapTop) < 0) this.pushRunEntry(run);
    this.pump();
  }

  /** (Re)inserts the run into the run heap keyed by its best ready task, if dispatchable. */
  pushRunEntry(run: RunState): void {
    if (!run.dispatchable) return;
    const top = run.ready.peek();
    if (!top) {
      run.heapTop = null;
      return;
    }
    run.heapVersion++;
    run.heapTop = top;
    this.runHeap.push({ run, version: run.heapVersion, top });
  }

  /** Dispatches as much as limits and resources allow. Re-entrant calls are folded. */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (this.globalRunning < this.ctx.options.maxConcurrentTasks) {
          const entry = this.runHeap.pop();
          if (!entry) break;
          const run = entry.run;
          if (entry.version !== run.heapVersion) continue;
          run.heapTop = null;
          if (!run.dispatchable) continue;
          const task = run.ready.pop();
          if (task) this.tryStart(run, task);
          this.pushRunEntry(run);
        }
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }

  private tryStart(run: RunState, task: TaskState): void {
    const { pools, clock, writer, instanceId } = this.ctx;
    const shortage = pools.firstShortage(task.request);
    if (shortage) {
      this.park(run, task, shortage.pool, shortage);
      return;
    }
    const now = clock.now();
    const number = task.attempt + 1;
    const attemptId = attemptIdOf(task.id, number);
    const acquired = pools.tryAcquire(
      task.request,
      { runId: run.id, taskRunId: task.id, attempt: number, instanceId, idPrefix: attemptId },
      now,
    );
    if (!acquired.ok) throw new Error("resources vanished between check and acquire");
    const queuedAt = task.queuedAt ?? now;
    task.attempt = number;
    task.queueMs += now - queuedAt;
    task.queuedAt = null;
    task.firstStartedAt ??= now;
    const active: ActiveAttempt = {
      attemptId,
      number,
      queuedAt,
      startedAt: now,
      controller: new AbortController(),
      allocations: acquired.allocations,
      timeoutTimer: null,
      forceTimer: null,
      abortCause: null,
      started: false,
      logSeq: 0,
      cpuSeconds: null,
      peakMemoryMb: null,
    };
    task.active = active;
    run.running++;
    this.globalRunning++;
    this.transitions.setTaskStatus(run, task, "running", {
      patch: { attempt: number, queuedAt, startedAt: now, finishedAt: null, exitCode: null, error: null, instanceId },
    });
    writer.insertAttempt(
      runningAttemptRecord({ taskRunId: task.id, runId: run.id, stepId: task.stepId, attempt: number, queuedAt, startedAt: now, instanceId, host: this.ctx.host }),
    );
    for (const a of acquired.allocations) {
      writer.insertAllocation(a);
      writer.sideEvent({ type: "allocation", action: "acquired", allocation: { ...a }, ts: now });
    }
    const timeoutSec = task.step.timeoutSec;
    if (timeoutSec !== undefined) {
      active.timeoutTimer = clock.setTimer(() => this.abortAttempt(run, task, active, "timeout"), timeoutSec * 1000);
    }
    // Pipelined dispatch: when no other instance can own the run, the
    // executor starts (journaled) while the batch recording its attempt is
    // written — a lost commit aborts it, as the run is dropped; otherwise after.
    const { lease } = this.ctx;
    const start = () => this.runner.start(run, task, active);
    if (lease.holds(writer.provenAt(run.id), now)) {
      const intent = { runId: run.id, taskRunId: task.id, stepId: task.stepId, attempt: number, at: now };
      writer.beforeCommit(intent, start, () => lease.holds(writer.provenAt(run.id), clock.now()));
    } else writer.after(run.id, start);
  }

  private park(run: RunState, task: TaskState, pool: string, s: { needed: number; free: number; capacity: number }): void {
    this.transitions.setTaskStatus(run, task, "waiting", {
      waitReason: { type: "resource", pool, needed: s.needed, free: s.free, capacity: s.capacity },
    });
    this.poolWaits.add(pool, run, task, s.capacity);
  }

  /** Moves the best waiters of a pool that now fit back to ready. */
  unparkPool(pool: string): void {
    const { pools } = this.ctx;
    const fitting = this.poolWaits.takeFitting(pool, pools.free(pool), pools.capacity(pool));
    if (fitting.length === 0) return;
    this.deferPump(() => {
      for (const w of fitting) {
        if (!w.run.finished && !w.run.cancelling && !w.run.stopping) this.transitions.makeReady(w.run, w.task);
      }
    });
  }

  /** Runs `fn` with dispatch deferred to its end (one pump instead of one per transition). */
  deferPump(fn: () => void): void {
    if (this.pumping) {
      fn();
      return;
    }
    this.pumping = true;
    try {
      fn();
    } finally {
      this.pumping = false;
    }
    if (this.pumpAgain) this.pump();
  }

  /** Applies the outcome of an attempt (from its executor, or forced). */
  settle(run: RunState, task: TaskState, active: ActiveAttempt, outcome: StepOutcome): void {
    if (task.active !== active) return;
    this.deferPump(() => this.applyOutcome(run, task, active, outcome));
  }

  private applyOutcome(run: RunState, task: TaskState, active: ActiveAttempt, outcome: StepOutcome): void {
    const { clock, writer, pools } = this.ctx;
    const now = clock.now();
    task.active = null;
    if (active.timeoutTimer) clock.clearTimer(active.timeoutTimer);
    if (active.forceTimer) clock.clearTimer(active.forceTimer);
    const released = pools.release(active.allocations, now);
    for (const a of released) {
      writer.releaseAllocation(a);
      writer.sideEvent({ type: "allocation", action: "released", allocation: { ...a }, ts: now });
    }
    run.running--;
    this.globalRunning--;
    task.busyMs += now - active.startedAt;
    task.lastFinishedAt = now;

    const { status, reason, error } = classify(active, outcome, task.step.timeoutSec);
    const exitCode = outcome.exitCode ?? null;
    const cpuSeconds = outcome.cpuSeconds ?? active.cpuSeconds;
    const peakMemoryMb = outcome.peakMemoryMb ?? active.peakMemoryMb;
    const outputs = outcome.ok ? outcome.outputs : (outcome.outputs ?? null);
    const attemptPatch: TaskAttemptPatch = { status, finishedAt: now, exitCode, reason, error, outputs, cpuSeconds, peakMemoryMb };
    if (outcome.process) {
      attemptPatch.processGroupId = outcome.process.processGroupId;
      attemptPatch.processStartTime = outcome.process.processStartTime;
    }
    writer.updateAttempt(run.id, active.attemptId, attemptPatch);
    const patch: TaskRunPatch = { exitCode, cpuSeconds, peakMemoryMb };
    switch (status) {
      case "succeeded":
        this.transitions.succeed(run, task, outcome.ok ? outcome.outputs : {}, patch);
        break;
      case "cancelled":
        this.transitions.setTaskStatus(run, task, "cancelled", {
          reason,
          error,
          patch: { ...patch, error, finishedAt: now },
        });
        break;
      case "failed":
      case "timed_out":
      case "lost": {
        task.failures++;
        const info = { reason: reason ?? "error", error: error ?? "failed", exitCode, patch: { ...patch, error } };
        const failure = status === "timed_out" ? "timed_out" : status === "lost" ? "lost" : "failed";
        if (!run.stopping && !run.cancelling && shouldRetry(task.retry, task.failures, failure)) {
          this.transitions.scheduleRetry(run, task, info);
        } else this.transitions.fail(run, task, info);
        break;
      }
      case "running":
        throw new Error("an attempt cannot settle as running");
    }
    for (const a of released) this.unparkPool(a.pool);
    if (run.heapTop === null) this.pushRunEntry(run);
    this.pumpAgain = true;
    this.transitions.checkDone(run);
  }

  /** Aborts a running attempt; forces its settlement if the executor does not return in time. */
  abortAttempt(run: RunState, task: TaskState, active: ActiveAttempt, cause: AbortCause): void {
    if (task.active !== active || active.abortCause !== null) return;
    active.abortCause = cause;
    active.controller.abort(cause);
    active.forceTimer = this.ctx.clock.setTimer(
      () => this.settle(run, task, active, { ok: false, reason: "aborted", message: "executor did not stop in time" }),
      this.ctx.options.abortSettleMs,
    );
  }

  /** Aborts every running attempt of a run. */
  abortRun(run: RunState, cause: AbortCause): void {
    for (const t of run.tasks) if (t.active) this.abortAttempt(run, t, t.active, cause);
  }

  /** Capacity of a pool changed: wake waiters that may now fit. */
  poolChanged(pool: string): void {
    this.unparkPool(pool);
    this.pump();
  }

  /**
   * Graceful hand-over of every run (engine stop): running attempts are
   * recorded `cancelled` (reason `engine-stopped`, no retry used), their steps
   * go back to `ready`, allocations are released and runs become unowned.
   */
  handOverAll(): void {
    const { writer, clock } = this.ctx;
    const now = clock.now();
    for (const run of [...this.runs.values()]) {
      for (const t of run.tasks) {
        if (!t.active) continue;
        writer.updateAttempt(run.id, t.active.attemptId, { status: "cancelled", finishedAt: now, reason: "engine-stopped", error: "engine stopped" });
        this.transitions.setTaskStatus(run, t, "ready", { reason: "engine-stopped", patch: { queuedAt: now } });
      }
      writer.releaseRunAllocations(run.id, now);
      writer.updateRun(run.id, { ownerInstanceId: null });
      this.forget(run);
    }
  }

  /** Drops a run from memory without writing anything (ownership lost or shutdown). */
  forget(run: RunState): void {
    const { clock, pools } = this.ctx;
    run.finished = true;
    if (run.deadlineTimer) clock.clearTimer(run.deadlineTimer);
    for (const t of run.tasks) {
      if (t.backoffTimer) clock.clearTimer(t.backoffTimer);
      t.backoffTimer = null;
      const a = t.active;
      if (!a) continue;
      t.active = null;
      if (a.timeoutTimer) clock.clearTimer(a.timeoutTimer);
      if (a.forceTimer) clock.clearTimer(a.forceTimer);
      a.abortCause ??= "shutdown";
      a.controller.abort("shutdown");
      pools.release(a.allocations, clock.now());
      run.running--;
      this.globalRunning--;
    }
    run.ready.clear();
    this.runs.delete(run.id);
  }

  private finished(run: RunState): void {
    this.onRunFinished(run);
  }
}

function classify(
  active: ActiveAttempt,
  outcome: StepOutcome,
  timeoutSec: number | undefined,
): { status: AttemptStatus; reason: string | null; error: string | null } {
  switch (active.abortCause) {
    case "cancel":
    case "shutdown":
      return { status: "cancelled", reason: "aborted", error: "cancelled" };
    case "timeout":
      return { status: "timed_out", reason: "timeout", error: `timed out after ${timeoutSec}s` };
    case "run-timeout":
      return { status: "timed_out", reason: "run-timeout", error: "run timed out" };
    case null:
      if (outcome.ok) return { status: "succeeded", reason: null, error: null };
      if (outcome.reason === "timeout") return { status: "timed_out", reason: "timeout", error: outcome.message };
      if (outcome.reason === "lost") return { status: "lost", reason: "lost", error: outcome.message };
      return { status: "failed", reason: outcome.reason, error: outcome.message };
  }
}
