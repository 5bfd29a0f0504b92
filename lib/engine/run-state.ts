/**
 * In-memory state of a run owned by this engine instance: its tasks, ready
 * queue and counters. The scheduler mutates it; every mutation is mirrored
 * to the store through the WriteQueue.
 */
import type { TimerHandle } from "./clock";
import { resolveRetry, type ResolvedRetry, type StepDefinition, type WorkflowDefinition } from "./definition";
import type { DagIndex } from "./graph";
import type { RemainingPaths } from "./plan";
import { ReadyQueue, type Queueable } from "./ready-queue";
import type { ResourceRequest } from "./resources";
import {
  FINAL_TASK_STATUSES,
  type AllocationRecord,
  type Json,
  type RunRecord,
  type TaskAttemptRecord,
  type TaskRunRecord,
  type TaskStatus,
  type WaitReason,
} from "./store";
import { CPU_POOL, MEMORY_POOL } from "./validate";

/** Why the engine aborted an attempt. */
export type AbortCause = "timeout" | "cancel" | "run-timeout" | "shutdown";

/** An attempt that has been dispatched and not yet settled. */
export interface ActiveAttempt {
  attemptId: string;
  number: number;
  queuedAt: number;
  startedAt: number;
  controller: AbortController;
  allocations: AllocationRecord[];
  timeoutTimer: TimerHandle | null;
  forceTimer: TimerHandle | null;
  abortCause: AbortCause | null;
  /** The executor has been called (its start was committed). */
  started: boolean;
  logSeq: number;
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
}

/** One step of a live run. */
export interface TaskState extends Queueable {
  /** taskRunId. */
  id: string;
  stepId: string;
  step: StepDefinition;
  status: TaskStatus;
  /** Number of the current/last attempt. */
  attempt: number;
  /** Failures counted against the retry budget (failed, timed out, lost). */
  failures: number;
  /** Dependencies not yet satisfied. */
  remainingDeps: number;
  request: ResourceRequest;
  retry: ResolvedRetry;
  /** Persisted wait reason (for `waiting` tasks). */
  waitReason: WaitReason | null;
  queuedAt: number | null;
  outputs: Record<string, Json> | null;
  active: ActiveAttempt | null;
  backoffTimer: TimerHandle | null;
  // Metric accumulators over attempts.
  firstStartedAt: number | null;
  lastFinishedAt: number | null;
  busyMs: number;
  queueMs: number;
}

const FINAL = new Set<TaskStatus>(FINAL_TASK_STATUSES);

/** Whether a task status is final. */
export function isFinalTask(status: TaskStatus): boolean {
  return FINAL.has(status);
}

/** Whether a final task lets its dependents run. */
export function satisfiesDependents(task: Pick<TaskState, "status" | "step">): boolean {
  switch (task.status) {
    case "succeeded":
    case "cached":
    case "skipped":
      return true;
    case "failed":
      return task.step.continueOnFailure;
    case "pending":
    case "waiting":
    case "ready":
    case "running":
    case "cancelled":
    case "upstream_failed":
      return false;
  }
}

/** Options that shape task construction. */
export interface TaskBuildOptions {
  /** cpu slots a shell step takes when it declares none. */
  defaultShellCpu: number;
}

/** The request of steps that ask for nothing (shared: requests are read-only). */
const NO_REQUEST: ResourceRequest = Object.freeze([]);

/** The pools a step asks for (amounts > 0 only). */
export function requestOf(step: StepDefinition, options: TaskBuildOptions): ResourceRequest {
  const cpu = step.resources?.cpu ?? (step.kind === "shell" ? options.defaultShellCpu : 0);
  if (cpu <= 0 && step.resources === undefined) return NO_REQUEST;
  const req: Array<{ pool: string; amount: number }> = [];
  if (cpu > 0) req.push({ pool: CPU_POOL, amount: cpu });
  const mem = step.resources?.memoryMb ?? 0;
  if (mem > 0) req.push({ pool: MEMORY_POOL, amount: mem });
  for (const [pool, amount] of Object.entries(step.resources?.pools ?? {})) if (amount > 0) req.push({ pool, amount });
  return req.length > 0 ? req : NO_REQUEST;
}

/** Resolved retry policies of a definition's steps; steps without their own share one (read-only). */
function retryResolver(definition: WorkflowDefinition): (step: StepDefinition) => ResolvedRetry {
  let shared: ResolvedRetry | null = null;
  return (step) => (step.retry ? resolveRetry(definition.retry, step.retry) : (shared ??= resolveRetry(definition.retry, undefined)));
}

/** Live state of one run. */
export class RunState {
  readonly id: string;
  record: RunRecord;
  readonly definition: WorkflowDefinition;
  readonly dag: DagIndex;
  readonly tasks: TaskState[];
  readonly ready: ReadyQueue<TaskState>;
  /** Cross-run tie-break: runs started earlier go first. */
  readonly order: number;
  readonly concurrency: number;
  /** Attempts dispatched and not settled. */
  running = 0;
  /** Tasks not in a final status. */
  unfinished: number;
  /** Last event sequence number used. */
  seq: number;
  /** A step failed without continueOnFailure. */
  failed = false;
  /** No new dispatch: onFailure=stop after a failure, or the run timed out. */
  stopping = false;
  cancelling = false;
  timedOut = false;
  finished = false;
  deadlineTimer: TimerHandle | null = null;
  /** Version of the run's entry in the scheduler's run heap (lazy invalidation). */
  heapVersion = 0;
  /** The task the current run-heap entry was keyed on, if any. */
  heapTop: TaskState | null = null;

  constructor(init: { record: RunRecord; dag: DagIndex; tasks: TaskState[]; order: number; seq: number }) {
    this.id = init.record.id;
    this.record = init.record;
    this.definition = init.record.definition;
    this.dag = init.dag;
    this.tasks = init.tasks;
    this.order = init.order;
    this.seq = init.seq;
    this.concurrency = this.definition.concurrency ?? Number.POSITIVE_INFINITY;
    this.ready = new ReadyQueue<TaskState>((t) => t.status === "ready");
    this.unfinished = init.tasks.reduce((n, t) => n + (isFinalTask(t.status) ? 0 : 1), 0);
  }

  /** Whether the scheduler may start another task of this run now. */
  get dispatchable(): boolean {
    return (
      this.record.status === "running" &&
      !this.stopping &&
      !this.cancelling &&
      !this.finished &&
      this.running < this.concurrency
    );
  }

  /** Step ids of a task's dependencies. */
  depsOf(task: TaskState): TaskState[] {
    const out: TaskState[] = [];
    for (let e = this.dag.depStart[task.index]!; e < this.dag.depStart[task.index + 1]!; e++) {
      out.push(this.tasks[this.dag.deps[e]!]!);
    }
    return out;
  }

  /** Successor tasks of a task. */
  successorsOf(task: TaskState): TaskState[] {
    const out: TaskState[] = [];
    for (let e = this.dag.succStart[task.index]!; e < this.dag.succStart[task.index + 1]!; e++) {
      out.push(this.tasks[this.dag.succ[e]!]!);
    }
    return out;
  }
}

/** Builds fresh task states for a new run (all `pending` or `ready`). */
export function buildTasks(
  runId: string,
  definition: WorkflowDefinition,
  dag: DagIndex,
  plan: Pick<RemainingPaths, "remaining">,
  order: number,
  options: TaskBuildOptions,
): TaskState[] {
  const retryOf = retryResolver(definition);
  const steps = definition.steps;
  const tasks = new Array<TaskState>(steps.length);
  for (let index = 0; index < steps.length; index++) {
    const deps = dag.depStart[index + 1]! - dag.depStart[index]!;
    tasks[index] = newTaskState(runId, steps[index]!, index, definition, plan, order, options, {
      status: deps === 0 ? "ready" : "pending",
      remainingDeps: deps,
      retry: retryOf,
    });
  }
  return tasks;
}

/** A task state with defaults; used by fresh runs and recovery. */
export function newTaskState(
  runId: string,
  step: StepDefinition,
  index: number,
  definition: WorkflowDefinition,
  plan: Pick<RemainingPaths, "remaining">,
  order: number,
  options: TaskBuildOptions,
  init: { status: TaskStatus; remainingDeps: number; retry?: (step: StepDefinition) => ResolvedRetry },
): TaskState {
  return {
    id: taskRunIdOf(runId, index),
    stepId: step.id,
    step,
    index,
    priority: step.priority,
    lrp: plan.remaining[index] ?? 1,
    runOrder: order,
    token: 0,
    status: init.status,
    attempt: 0,
    failures: 0,
    remainingDeps: init.remainingDeps,
    request: requestOf(step, options),
    retry: init.retry ? init.retry(step) : resolveRetry(definition.retry, step.retry),
    waitReason: null,
    queuedAt: null,
    outputs: null,
    active: null,
    backoffTimer: null,
    firstStartedAt: null,
    lastFinishedAt: null,
    busyMs: 0,
    queueMs: 0,
  };
}

/** Deterministic task-run id: `<runId>:<definition index>`. */
export function taskRunIdOf(runId: string, index: number): string {
  return `${runId}:${index}`;
}

/** Deterministic attempt id: `<taskRunId>#<attempt>`; unique by construction. */
export function attemptIdOf(taskRunId: string, attempt: number): string {
  return `${taskRunId}#${attempt}`;
}

/** The row of an attempt that starts now (status `running`, nothing measured yet). */
export function runningAttemptRecord(a: {
  taskRunId: string;
  runId: string;
  stepId: string;
  attempt: number;
  queuedAt: number;
  startedAt: number;
  instanceId: string;
  host: string;
}): TaskAttemptRecord {
  return {
    id: attemptIdOf(a.taskRunId, a.attempt),
    ...a,
    status: "running",
    finishedAt: null,
    exitCode: null,
    reason: null,
    error: null,
    outputs: null,
    cpuSeconds: null,
    peakMemoryMb: null,
    workerId: null,
    processGroupId: null,
    processStartTime: null,
  };
}

/** The first stored row of a task (status pending/ready, no attempt yet). */
export function initialTaskRecord(runId: string, task: TaskState, queuedAt: number | null): TaskRunRecord {
  const ready = task.status === "ready";
  return {
    id: task.id,
    runId,
    stepId: task.stepId,
    status: task.status,
    attempt: 0,
    // The step's own (read-only) list: no copy per step of a big run.
    waitReason: task.status === "pending" ? { type: "dependencies", waitingFor: task.step.dependsOn } : null,
    queuedAt: ready ? queuedAt : null,
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
  };
}
