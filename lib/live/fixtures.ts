/** Small builders for tests of the live run model. */
import type { LiveEvent, LiveRun, LiveTask } from "./types";

export function liveTask(stepId: string, over: Partial<LiveTask> = {}): LiveTask {
  return {
    id: `tr-${stepId}`,
    stepId,
    name: stepId,
    kind: "shell",
    dependsOn: [],
    status: "pending",
    attempt: 0,
    waitReason: null,
    queuedAt: null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    httpStatus: null,
    error: null,
    cpuSeconds: null,
    peakMemoryMb: null,
    ...over,
  };
}

export function liveRun(tasks: LiveTask[], over: Partial<LiveRun> = {}): LiveRun {
  return {
    id: "run-1",
    status: "running",
    trigger: "ui",
    triggeredBy: "ada@example.test",
    params: {},
    queuedAt: 1000,
    startedAt: 1000,
    finishedAt: null,
    pausedAt: null,
    cancelledAt: null,
    error: null,
    metrics: null,
    concurrency: null,
    workflow: { id: "wf-1", name: "wf", slug: "wf" },
    project: { name: "p", slug: "p" },
    version: 1,
    layout: null,
    asOf: 1000,
    lastEventSeq: 0,
    tasks,
    attempts: [],
    ...over,
  };
}

/** Events numbered from `firstSeq`, one ms apart from `firstTs`. */
export function liveEvents(firstSeq: number, firstTs: number, bodies: { type: string; data: Record<string, unknown> }[]): LiveEvent[] {
  return bodies.map((b, i) => ({ seq: firstSeq + i, ts: firstTs + i, type: b.type, data: b.data }));
}

export const taskStatus = (stepId: string, previous: string, status: string, attempt: number, extra: Record<string, unknown> = {}) => ({
  type: "task.status",
  data: { taskRunId: `tr-${stepId}`, stepId, previous, status, attempt, ...extra },
});
