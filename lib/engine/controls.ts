/**
 * Run controls: pause (no new dispatch; running steps finish), resume,
 * cancel (abort running attempts, settle every step) and the run timeout.
 * Each is recorded with who and when, in the run row and its event log.
 */
import type { Actor } from "./events";
import type { RunState } from "./run-state";
import type { Scheduler } from "./scheduler";

/** Result of a control. */
export type ControlResult =
  /** `deferred`: another instance executes the run; the request was left for it. */
  | { ok: true; deferred?: boolean }
  | { ok: false; reason: "not-found" | "not-owned" | "invalid-state"; message: string };

const invalid = (message: string): ControlResult => ({ ok: false, reason: "invalid-state", message });

/** Stops new dispatch of a running run. */
export function pauseRun(s: Scheduler, run: RunState, by: Actor, now: number): ControlResult {
  if (run.finished || run.cancelling) return invalid("the run is finishing");
  if (run.record.status !== "running") return invalid(`cannot pause a ${run.record.status} run`);
  s.transitions.runEvent(run, { type: "run.control", action: "pause", by });
  s.transitions.setRunStatus(run, "paused", { pausedAt: now, pausedBy: by });
  return { ok: true };
}

/** Lets a paused run dispatch again. */
export function resumeRun(s: Scheduler, run: RunState, by: Actor): ControlResult {
  if (run.finished) return invalid("the run is finished");
  if (run.record.status !== "paused") return invalid(`cannot resume a ${run.record.status} run`);
  s.transitions.runEvent(run, { type: "run.control", action: "resume", by });
  s.transitions.setRunStatus(run, "running", { pausedAt: null, pausedBy: null });
  s.pushRunEntry(run);
  s.pump();
  return { ok: true };
}

/** Cancels a run: unstarted steps end `cancelled`, running attempts are aborted. */
export function cancelRun(s: Scheduler, run: RunState, by: Actor, now: number): ControlResult {
  if (run.finished) return invalid("the run is finished");
  if (run.cancelling) return { ok: true };
  s.deferPump(() => {
    run.cancelling = true;
    run.record = { ...run.record, cancelledAt: now, cancelledBy: by };
    s.transitions.runEvent(run, { type: "run.control", action: "cancel", by });
    s.ctx.writer.updateRun(run.id, { cancelledAt: now, cancelledBy: by });
    s.transitions.cancelUnstarted(run, `cancelled${by ? ` by ${by}` : ""}`);
    s.abortRun(run, "cancel");
    s.transitions.checkDone(run);
  });
  return { ok: true };
}

/** The run's own timeout fired: stop, abort running attempts, end `failed`. */
export function timeoutRun(s: Scheduler, run: RunState): void {
  run.deadlineTimer = null;
  if (run.finished || run.cancelling) return;
  s.deferPump(() => {
    run.timedOut = true;
    run.stopping = true;
    s.transitions.cancelUnstarted(run, "not started: the run timed out");
    s.abortRun(run, "run-timeout");
    s.transitions.checkDone(run);
  });
}
