/**
 * How the engine port's records map onto the Prisma models: field → column
 * and value kind, used by both writers (raw SQLite statements and Prisma
 * calls), plus the row → record readers.
 *
 * The engine speaks epoch milliseconds; the schema stores DateTime.
 */
import type {
  AllocationRecord,
  EngineInstanceRecord,
  LogChunkRecord,
  MetricSampleRecord,
  RunEventRecord,
  RunPatch,
  RunRecord,
  TaskAttemptPatch,
  TaskAttemptRecord,
  TaskRunPatch,
  TaskRunRecord,
} from "../../engine/store";
import type { WorkflowDefinition } from "../../engine/definition";
import type {
  EngineInstance,
  LogChunk,
  MetricSample,
  ResourceAllocation,
  Run,
  RunEvent,
  TaskAttempt,
  TaskRun,
} from "../../generated/sqlite/client";

/** text/int/float/enum pass through; date = epoch ms ↔ DateTime; json = nullable JSON; jsonRequired = NOT NULL JSON. */
export type ValueKind = "plain" | "date" | "json" | "jsonRequired";

export interface Column {
  /** Prisma field = SQL column name. */
  column: string;
  kind: ValueKind;
}

const plain = (column: string): Column => ({ column, kind: "plain" });
const date = (column: string): Column => ({ column, kind: "date" });
const json = (column: string): Column => ({ column, kind: "json" });

/** Updatable run fields. `projectId` is derived from the workflow and never patched. */
export const RUN_PATCH_COLUMNS: Record<Exclude<keyof RunPatch, "projectId">, Column> = {
  status: plain("status"),
  params: { column: "params", kind: "jsonRequired" },
  trigger: plain("trigger"),
  triggeredBy: plain("triggeredById"),
  ownerInstanceId: plain("ownerInstanceId"),
  workingDir: plain("workingDir"),
  startedAt: date("startedAt"),
  finishedAt: date("finishedAt"),
  deadlineAt: date("deadlineAt"),
  pausedAt: date("pausedAt"),
  pausedBy: plain("pausedBy"),
  cancelledAt: date("cancelledAt"),
  cancelledBy: plain("cancelledBy"),
  error: plain("error"),
  metrics: json("metrics"),
};

export const TASK_PATCH_COLUMNS: Record<keyof TaskRunPatch, Column> = {
  status: plain("status"),
  attempt: plain("attempt"),
  waitReason: json("waitReason"),
  queuedAt: date("queuedAt"),
  startedAt: date("startedAt"),
  finishedAt: date("finishedAt"),
  exitCode: plain("exitCode"),
  error: plain("error"),
  outputs: json("outputs"),
  cpuSeconds: plain("cpuSeconds"),
  peakMemoryMb: plain("peakMemoryMb"),
  instanceId: plain("instanceId"),
  workerId: plain("workerId"),
  cacheKey: plain("cacheKey"),
};

export const ATTEMPT_PATCH_COLUMNS: Record<keyof TaskAttemptPatch, Column> = {
  status: plain("status"),
  finishedAt: date("finishedAt"),
  exitCode: plain("exitCode"),
  reason: plain("reason"),
  error: plain("error"),
  outputs: json("outputs"),
  cpuSeconds: plain("cpuSeconds"),
  peakMemoryMb: plain("peakMemoryMb"),
  workerId: plain("workerId"),
  host: plain("host"),
  processGroupId: plain("processGroupId"),
  processStartTime: plain("processStartTime"),
};

/** Task-run insert columns (all of the record). */
export const TASK_INSERT_COLUMNS: Record<keyof TaskRunRecord, Column> = {
  id: plain("id"),
  runId: plain("runId"),
  stepId: plain("stepId"),
  ...TASK_PATCH_COLUMNS,
};

export const ATTEMPT_INSERT_COLUMNS: Record<keyof TaskAttemptRecord, Column> = {
  id: plain("id"),
  taskRunId: plain("taskRunId"),
  runId: plain("runId"),
  stepId: plain("stepId"),
  attempt: plain("attempt"),
  queuedAt: date("queuedAt"),
  startedAt: date("startedAt"),
  instanceId: plain("instanceId"),
  ...ATTEMPT_PATCH_COLUMNS,
};

/** Columns of a patch, in a stable order, skipping `undefined` (= unchanged) and unknown keys. */
export function patchEntries<P extends object>(
  patch: P,
  columns: Partial<Record<keyof P, Column>>,
  what: string,
): [Column, unknown][] {
  const out: [Column, unknown][] = [];
  for (const key of Object.keys(patch).sort() as (keyof P)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const col = columns[key];
    if (!col) {
      if (key === "projectId") continue;
      throw new Error(`engine store: ${what} has no column for "${String(key)}"`);
    }
    out.push([col, value]);
  }
  return out;
}

// ───────────────────────────── readers ─────────────────────────────

const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

type RunWithDefinition = Run & { workflowVersion: { definition: unknown } };

export function runRecordOf(row: RunWithDefinition): RunRecord {
  return {
    id: row.id,
    workflowVersionId: row.workflowVersionId,
    projectId: row.projectId,
    status: row.status,
    params: row.params as RunRecord["params"],
    trigger: row.trigger,
    triggeredBy: row.triggeredById,
    ownerInstanceId: row.ownerInstanceId,
    definition: row.workflowVersion.definition as WorkflowDefinition,
    workingDir: row.workingDir,
    createdAt: row.queuedAt.getTime(),
    startedAt: ms(row.startedAt),
    finishedAt: ms(row.finishedAt),
    deadlineAt: ms(row.deadlineAt),
    pausedAt: ms(row.pausedAt),
    pausedBy: row.pausedBy,
    cancelledAt: ms(row.cancelledAt),
    cancelledBy: row.cancelledBy,
    error: row.error,
    controlRequest: (row.controlRequest as RunRecord["controlRequest"]) ?? null,
    metrics: (row.metrics ?? null) as RunRecord["metrics"],
  };
}

export function taskRecordOf(row: TaskRun): TaskRunRecord {
  return {
    id: row.id,
    runId: row.runId,
    stepId: row.stepId,
    status: row.status,
    attempt: row.attempt,
    waitReason: (row.waitReason ?? null) as TaskRunRecord["waitReason"],
    queuedAt: ms(row.queuedAt),
    startedAt: ms(row.startedAt),
    finishedAt: ms(row.finishedAt),
    exitCode: row.exitCode,
    error: row.error,
    outputs: (row.outputs ?? null) as TaskRunRecord["outputs"],
    cpuSeconds: row.cpuSeconds,
    peakMemoryMb: row.peakMemoryMb,
    instanceId: row.instanceId,
    workerId: row.workerId,
    cacheKey: row.cacheKey,
  };
}

export function attemptRecordOf(row: TaskAttempt): TaskAttemptRecord {
  return {
    id: row.id,
    taskRunId: row.taskRunId,
    runId: row.runId,
    stepId: row.stepId,
    attempt: row.attempt,
    status: row.status,
    queuedAt: row.queuedAt.getTime(),
    startedAt: row.startedAt.getTime(),
    finishedAt: ms(row.finishedAt),
    exitCode: row.exitCode,
    reason: row.reason,
    error: row.error,
    outputs: (row.outputs ?? null) as TaskAttemptRecord["outputs"],
    cpuSeconds: row.cpuSeconds,
    peakMemoryMb: row.peakMemoryMb,
    instanceId: row.instanceId,
    workerId: row.workerId,
    host: row.host,
    processGroupId: row.processGroupId,
    processStartTime: row.processStartTime,
  };
}

export function eventRecordOf(row: RunEvent): RunEventRecord {
  return { runId: row.runId, seq: row.seq, ts: row.createdAt.getTime(), type: row.type, payload: row.payload as RunEventRecord["payload"] };
}

export function logRecordOf(row: LogChunk): LogChunkRecord {
  return {
    runId: row.runId,
    taskRunId: row.taskRunId,
    attempt: row.attempt,
    stream: row.stream,
    seq: row.seq,
    ts: row.ts.getTime(),
    text: row.text,
  };
}

export function allocationRecordOf(row: ResourceAllocation): AllocationRecord {
  return {
    id: row.id,
    pool: row.poolName,
    amount: row.amount,
    runId: row.runId,
    taskRunId: row.taskRunId,
    attempt: row.attempt,
    instanceId: row.instanceId,
    acquiredAt: row.acquiredAt.getTime(),
    releasedAt: ms(row.releasedAt),
  };
}

export function sampleRecordOf(row: MetricSample): MetricSampleRecord {
  return { taskRunId: row.taskRunId, attempt: row.attempt, ts: row.ts.getTime(), cpuPercent: row.cpuPercent, rssMb: row.rssMb };
}

export function instanceRecordOf(row: EngineInstance): EngineInstanceRecord {
  return { id: row.id, host: row.host, pid: row.pid, startedAt: row.startedAt.getTime(), heartbeatAt: row.heartbeatAt.getTime() };
}
