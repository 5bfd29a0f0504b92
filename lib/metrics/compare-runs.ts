/**
 * Side-by-side comparison of two runs of a workflow: per step, the duration,
 * CPU seconds and peak memory of each run and the change from A to B. Pure.
 */

export interface CompareStep {
  stepId: string;
  status: string;
  durationMs: number | null;
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
}

export interface StepDelta {
  stepId: string;
  a: CompareStep | null;
  b: CompareStep | null;
  /** b − a, null when either side has no value. */
  durationDeltaMs: number | null;
  /** (b − a) / a, null when a is 0 or missing. */
  durationChange: number | null;
  cpuDeltaSeconds: number | null;
  memoryDeltaMb: number | null;
}

const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : Math.round((b - a) * 1000) / 1000);

/** Steps in A's order, then steps only B has. */
export function compareRuns(a: readonly CompareStep[], b: readonly CompareStep[]): StepDelta[] {
  const bBy = new Map(b.map((s) => [s.stepId, s]));
  const order = [...a.map((s) => s.stepId), ...b.map((s) => s.stepId).filter((id) => !a.some((s) => s.stepId === id))];
  const aBy = new Map(a.map((s) => [s.stepId, s]));
  return order.map((stepId) => {
    const sa = aBy.get(stepId) ?? null;
    const sb = bBy.get(stepId) ?? null;
    const d = diff(sa?.durationMs, sb?.durationMs);
    return {
      stepId,
      a: sa,
      b: sb,
      durationDeltaMs: d,
      durationChange: d !== null && sa?.durationMs ? d / sa.durationMs : null,
      cpuDeltaSeconds: diff(sa?.cpuSeconds, sb?.cpuSeconds),
      memoryDeltaMb: diff(sa?.peakMemoryMb, sb?.peakMemoryMb),
    };
  });
}
