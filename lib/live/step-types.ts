/** What the step drawer loads (JSON; times in epoch ms). */
import type { AttemptStatus, Ms, TaskStatus } from "./types";

export interface StepAttemptDetail {
  attempt: number;
  status: AttemptStatus;
  queuedAt: Ms;
  startedAt: Ms;
  finishedAt: Ms | null;
  exitCode: number | null;
  httpStatus: number | null;
  reason: string | null;
  error: string | null;
  outputs: Record<string, unknown> | null;
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
}

/** One state change of the step, from the run's event log. */
export interface StepTransition {
  seq: number;
  ts: Ms;
  previous: TaskStatus;
  status: TaskStatus;
  attempt: number;
  reason: string | null;
  error: string | null;
}

export interface MetricPoint {
  ts: Ms;
  cpuPercent: number;
  rssMb: number;
}

export interface StepDetail {
  stepId: string;
  status: TaskStatus;
  outputs: Record<string, unknown> | null;
  attempts: StepAttemptDetail[];
  history: StepTransition[];
  /** Samples of `samplesAttempt` (downsampled). */
  samplesAttempt: number | null;
  samples: MetricPoint[];
}

export interface LogChunkDto {
  seq: number;
  stream: "stdout" | "stderr";
  ts: Ms;
  text: string;
}

export interface LogPage {
  attempt: number;
  chunks: LogChunkDto[];
  /** Chunks before the first one returned exist. */
  hasEarlier: boolean;
  taskStatus: TaskStatus;
}
