/**
 * Test doubles for the engine: an executor whose attempts the test completes
 * by hand, and a harness wiring it to a FakeClock and a MemoryStore.
 * No sleeps: `flush()` drains the engine's microtask-driven work.
 */
import { FakeClock } from "./clock";
import { Engine, type EngineOptions, type StartRunInput } from "./engine";
import type { EngineEvent } from "./events";
import type { ExecutionContext, Executor, StepOutcome } from "./executors/types";
import { MemoryStore } from "./memory-store";
import type { Json } from "./store";

/** One attempt handed to a {@link ManualExecutor}. */
export interface ManualCall {
  ctx: ExecutionContext;
  settled: boolean;
  resolve(outcome: StepOutcome): void;
}

/**
 * An executor that records calls and waits for the test to settle them.
 * Aborted attempts resolve at once with `aborted` (like a well-behaved executor),
 * unless `ignoreAbort` is set.
 */
export class ManualExecutor implements Executor {
  readonly calls: ManualCall[] = [];
  ignoreAbort = false;

  execute(ctx: ExecutionContext): Promise<StepOutcome> {
    return new Promise<StepOutcome>((resolve) => {
      const call: ManualCall = {
        ctx,
        settled: false,
        resolve: (o) => {
          if (call.settled) return;
          call.settled = true;
          resolve(o);
        },
      };
      this.calls.push(call);
      ctx.signal.addEventListener("abort", () => {
        if (!this.ignoreAbort) call.resolve({ ok: false, reason: "aborted", message: "aborted" });
      });
    });
  }

  /** Step ids of unsettled calls, in start order. */
  running(): string[] {
    return this.calls.filter((c) => !c.settled).map((c) => c.ctx.stepId);
  }

  /** Step ids of every call, in start order. */
  started(): string[] {
    return this.calls.map((c) => c.ctx.stepId);
  }

  private pending(stepId: string): ManualCall {
    const call = this.calls.find((c) => !c.settled && c.ctx.stepId === stepId);
    if (!call) throw new Error(`no running attempt of ${stepId}; running: ${this.running().join(", ")}`);
    return call;
  }

  succeed(stepId: string, outputs: Record<string, Json> = {}): void {
    this.pending(stepId).resolve({ ok: true, outputs });
  }

  fail(stepId: string, exitCode = 1): void {
    this.pending(stepId).resolve({ ok: false, reason: "exit-non-zero", message: `exit code ${exitCode}`, exitCode });
  }

  /** Settles the call of a step with any outcome. */
  settle(stepId: string, outcome: StepOutcome): void {
    this.pending(stepId).resolve(outcome);
  }
}

/** Lets every pending promise chain (store commits, executor results) run. */
export async function flushEngine(engine?: Engine): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    if (engine) await engine.whenIdle();
  }
}

/** A ready-made engine on a fake clock and a memory store. */
export async function createTestEngine(options: Partial<EngineOptions> = {}) {
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(1_000_000);
  const store = (options.store as MemoryStore | undefined) ?? new MemoryStore();
  const executor = new ManualExecutor();
  const events: EngineEvent[] = [];
  const engine = new Engine({
    instanceId: "engine-1",
    pools: { cpu: 4, memory: 4096 },
    random: () => 0,
    executors: { shell: executor, http: executor, delay: executor, noop: executor },
    ...options,
    store,
    clock,
  });
  engine.subscribe((e) => events.push(e));
  await engine.start();
  const flush = () => flushEngine(engine);
  const start = async (definition: unknown, extra: Partial<StartRunInput> = {}) => {
    const res = await engine.startRun({ workflowVersionId: "wv1", definition, trigger: "api", ...extra });
    if (!res.ok) throw new Error(`startRun failed: ${JSON.stringify(res)}`);
    await flush();
    return res.runId;
  };
  const advance = async (ms: number) => {
    clock.advance(ms);
    await flush();
  };
  return { engine, clock, store, executor, events, flush, start, advance };
}
