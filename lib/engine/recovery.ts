/**
 * Rebuilds a run's live state from the store: after a crash or restart
 * (`recover`), when taking over a dead instance's run, and for "retry failed
 * steps" (`retry`) and "rerun from a step" (`rerun`, see rerun.ts).
 *
 * Recovery rules: attempts still `running` in the store were lost with their
 * instance — each counts as a failed attempt (`lost`) and the step is retried
 * or failed by its retry policy; open allocations are released; `ready` and
 * resource-`waiting` steps are queued again; backoffs resume until their
 * time; pending steps re-count their dependencies. Nothing stays stuck: a
 * run with no work left is finished at once.
 *
 * Before anything is dispatched:
 * - the lost attempts' processes are dealt with: a lost attempt that ran on
 *   THIS host has its processes killed by its executor (`terminateOrphan`:
 *   TERM, KILL after a grace period, verified gone), so the retry never runs
 *   next to its predecessor; one that ran on another host cannot be checked
 *   — it is retried per policy and its error says so; one whose processes
 *   survived SIGKILL is not retried (the step fails);
 * - a control request left for the dead owner (`Run.controlRequest`) is taken
 *   and applied, so a paused or cancelled run starts nothing new.
 */
import { errorMessage } from "./attempt-runner";
import type { EngineContext } from "./context";
import { pauseRun, resumeRun, timeoutRun } from "./controls";
import type { OrphanOutcome } from "./executors/types";
import { buildDag, topoSort } from "./graph";
import { remainingPaths } from "./plan";
import { shouldRetry } from "./retry";
import { initialTaskRecord, runningAttemptRecord, isFinalTask, newTaskState, RunState, satisfiesDependents, type TaskState } from "./run-state";
import type { Scheduler } from "./scheduler";
import type { Actor, LostAttemptReport } from "./events";
import type { RerunPlan } from "./rerun";
import type { ControlRequest, EngineStore, RunRecord, TaskAttemptRecord, TaskRunRecord } from "./store";
import type { StartIntent } from "./intent-log";

/**
 * How a stored run is being resumed: `recover` (crash, takeover), `retry`
 * (failed/cancelled steps run again) or `rerun` (the planned steps run
 * again; the others keep their results).
 */
export type RestoreMode = { kind: "recover" } | { kind: "retry"; by: Actor } | { kind: "rerun"; by: Actor; plan: RerunPlan };

const LOST = "lost: the engine instance running this attempt stopped";
const UNRECORDED = " (it had started while its record was being written)";

/** What recovery did about a lost attempt's processes. */
interface OrphanNote {
  report: LostAttemptReport;
  /** Appended to the attempt's `lost` error. */
  text: string;
  /** False when the processes may still run here: the step must not start again. */
  retryable: boolean;
}

/**
 * Deals with the processes of the run's lost attempts (attempts still
 * `running` in the store), in parallel; resolves once each is gone or known
 * not to be verifiable.
 */
async function terminateOrphans(ctx: EngineContext, record: RunRecord, attempts: TaskAttemptRecord[]): Promise<Map<string, OrphanNote>> {
  const notes = new Map<string, OrphanNote>();
  const kindOf = new Map(record.definition.steps.map((s) => [s.id, s.kind]));
  await Promise.all(
    attempts
      .filter((a): a is TaskAttemptRecord & { host: string } => a.status === "running" && a.host !== null)
      .map(async (a) => {
        const kind = kindOf.get(a.stepId);
        const executor = kind === undefined ? undefined : ctx.executors[kind];
        const base = { stepId: a.stepId, attempt: a.attempt, host: a.host, processGroupId: a.processGroupId };
        if (a.host !== ctx.host) {
          if (a.processGroupId === null && !executor?.terminateOrphan) return; // starts no processes
          notes.set(a.id, {
            report: { ...base, outcome: "other-host" },
            text: `; it ran on host ${a.host}: its processes could not be verified from ${ctx.host} and may still be running`,
            retryable: true,
          });
          return;
        }
        if (!executor?.terminateOrphan) return;
        let outcome: OrphanOutcome;
        try {
          outcome = await executor.terminateOrphan({
            runId: a.runId,
            taskRunId: a.taskRunId,
            stepId: a.stepId,
            attempt: a.attempt,
            processGroupId: a.processGroupId,
            processStartTime: a.processStartTime,
          });
        } catch (err) {
          outcome = { status: "unverifiable", message: errorMessage(err) };
        }
        if (outcome.status === "gone") return; // nothing was left running: nothing to report
        const note = describeOrphan(a.host, outcome);
        notes.set(a.id, { report: { ...base, ...note.report }, text: note.text, retryable: outcome.status !== "survived" });
        ctx.logger.warn("lost attempt's processes", { runId: a.runId, stepId: a.stepId, attempt: a.attempt, ...outcome });
      }),
  );
  return notes;
}

function describeOrphan(
  host: string,
  o: Exclude<OrphanOutcome, { status: "gone" }>,
): { report: Omit<LostAttemptReport, "stepId" | "attempt" | "host" | "processGroupId">; text: string } {
  switch (o.status) {
    case "killed":
      return {
        report: { outcome: "killed", signal: o.signal, pids: o.pids },
        text: `; its processes (pid ${o.pids.join(", ")}) were still running on ${host} and were killed (${o.signal})`,
      };
    case "survived":
      return {
        report: { outcome: "survived", pids: o.pids },
        text: `; its processes (pid ${o.pids.join(", ")}) on ${host} survived SIGKILL: not retried, so that the step does not run twice`,
      };
    case "unverifiable":
      return { report: { outcome: "unverifiable", message: o.message }, text: `; could not verify that its processes on ${host} are gone: ${o.message}` };
  }
}

/** Loads a run (already claimed by this instance) and hands it to the scheduler. */
export async function restoreRun(
  ctx: EngineContext,
  store: EngineStore,
  scheduler: Scheduler,
  record: RunRecord,
  order: number,
  mode: RestoreMode,
): Promise<RunState> {
  const [rows, stored, lastSeq] = await Promise.all([
    store.listTaskRuns(record.id),
    store.listAttempts(record.id),
    store.lastEventSeq(record.id),
  ]);
  // Attempts the dead owner started while their record was being committed
  // and that have no row: journaled on this host (intent-log.ts).
  const unrecorded = mode.kind === "recover" ? unrecordedStarts(ctx, record, stored) : [];
  const attempts = unrecorded.length > 0 ? [...stored, ...unrecorded] : stored;
  const unrecordedIds = new Set(unrecorded.map((a) => a.id));
  const def = record.definition;
  const dag = buildDag(def.steps);
  const plan = remainingPaths(def.steps, {}, dag);
  const rowByStep = new Map<string, TaskRunRecord>(rows.map((r) => [r.stepId, r]));
  const attemptsByTask = new Map<string, TaskAttemptRecord[]>();
  for (const a of attempts) {
    const list = attemptsByTask.get(a.taskRunId) ?? [];
    list.push(a);
    attemptsByTask.set(a.taskRunId, list);
  }
  // Kill what the lost attempts left running here, then take a control left
  // for the dead owner — both before the run is dispatched.
  const orphans = mode.kind === "recover" ? await terminateOrphans(ctx, record, attempts) : new Map<string, OrphanNote>();
  const control = mode.kind === "recover" ? ((await store.takeControlRequests(ctx.instanceId, [record.id]))[0]?.request ?? null) : null;
  const now = ctx.clock.now();
  const missing: TaskState[] = [];
  const tasks = def.steps.map((step, index) => {
    const row = rowByStep.get(step.id);
    // A task with an unrecorded start was running when its owner died.
    const phantom = row ? lastUnrecorded(attemptsByTask.get(row.id), unrecordedIds) : undefined;
    const t = newTaskState(record.id, step, index, def, plan, order, ctx.options, {
      status: phantom ? "running" : (row?.status ?? "pending"),
      remainingDeps: 0,
    });
    if (!row) {
      missing.push(t);
      return t;
    }
    t.id = row.id;
    t.attempt = Math.max(row.attempt, phantom?.attempt ?? 0);
    t.outputs = row.outputs;
    t.waitReason = row.waitReason;
    t.queuedAt = row.queuedAt;
    for (const a of attemptsByTask.get(row.id) ?? []) {
      if (a.status === "failed" || a.status === "timed_out" || a.status === "lost") t.failures++;
      t.queueMs += a.startedAt - a.queuedAt;
      t.busyMs += (a.finishedAt ?? now) - a.startedAt;
      t.firstStartedAt = Math.min(t.firstStartedAt ?? a.startedAt, a.startedAt);
      if (a.finishedAt !== null) t.lastFinishedAt = Math.max(t.lastFinishedAt ?? 0, a.finishedAt);
    }
    return t;
  });

  const run = new RunState({ record: { ...record, ownerInstanceId: ctx.instanceId }, dag, tasks, order, seq: lastSeq });
  ctx.writer.adoptPersistedRun(run.id);
  scheduler.runs.set(run.id, run);
  scheduler.deferPump(() => resume(ctx, scheduler, run, record, missing, attemptsByTask, unrecordedIds, mode, now, orphans, control));
  return run;
}

/** The dead owner's journaled starts of this run that have no attempt row, as `running` attempts on this host. */
function unrecordedStarts(ctx: EngineContext, record: RunRecord, stored: TaskAttemptRecord[]): TaskAttemptRecord[] {
  const owner = record.ownerInstanceId;
  if (owner === null) return [];
  let intents: StartIntent[];
  try {
    intents = ctx.intents.read(owner);
  } catch (err) {
    ctx.logger.warn("cannot read the start journal of a dead instance", { instanceId: owner, error: errorMessage(err) });
    return [];
  }
  const seen = new Set(stored.map((a) => `${a.taskRunId}#${a.attempt}`));
  const out: TaskAttemptRecord[] = [];
  for (const i of intents) {
    const key = `${i.taskRunId}#${i.attempt}`;
    if (i.runId !== record.id || seen.has(key)) continue;
    seen.add(key);
    const { runId, taskRunId, stepId, attempt, at } = i;
    out.push(runningAttemptRecord({ runId, taskRunId, stepId, attempt, queuedAt: at, startedAt: at, instanceId: owner, host: ctx.host }));
  }
  return out;
}

/** The highest-numbered unrecorded attempt of a task, if any. */
function lastUnrecorded(attempts: TaskAttemptRecord[] | undefined, unrecorded: Set<string>): TaskAttemptRecord | undefined {
  let last: TaskAttemptRecord | undefined;
  for (const a of attempts ?? []) if (unrecorded.has(a.id) && (!last || a.attempt > last.attempt)) last = a;
  return last;
}

function resume(
  ctx: EngineContext,
  scheduler: Scheduler,
  run: RunState,
  record: RunRecord,
  missing: TaskState[],
  attemptsByTask: Map<string, TaskAttemptRecord[]>,
  unrecordedIds: Set<string>,
  mode: RestoreMode,
  now: number,
  orphans: Map<string, OrphanNote>,
  control: ControlRequest | null,
): void {
  const { writer } = ctx;
  const tr = scheduler.transitions;
  if (missing.length > 0) writer.insertTasks(run.id, missing.map((t) => initialTaskRecord(run.id, t, null)));
  writer.releaseRunAllocations(run.id, now);

  // Run-level status and flags.
  const patch: Partial<RunRecord> = { ownerInstanceId: ctx.instanceId };
  const reopened = mode.kind !== "recover";
  if (reopened) {
    Object.assign(patch, { finishedAt: null, error: null, cancelledAt: null, cancelledBy: null, metrics: null });
  } else {
    run.cancelling = record.cancelledAt !== null;
  }
  if (record.startedAt === null) patch.startedAt = now;
  // A reopened run gets a fresh deadline: the first one has usually passed.
  if (run.definition.timeoutSec !== undefined && (reopened || (record.deadlineAt === null && record.startedAt === null))) {
    patch.deadlineAt = now + run.definition.timeoutSec * 1000;
  }
  const status = reopened || record.status === "queued" ? "running" : record.status;
  tr.setRunStatus(run, status, patch);
  if (mode.kind === "retry") tr.runEvent(run, { type: "run.control", action: "retry", by: mode.by });
  if (mode.kind === "rerun") {
    const { stepId, rerun, keep } = mode.plan;
    tr.runEvent(run, { type: "run.rerun", stepId, rerun, keep, by: mode.by });
  }
  if (control) applyPendingControl(ctx, scheduler, run, control, now);

  // Steps stored as ready go straight back to the queue.
  for (const t of run.tasks) if (t.status === "ready") run.ready.push(t);

  const rerun = mode.kind === "rerun" ? new Set(mode.plan.rerun) : null;
  let lostAttempts = 0;
  for (const t of run.tasks) {
    if (rerun?.has(t.stepId)) {
      // Runs again as a new attempt: its result and outputs are cleared.
      t.failures = 0;
      t.queuedAt = null;
      t.outputs = null;
      const cleared = { queuedAt: null, startedAt: null, finishedAt: null, error: null, exitCode: null, outputs: null, cpuSeconds: null, peakMemoryMb: null };
      tr.setTaskStatus(run, t, "pending", { patch: cleared });
      continue;
    }
    if (mode.kind === "retry" && (t.status === "failed" || t.status === "upstream_failed" || t.status === "cancelled")) {
      t.failures = 0;
      t.queuedAt = null;
      tr.setTaskStatus(run, t, "pending", { patch: { finishedAt: null, error: null, exitCode: null } });
      continue;
    }
    // Unrecorded starts other than the task's last one (rare): lost too.
    for (const a of attemptsByTask.get(t.id) ?? []) {
      if (!unrecordedIds.has(a.id) || a.attempt === t.attempt) continue;
      writer.insertAttempt({ ...a, status: "lost", finishedAt: now, reason: "lost", error: LOST + UNRECORDED });
      lostAttempts++;
      t.failures++;
    }
    if (t.status !== "running") continue;
    // The attempt died with its instance.
    const attempt = (attemptsByTask.get(t.id) ?? []).find((a) => a.attempt === t.attempt && a.status === "running");
    const note = attempt ? orphans.get(attempt.id) : undefined;
    const unrecorded = attempt !== undefined && unrecordedIds.has(attempt.id);
    const error = LOST + (unrecorded ? UNRECORDED : "") + (note ? note.text : "");
    if (attempt) {
      const lost = { status: "lost", finishedAt: now, reason: "lost", error } as const;
      if (unrecorded) writer.insertAttempt({ ...attempt, ...lost });
      else writer.updateAttempt(run.id, attempt.id, lost);
      t.lastFinishedAt = now;
    }
    lostAttempts++;
    t.failures++;
    const info = { reason: "lost", error, exitCode: null };
    const retryable = note?.retryable ?? true;
    if (!run.cancelling && retryable && shouldRetry(t.retry, t.failures, "lost")) {
      // An unrecorded start may have begun before its dependencies' success was committed.
      if (run.depsOf(t).every(satisfiesDependents)) tr.makeReady(run, t, { reason: "lost", error });
      else tr.setTaskStatus(run, t, "pending", { reason: "lost", error });
    } else if (run.cancelling) tr.setTaskStatus(run, t, "cancelled", { reason: "lost", error, patch: { finishedAt: now } });
    else tr.fail(run, t, info);
  }
  run.failed = run.tasks.some((t) => t.status === "failed" && !t.step.continueOnFailure);
  // A rerun keeps the other steps' results: one that did not succeed still makes the run fail, but does not stop the rerun.
  if (rerun) run.failed ||= run.tasks.some((t) => !rerun.has(t.stepId) && (t.status === "cancelled" || t.status === "upstream_failed"));

  // Re-count dependencies in topological order so propagation is complete.
  for (const i of topoSort(run.dag).order) {
    const t = run.tasks[i]!;
    if (t.status !== "pending") continue;
    let remaining = 0;
    let blockedBy: TaskState | null = null;
    for (const d of run.depsOf(t)) {
      if (satisfiesDependents(d)) continue;
      if (isFinalTask(d.status)) blockedBy ??= d;
      else remaining++;
    }
    t.remainingDeps = remaining;
    if (blockedBy) {
      const error = `dependency "${blockedBy.stepId}" did not succeed`;
      const status = blockedBy.status === "cancelled" ? "cancelled" : "upstream_failed";
      tr.setTaskStatus(run, t, status, { error, patch: { finishedAt: now, error } });
    } else if (remaining === 0) tr.makeReady(run, t);
  }

  // Resume backoffs; resource waits are re-evaluated by dispatch.
  for (const t of run.tasks) {
    if (t.status === "waiting") {
      const r = t.waitReason;
      if (r?.type === "backoff" && r.until > now) {
        t.backoffTimer = ctx.clock.setTimer(() => {
          t.backoffTimer = null;
          if (t.status === "waiting" && !run.finished && !run.cancelling && !run.stopping) tr.makeReady(run, t);
        }, r.until - now);
      } else tr.makeReady(run, t);
    }
  }

  if (run.cancelling) tr.cancelUnstarted(run, `cancelled${run.record.cancelledBy ? ` by ${run.record.cancelledBy}` : ""}`);
  else if (run.failed && !rerun && run.definition.onFailure === "stop") tr.stop(run, "not started: a step failed and onFailure is stop");

  const deadline = run.record.deadlineAt;
  if (deadline !== null && !run.cancelling) {
    run.deadlineTimer = ctx.clock.setTimer(() => timeoutRun(scheduler, run), Math.max(0, deadline - now));
  }
  if (mode.kind === "recover") {
    tr.runEvent(run, {
      type: "run.recovered",
      instanceId: ctx.instanceId,
      previousOwner: record.ownerInstanceId,
      lostAttempts,
      ...(orphans.size > 0 ? { lostAttemptProcesses: [...orphans.values()].map((n) => n.report) } : {}),
    });
  }
  scheduler.pushRunEntry(run);
  scheduler.pump();
  tr.checkDone(run);
}

/**
 * Applies a control the dead owner never took (it is already cleared in the
 * store), before anything is dispatched: a pause keeps the run from starting
 * anything, a cancel settles every step (lost attempts included) as cancelled.
 */
function applyPendingControl(ctx: EngineContext, scheduler: Scheduler, run: RunState, request: ControlRequest, now: number): void {
  const tr = scheduler.transitions;
  let applied = true;
  switch (request.action) {
    case "pause":
      applied = pauseRun(scheduler, run, request.by, now).ok;
      break;
    case "resume":
      applied = resumeRun(scheduler, run, request.by).ok;
      break;
    case "cancel":
      if (run.cancelling) break;
      // Like cancelRun; the rest of `resume` settles the steps.
      run.cancelling = true;
      run.record = { ...run.record, cancelledAt: now, cancelledBy: request.by };
      tr.runEvent(run, { type: "run.control", action: "cancel", by: request.by });
      ctx.writer.updateRun(run.id, { cancelledAt: now, cancelledBy: request.by });
      break;
  }
  if (!applied) ctx.logger.warn("requested control not applied", { runId: run.id, action: request.action });
}
