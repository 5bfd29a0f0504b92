/**
 * The write side of the engine's persistence port: one state-change set is a
 * {@link StoreBatch} of {@link Mutation}s, applied atomically and in order,
 * optionally fenced by run ownership. See store.ts for the whole contract.
 */
import type { AllocationRecord, EpochMs, LogChunkRecord, MetricSampleRecord, RunEventRecord, RunPatch, RunRecord, TaskAttemptPatch, TaskAttemptRecord, TaskRunPatch, TaskRunRecord } from "./store";

/**
 * One write. A batch is a list of these, applied atomically in order.
 * Maps 1:1 to SQL statements (`createMany` for the list-valued ones).
 */
export type Mutation =
  | { type: "run.insert"; run: RunRecord }
  | { type: "run.update"; runId: string; patch: RunPatch }
  | { type: "tasks.insert"; tasks: TaskRunRecord[] }
  | { type: "task.update"; taskRunId: string; patch: TaskRunPatch }
  | { type: "attempt.insert"; attempt: TaskAttemptRecord }
  | { type: "attempt.update"; attemptId: string; patch: TaskAttemptPatch }
  | { type: "events.append"; events: RunEventRecord[] }
  | { type: "logs.append"; chunks: LogChunkRecord[] }
  | { type: "allocation.insert"; allocation: AllocationRecord }
  | { type: "allocation.release"; allocationId: string; releasedAt: EpochMs }
  /** Sets `releasedAt` on every open allocation of the run (recovery, run end). */
  | { type: "allocations.releaseRun"; runId: string; releasedAt: EpochMs }
  | { type: "metrics.append"; samples: MetricSampleRecord[] };

/** Ownership check performed inside the commit transaction. */
export interface Fence {
  instanceId: string;
  /** Runs that must (still) be owned by `instanceId`; runs not yet inserted pass. */
  runIds: string[];
}

/** A state-change set: applied all-or-nothing. */
export interface StoreBatch {
  mutations: Mutation[];
  fence?: Fence;
}

/** Result of {@link EngineStore.commit}. */
export type CommitResult = { ok: true } | { ok: false; reason: "fenced"; lostRunIds: string[] };
