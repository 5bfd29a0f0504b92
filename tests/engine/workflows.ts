/**
 * Workflows and checks shared by the durability/ownership tests.
 */
import { expect } from "vitest";
import type { PrismaEngineStore } from "@/lib/db/engine-store";
import type { TaskAttemptRecord } from "@/lib/engine";

/** File (in the run's working directory) every step appends one line to when it starts. */
export const JOURNAL = "journal.log";

/**
 * A chain s1 → s2 → … → sN of shell steps; each appends `<stepId> <attempt>
 * <engine>` to the journal, then sleeps. A lost attempt is retried at once
 * (maxAttempts 3, no delay): it counts as a failed attempt by design.
 */
export function journalChain(n: number, opts: { sleepSec?: number; maxAttempts?: number } = {}) {
  const sleepSec = opts.sleepSec ?? 0.4;
  return {
    name: "journal-chain",
    retry: { maxAttempts: opts.maxAttempts ?? 3, delaySec: 0 },
    steps: Array.from({ length: n }, (_, i) => ({
      id: `s${i + 1}`,
      kind: "shell",
      run: `echo "$MYRMEX_STEP_ID $MYRMEX_ATTEMPT $ENGINE_NAME" >> ${JOURNAL}; sleep ${sleepSec}`,
      dependsOn: i === 0 ? [] : [`s${i}`],
    })),
  };
}

/** Attempts of a run grouped by step id. */
export function attemptsByStep(attempts: TaskAttemptRecord[]): Map<string, TaskAttemptRecord[]> {
  const out = new Map<string, TaskAttemptRecord[]>();
  for (const a of attempts) {
    const list = out.get(a.stepId) ?? [];
    list.push(a);
    out.set(a.stepId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.attempt - b.attempt);
  return out;
}

/**
 * The final state every test expects: the run succeeded, every step
 * succeeded, no allocation is left open, no attempt is still `running`.
 */
export async function expectCleanSuccess(store: PrismaEngineStore, runId: string, steps: number): Promise<TaskAttemptRecord[]> {
  const run = await store.getRun(runId);
  expect(run?.status).toBe("succeeded");
  expect(run?.finishedAt).not.toBeNull();
  const tasks = await store.listTaskRuns(runId);
  expect(tasks).toHaveLength(steps);
  expect(tasks.filter((t) => t.status !== "succeeded")).toEqual([]);
  expect(await store.listOpenAllocations()).toEqual([]);
  const attempts = await store.listAttempts(runId);
  expect(attempts.filter((a) => a.status === "running")).toEqual([]);
  return attempts;
}
