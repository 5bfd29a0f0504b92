/**
 * Records of the engine's store port for the data-layer tests: a run, its
 * tasks and attempts with fixed times, each field overridable.
 */
import type { WorkflowDefinition } from "@/lib/engine/definition";
import { runningAttemptRecord } from "@/lib/engine/run-state";
import type { RunRecord, TaskAttemptRecord, TaskRunRecord } from "@/lib/engine/store";

export const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
export const DEF = { name: "test", steps: [{ id: "a", kind: "noop" }, { id: "b", kind: "noop", dependsOn: ["a"] }] } as unknown as WorkflowDefinition;

export function runRecord(id: string, versionId: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    workflowVersionId: versionId,
    projectId: null,
    status: "running",
    params: { branch: "main" },
    trigger: "cli",
    triggeredBy: "user-1",
    ownerInstanceId: "inst-a",
    definition: DEF,
    workingDir: "/srv/x",
    createdAt: T0,
    startedAt: T0 + 1,
    finishedAt: null,
    deadlineAt: T0 + 3_600_000,
    pausedAt: null,
    pausedBy: null,
    cancelledAt: null,
    cancelledBy: null,
    error: null,
    metrics: null,
    controlRequest: null,
    ...over,
  } as RunRecord;
}

export function taskRecord(runId: string, stepId: string, over: Partial<TaskRunRecord> = {}): TaskRunRecord {
  return {
    id: `${runId}:${stepId}`,
    runId,
    stepId,
    status: "pending",
    attempt: 0,
    waitReason: { type: "dependencies", waitingFor: ["a"] },
    queuedAt: null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    error: null,
    outputs: null,
    cpuSeconds: null,
    peakMemoryMb: null,
    instanceId: null,
    workerId: null,
    cacheKey: null,
    ...over,
  };
}

export function attemptRecord(task: TaskRunRecord, attempt: number, over: Partial<TaskAttemptRecord> = {}): TaskAttemptRecord {
  const base = { taskRunId: task.id, runId: task.runId, stepId: task.stepId, attempt, queuedAt: T0 + 10, startedAt: T0 + 11 };
  return { ...runningAttemptRecord({ ...base, instanceId: "inst-a", host: "host-a" }), ...over };
}
