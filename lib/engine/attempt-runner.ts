/**
 * Calls the executor of a dispatched attempt (once its `running` state is
 * committed, or while it is being committed: pipelined dispatch, see
 * write-queue.ts) and reports the outcome. Converts thrown errors into outcomes at
 * this boundary, and wires the log and sample sinks to the WriteQueue.
 */
import type { EngineContext } from "./context";
import type { AttemptProcess, ExecutionContext, StepOutcome } from "./executors/types";
import type { ActiveAttempt, RunState, TaskState } from "./run-state";
import type { Json, LogStream } from "./store";

/**
 * Longest delay before an attempt's process group is committed. Until then a
 * crash leaves recovery to find the processes by their environment (same
 * host), see executors/orphans.ts.
 */
export const PROCESS_RECORD_DELAY_MS = 50;

/** Receives the outcome of an attempt. */
export type SettleFn = (run: RunState, task: TaskState, active: ActiveAttempt, outcome: StepOutcome) => void;

/** Starts executors and tracks their promises (for a clean shutdown). */
export class AttemptRunner {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: EngineContext,
    private readonly settle: SettleFn,
  ) {}

  /** Executor promises not yet settled. */
  pending(): Promise<unknown>[] {
    return [...this.inFlight];
  }

  start(run: RunState, task: TaskState, active: ActiveAttempt): void {
    if (task.active !== active) return; // force-settled before it could start
    active.started = true;
    if (active.controller.signal.aborted) {
      this.settle(run, task, active, { ok: false, reason: "aborted", message: "aborted before start" });
      return;
    }
    const executor = this.ctx.executors[task.step.kind];
    if (!executor) {
      this.settle(run, task, active, {
        ok: false,
        reason: "invalid-config",
        message: `no executor for step kind "${task.step.kind}"`,
      });
      return;
    }
    const ectx = this.contextFor(run, task, active);
    let promise: Promise<StepOutcome>;
    try {
      promise = executor.execute(ectx);
    } catch (err) {
      promise = Promise.resolve({ ok: false, reason: "error", message: errorMessage(err) });
    }
    const tracked = promise.then(
      (outcome) => this.settle(run, task, active, outcome),
      (err: unknown) => this.settle(run, task, active, { ok: false, reason: "error", message: errorMessage(err) }),
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private contextFor(run: RunState, task: TaskState, active: ActiveAttempt): ExecutionContext {
    const { clock, writer } = this.ctx;
    const upstreamOutputs: Record<string, Record<string, Json>> = {};
    for (const d of run.depsOf(task)) if (d.outputs) upstreamOutputs[d.stepId] = d.outputs;
    const timeoutSec = task.step.timeoutSec;
    return {
      runId: run.id,
      taskRunId: task.id,
      stepId: task.stepId,
      attempt: active.number,
      step: task.step,
      params: run.record.params,
      workingDir: run.record.workingDir,
      upstreamOutputs,
      signal: active.controller.signal,
      timeoutMs: timeoutSec !== undefined ? timeoutSec * 1000 : null,
      log: (stream: LogStream, text: string) => {
        if (task.active !== active || text.length === 0) return;
        const chunk = {
          runId: run.id,
          taskRunId: task.id,
          attempt: active.number,
          stream,
          seq: ++active.logSeq,
          ts: clock.now(),
          text,
        };
        writer.appendLog(chunk);
        writer.sideEvent({ type: "log", stepId: task.stepId, ...chunk });
      },
      sample: (cpuPercent: number, rssMb: number) => {
        if (task.active !== active) return;
        const sample = { taskRunId: task.id, attempt: active.number, ts: clock.now(), cpuPercent, rssMb };
        active.peakMemoryMb = Math.max(active.peakMemoryMb ?? 0, rssMb);
        writer.appendSample(sample);
        writer.sideEvent({ type: "sample", runId: run.id, stepId: task.stepId, ...sample });
      },
      processStarted: (proc: AttemptProcess) => {
        if (task.active !== active) return;
        // With the next batch (usually the attempt's end, for short steps), at most 50 ms later.
        writer.updateAttemptSoon(
          run.id,
          active.attemptId,
          { processGroupId: proc.processGroupId, processStartTime: proc.processStartTime },
          PROCESS_RECORD_DELAY_MS,
        );
      },
    };
  }
}

/** A readable message from anything thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
