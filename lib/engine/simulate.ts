/**
 * Simulation: the real scheduler on a virtual clock with an in-memory store
 * and executors that just take their declared (or historical) duration.
 * Predicts a run's makespan and timeline without running anything.
 */
import { FakeClock } from "./clock";
import { delayMsOf, type StepDefinition } from "./definition";
import { Engine } from "./engine";
import type { Executor, StepOutcome } from "./executors/types";
import { MemoryStore } from "./memory-store";
import type { RunMetrics, RunStatus, TaskStatus } from "./store";
import type { ValidationProblem } from "./validate";

/** Options of {@link simulateWorkflow}. */
export interface SimulationOptions {
  /** Seconds by step id (e.g. medians from history); else `estimateSec`, delay length, or 1 s. */
  estimates?: Record<string, number>;
  /** Pool capacities (default: this machine's cpu and memory). */
  pools?: Record<string, number>;
  maxConcurrentTasks?: number;
  params?: Record<string, string | number | boolean>;
  /** Step ids whose attempts fail (to preview failure policies). */
  failSteps?: string[];
}

/** One simulated attempt. */
export interface SimulatedSpan {
  stepId: string;
  attempt: number;
  startMs: number;
  endMs: number;
}

/** Result of {@link simulateWorkflow}. */
export type SimulationResult =
  | {
      ok: true;
      status: RunStatus;
      makespanMs: number;
      timeline: SimulatedSpan[];
      steps: Record<string, TaskStatus>;
      metrics: RunMetrics | null;
    }
  | { ok: false; problems: ValidationProblem[] };

const FAR = Number.MAX_SAFE_INTEGER / 4;

function durationMs(step: StepDefinition, estimates: Record<string, number>): number {
  const est = estimates[step.id] ?? step.estimateSec;
  if (est !== undefined) return Math.max(0, est * 1000);
  if (step.kind === "delay") return delayMsOf(step);
  if (step.kind === "noop") return 0;
  return 1000;
}

/** Simulates one run of `definition`. */
export async function simulateWorkflow(definition: unknown, options: SimulationOptions = {}): Promise<SimulationResult> {
  const clock = new FakeClock(0);
  const store = new MemoryStore({ copy: false });
  const estimates = options.estimates ?? {};
  const failing = new Set(options.failSteps ?? []);
  const executor: Executor = {
    execute(ctx): Promise<StepOutcome> {
      const ms = durationMs(ctx.step, estimates);
      return new Promise<StepOutcome>((resolve) => {
        const timer = clock.setTimer(() => {
          resolve(
            failing.has(ctx.stepId)
              ? { ok: false, reason: "exit-non-zero", message: "simulated failure", exitCode: 1 }
              : { ok: true, outputs: {} },
          );
        }, ms);
        ctx.signal.addEventListener("abort", () => {
          clock.clearTimer(timer);
          resolve({ ok: false, reason: "aborted", message: "aborted" });
        });
      });
    },
  };
  const engine = new Engine({
    store,
    clock,
    executors: { shell: executor, http: executor, delay: executor, noop: executor },
    pools: options.pools,
    limits: { maxConcurrentTasks: options.maxConcurrentTasks },
    instanceId: "simulation",
    adoptOrphans: false,
    heartbeatIntervalMs: FAR,
    controlPollIntervalMs: FAR,
    random: () => 0.5,
  });
  await engine.start();
  let finished = false;
  engine.subscribe((e) => {
    if (e.type === "run.status" && (e.status === "succeeded" || e.status === "failed" || e.status === "cancelled")) finished = true;
  });
  const res = await engine.startRun({ workflowVersionId: "simulation", definition, params: options.params, trigger: "api" });
  if (!res.ok) {
    return { ok: false, problems: res.reason === "invalid-definition" ? res.problems : res.missing.map((m) => ({ field: `params.${m}`, path: ["params", m], message: "required param missing" })) };
  }
  const drain = async () => {
    await engine.whenIdle();
    await new Promise((r) => setImmediate(r));
    await engine.whenIdle();
  };
  await drain();
  while (!finished) {
    const next = clock.nextAt();
    if (next === null || next >= FAR) break; // nothing left to happen: stuck (should not occur)
    clock.advanceTo(next);
    await drain();
  }
  const run = await store.getRun(res.runId);
  const attempts = await store.listAttempts(res.runId);
  const tasks = await store.listTaskRuns(res.runId);
  return {
    ok: true,
    status: run!.status,
    makespanMs: (run!.finishedAt ?? clock.now()) - (run!.startedAt ?? 0),
    timeline: attempts.map((a) => ({ stepId: a.stepId, attempt: a.attempt, startMs: a.startedAt, endMs: a.finishedAt ?? clock.now() })),
    steps: Object.fromEntries(tasks.map((t) => [t.stepId, t.status])),
    metrics: run!.metrics,
  };
}
