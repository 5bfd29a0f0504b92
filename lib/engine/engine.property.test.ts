import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FakeClock } from "./clock";
import { Engine } from "./engine";
import type { EngineEvent } from "./events";
import type { Executor, StepOutcome } from "./executors/types";
import { MemoryStore } from "./memory-store";
import { FINAL_RUN_STATUSES, FINAL_TASK_STATUSES, type TaskStatus } from "./store";

const CAPACITY = { cpu: 3, memory: 1000, slot: 2 } as const;

interface GenStep {
  deps: number[];
  priority: number;
  cpu: number;
  slot: number;
  durationMs: number;
  /** Outcomes of successive attempts: true = success. */
  outcomes: boolean[];
  maxAttempts: number;
  continueOnFailure: boolean;
  timeoutSec: number | undefined;
}

const stepArb = (i: number) =>
  fc.record({
    deps: i === 0 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 3 }),
    priority: fc.integer({ min: -2, max: 2 }),
    cpu: fc.integer({ min: 0, max: 3 }),
    slot: fc.integer({ min: 0, max: 2 }),
    durationMs: fc.integer({ min: 0, max: 5000 }),
    outcomes: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    continueOnFailure: fc.boolean(),
    timeoutSec: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  });

const scenarioArb = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    steps: fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(i))),
    onFailure: fc.constantFrom("stop", "continue"),
    concurrency: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    cancelAtMs: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    pauseAtMs: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  }),
);

async function runScenario(s: { steps: GenStep[]; onFailure: string; concurrency?: number; cancelAtMs?: number; pauseAtMs?: number }) {
  const clock = new FakeClock(0);
  const store = new MemoryStore({ copy: false });
  const attemptsByStep = new Map<string, number>();
  const executor: Executor = {
    execute(ctx): Promise<StepOutcome> {
      const idx = Number(ctx.stepId.slice(1));
      const spec = s.steps[idx]!;
      const n = (attemptsByStep.get(ctx.stepId) ?? 0) + 1;
      attemptsByStep.set(ctx.stepId, n);
      return new Promise((resolve) => {
        const timer = clock.setTimer(
          () => resolve(spec.outcomes[(n - 1) % 3] ? { ok: true, outputs: {} } : { ok: false, reason: "exit-non-zero", message: "x", exitCode: 1 }),
          spec.durationMs,
        );
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
    executors: { noop: executor },
    pools: { ...CAPACITY },
    instanceId: "prop",
    adoptOrphans: false,
    heartbeatIntervalMs: 1e12,
    controlPollIntervalMs: 1e12,
    random: () => 0.5,
  });
  const definition = {
    name: "prop",
    onFailure: s.onFailure,
    concurrency: s.concurrency,
    steps: s.steps.map((st, i) => ({
      id: `s${i}`,
      kind: "noop",
      dependsOn: st.deps.map((d) => `s${d}`),
      priority: st.priority,
      resources: { cpu: st.cpu, pools: st.slot > 0 ? { slot: st.slot } : {} },
      retry: { maxAttempts: st.maxAttempts, backoff: "exponential", delaySec: 1, jitter: 0.5 },
      continueOnFailure: st.continueOnFailure,
      timeoutSec: st.timeoutSec,
    })),
  };

  const violations: string[] = [];
  const status = new Map<string, TaskStatus>();
  const used = new Map<string, number>();
  let finished = false;
  engine.subscribe((e: EngineEvent) => {
    if (e.type === "task.status") {
      if (e.status === "running") {
        const i = Number(e.stepId.slice(1));
        for (const d of s.steps[i]!.deps) {
          const ds = status.get(`s${d}`);
          const okDep = ds === "succeeded" || (ds === "failed" && s.steps[d]!.continueOnFailure);
          if (!okDep) violations.push(`s${i} started while dep s${d} was ${ds}`);
        }
      }
      status.set(e.stepId, e.status);
    } else if (e.type === "allocation") {
      const cur = (used.get(e.allocation.pool) ?? 0) + (e.action === "acquired" ? e.allocation.amount : -e.allocation.amount);
      used.set(e.allocation.pool, cur);
      const cap = CAPACITY[e.allocation.pool as keyof typeof CAPACITY];
      if (cur > cap) violations.push(`pool ${e.allocation.pool} at ${cur} > ${cap}`);
    } else if (e.type === "run.status" && FINAL_RUN_STATUSES.includes(e.status)) finished = true;
    for (const p of engine.listPools()) if (p.used > p.capacity) violations.push(`pool ${p.name} over capacity`);
  });
  await engine.start();
  const res = await engine.startRun({ workflowVersionId: "v", definition });
  if (!res.ok) throw new Error(JSON.stringify(res));
  if (s.cancelAtMs !== undefined) clock.setTimer(() => void engine.cancel(res.runId, { by: "prop" }), s.cancelAtMs);
  if (s.pauseAtMs !== undefined) {
    clock.setTimer(() => void engine.pause(res.runId), s.pauseAtMs);
    clock.setTimer(() => void engine.resume(res.runId), s.pauseAtMs + 3000);
  }
  const drain = async () => {
    await new Promise((r) => setImmediate(r));
    await engine.whenIdle();
  };
  await drain();
  for (let guard = 0; !finished && guard < 10_000; guard++) {
    const next = clock.nextAt();
    if (next === null || next >= 1e12) break;
    clock.advanceTo(next);
    await drain();
  }
  const run = await store.getRun(res.runId);
  const tasks = await store.listTaskRuns(res.runId);
  return { run, tasks, violations, finished, engine };
}

describe("engine properties on random DAGs", () => {
  it("respects dependencies and capacities, and always ends with every step final", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { run, tasks, violations, finished, engine } = await runScenario(scenario as never);
        expect(violations).toEqual([]);
        expect(finished).toBe(true);
        expect(FINAL_RUN_STATUSES).toContain(run!.status);
        for (const t of tasks) expect(FINAL_TASK_STATUSES).toContain(t.status);
        expect(engine.listPools().every((p) => p.used === 0)).toBe(true);
        if (run!.status === "succeeded") {
          for (const t of tasks) expect(["succeeded", "failed"]).toContain(t.status);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
