/** Typed TanStack Query keys of live run data. Everything of one run starts with ["run", id]. */
import type { RunsFilter } from "@/lib/validations/live-runs";

export const liveKeys = {
  all: (runId: string) => ["run", runId] as const,
  run: (runId: string) => ["run", runId, "live"] as const,
  step: (runId: string, stepId: string) => ["run", runId, "step", stepId] as const,
  stepDetail: (runId: string, stepId: string, attempt: number | null) => ["run", runId, "step", stepId, "detail", attempt] as const,
  log: (runId: string, stepId: string, attempt: number) => ["run", runId, "step", stepId, "log", attempt] as const,
  runs: (filter: RunsFilter) => ["runs", filter] as const,
};
