/**
 * The live run model shared by the server (snapshot, SSE stream) and the
 * browser (TanStack Query cache). Plain JSON: times are epoch milliseconds,
 * so a snapshot can cross the server/client boundary and a route as is.
 */
import type { AttemptStatus, RunMetrics, RunStatus, RunTrigger, TaskStatus, WaitReason } from "@/lib/engine/store";

export type { AttemptStatus, RunMetrics, RunStatus, RunTrigger, TaskStatus, WaitReason };

/** Epoch milliseconds. */
export type Ms = number;

/** One step of a run: its definition bits and current state. */
export interface LiveTask {
  /** TaskRun id. */
  id: string;
  stepId: string;
  name: string;
  kind: string;
  dependsOn: string[];
  /** The step may fail without failing its dependents (set only when true). */
  continueOnFailure?: boolean;
  status: TaskStatus;
  /** Number of the current/last attempt; 0 before the first. */
  attempt: number;
  /** As stored/announced; completed on the client by `currentWaitReason`. */
  waitReason: WaitReason | null;
  queuedAt: Ms | null;
  startedAt: Ms | null;
  finishedAt: Ms | null;
  exitCode: number | null;
  httpStatus: number | null;
  error: string | null;
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
}

/** One attempt of one step (a Gantt bar). */
export interface LiveAttempt {
  stepId: string;
  attempt: number;
  status: AttemptStatus;
  queuedAt: Ms;
  startedAt: Ms;
  finishedAt: Ms | null;
  exitCode: number | null;
  reason: string | null;
  error: string | null;
}

/** A run as the run page shows it. */
export interface LiveRun {
  id: string;
  status: RunStatus;
  trigger: RunTrigger;
  /** Label of who started it (email, token label, "cli"), if known. */
  triggeredBy: string | null;
  params: Record<string, unknown>;
  queuedAt: Ms;
  startedAt: Ms | null;
  finishedAt: Ms | null;
  pausedAt: Ms | null;
  cancelledAt: Ms | null;
  error: string | null;
  metrics: RunMetrics | null;
  /** The run's concurrency limit from its definition, if any (wait reasons). */
  concurrency: number | null;
  workflow: { id: string; name: string; slug: string };
  project: { name: string; slug: string };
  version: number;
  /** Positions saved by the editor ({ stepId: { x, y } }), if any. */
  layout: Record<string, { x: number; y: number }> | null;
  /** When the server read this snapshot (first render uses it as "now", so server and browser agree). */
  asOf: Ms;
  /** Seq of the last event this snapshot reflects (events are idempotent, so a few may be reflected already). */
  lastEventSeq: number;
  /** In definition order. */
  tasks: LiveTask[];
  /** Every attempt, oldest first. */
  attempts: LiveAttempt[];
}

/** One event on the wire (SSE `data:`), mirroring a RunEvent row. */
export interface LiveEvent {
  seq: number;
  ts: Ms;
  type: string;
  data: Record<string, unknown>;
}

/** A non-persisted nudge sent on the stream (no SSE id): a step has new output. */
export interface LiveHint {
  kind: "log";
  stepId: string;
}

export const FINAL_RUN: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];
export const FINAL_TASK: readonly TaskStatus[] = ["succeeded", "failed", "skipped", "cancelled", "cached", "upstream_failed"];

export const isFinalRun = (s: RunStatus): boolean => FINAL_RUN.includes(s);
export const isFinalTask = (s: TaskStatus): boolean => FINAL_TASK.includes(s);
