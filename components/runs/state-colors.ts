/** One colour per step state, shared by the progress bar, the DAG and the Gantt chart (fills, not text). */
import type { AttemptStatus, TaskStatus } from "@/lib/live/types";

export const STATE_FILL: Record<TaskStatus, string> = {
  pending: "#cbd5e1",
  waiting: "#a78bfa",
  ready: "#818cf8",
  running: "#3b82f6",
  succeeded: "#22c55e",
  cached: "#14b8a6",
  failed: "#ef4444",
  upstream_failed: "#fca5a5",
  cancelled: "#9ca3af",
  skipped: "#e2e8f0",
};

export const ATTEMPT_FILL: Record<AttemptStatus, string> = {
  running: STATE_FILL.running,
  succeeded: STATE_FILL.succeeded,
  failed: STATE_FILL.failed,
  timed_out: "#f97316",
  cancelled: STATE_FILL.cancelled,
  lost: "#78716c",
};

/** Order of states in legends and the progress bar: finished first, then in flight, then not started. */
export const STATE_ORDER: readonly TaskStatus[] = ["succeeded", "cached", "skipped", "failed", "upstream_failed", "cancelled", "running", "ready", "waiting", "pending"];
