/** Loads two runs' reports (lib/reports, the same data as the run export) and diffs them per step. */
import { buildRunReport } from "@/lib/reports/build-report";
import { compareRuns, type StepDelta } from "./compare-runs";

export type RunComparison = { ok: true; rows: StepDelta[] } | { ok: false; error: string };

export async function loadRunComparison(a: string, b: string): Promise<RunComparison> {
  const [ra, rb] = await Promise.all([buildRunReport(a), buildRunReport(b)]);
  if (!ra.ok) return { ok: false, error: `Run A: ${ra.error}` };
  if (!rb.ok) return { ok: false, error: `Run B: ${rb.error}` };
  const pick = (s: (typeof ra.data.steps)[number]) => ({ stepId: s.stepId, status: s.status, durationMs: s.durationMs, cpuSeconds: s.cpuSeconds, peakMemoryMb: s.peakMemoryMb });
  return { ok: true, rows: compareRuns(ra.data.steps.map(pick), rb.data.steps.map(pick)) };
}
