/**
 * The public face of the orchestration engine. One `Engine` per process
 * (web server, CLI, worker): it owns the runs it started or took over,
 * heartbeats its instance row, and recovers runs whose owner died.
 *
 * ```ts
 * const engine = new Engine({ store, executors: defaultExecutors(), clock: new RealClock() });
 * await engine.start();
 * const res = await engine.startRun({ workflowVersionId, definition, params, trigger: "ui" });
 * ```
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { RealClock, type Clock, type TimerHandle } from "./clock";
import type { EngineContext, ResolvedEngineOptions } from "./context";
import { cancelRun, pauseRun, resumeRun, timeoutRun, type ControlResult } from "./controls";
import { resolveParams } from "./definition";
import { EventBus, silentLogger, type Actor, type EngineListener, type Logger } from "./events";
import type { ExecutorRegistry } from "./executors/types";
import { planWorkflow } from "./plan";
import { restoreRun } from "./recovery";
import { ResourcePools, type PoolInfo } from "./resources";
import { buildTasks, RunState } from "./run-state";
import { Scheduler } from "./scheduler";
import { FINAL_RUN_STATUSES, type EngineStore, type RunRecord, type RunTrigger, type TaskRunRecord } from "./store";
import { CPU_POOL, MEMORY_POOL, validateWorkflow, type ValidationProblem } from "./validate";
import { derivedWaitReason, liveWaitReason } from "./wait-reasons";
import { WriteQueue } from "./write-queue";

/** Constructor options. Only `store` and `executors` are required. */
export interface EngineOptions {
  store: EngineStore;
  executors: ExecutorRegistry;
  clock?: Clock;
  logger?: Logger;
  /** Unique per process; default a random UUID. */
  instanceId?: string;
  host?: string;
  pid?: number;
  /** Pool capacities; `cpu` defaults to the number of cores, `memory` to total RAM in MB. */
  pools?: Record<string, number>;
  limits?: { maxConcurrentTasks?: number };
  /** cpu slots a shell step takes when it declares none (default 1). */
  defaultShellCpu?: number;
  /** Settle an aborted attempt anyway after this long (default 15 s). */
  abortSettleMs?: number;
  /** Default 5 s. */
  heartbeatIntervalMs?: number;
  /** An owner silent for this long is dead (default 30 s). */
  heartbeatExpiryMs?: number;
  /** Take over runs of dead instances on every heartbeat (default true). */
  adoptOrphans?: boolean;
  /** Jitter source (default Math.random). */
  random?: () => number;
  /** Run id generator (default UUID). */
  newRunId?: () => string;
}

/** Input of {@link Engine.startRun}. */
export interface StartRunInput {
  workflowVersionId: string;
  projectId?: string | null;
  /** The definition (validated here again). */
  definition: unknown;
  params?: Record<string, string | number | boolean>;
  trigger?: RunTrigger;
  triggeredBy?: string | null;
  workingDir?: string | null;
  /** Duration estimates (seconds by step id), e.g. medians from history; used for ordering. */
  estimates?: Record<string, number>;
}

/** Result of {@link Engine.startRun}. */
export type StartRunResult =
  | { ok: true; runId: string }
  | { ok: false; reason: "invalid-definition"; problems: ValidationProblem[] }
  | { ok: false; reason: "missing-params"; missing: string[] };

/** A step as seen by a reader: its stored row with a current wait reason. */
export type TaskView = TaskRunRecord & { dependsOn: string[] };

/** A run with its steps. `live` = owned by this instance right now. */
export interface RunView {
  run: RunRecord;
  tasks: TaskView[];
  live: boolean;
}

/** What {@link Engine.recover} did. */
export interface RecoveryReport {
  recovered: string[];
  skipped: string[];
}

/** The orchestration engine. */
export class Engine {
  readonly instanceId: string;
  private readonly store: EngineStore;
  private readonly ctx: EngineContext;
  private readonly bus: EventBus;
  private readonly writer: WriteQueue;
  private readonly scheduler: Scheduler;
  private readonly newRunId: () => string;
  private readonly host: string;
  private readonly pid: number;
  private runOrder = 0;
  private started: Promise<RecoveryReport> | null = null;
  private stopped = false;
  private heartbeatTimer: TimerHandle | null = null;
  private recovering: Promise<RecoveryReport> | null = null;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.instanceId = options.instanceId ?? randomUUID();
    this.host = options.host ?? os.hostname();
    this.pid = options.pid ?? process.pid;
    this.newRunId = options.newRunId ?? randomUUID;
    const clock = options.clock ?? new RealClock();
    const logger = options.logger ?? silentLogger;
    const resolved: ResolvedEngineOptions = {
      maxConcurrentTasks: options.limits?.maxConcurrentTasks ?? Number.POSITIVE_INFINITY,
      defaultShellCpu: options.defaultShellCpu ?? 1,
      abortSettleMs: options.abortSettleMs ?? 15_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5_000,
      heartbeatExpiryMs: options.heartbeatExpiryMs ?? 30_000,
      adoptOrphans: options.adoptOrphans ?? true,
    };
    const pools = new ResourcePools({
      [CPU_POOL]: os.availableParallelism(),
      [MEMORY_POOL]: Math.floor(os.totalmem() / (1024 * 1024)),
      ...options.pools,
    });
    this.bus = new EventBus(logger);
    this.writer = new WriteQueue(this.store, this.bus, clock, logger, this.instanceId, (ids) => this.onFenced(ids));
    this.ctx = {
      clock,
      writer: this.writer,
      bus: this.bus,
      logger,
      pools,
      executors: options.executors,
      instanceId: this.instanceId,
      random: options.random ?? Math.random,
      options: resolved,
    };
    this.scheduler = new Scheduler(this.ctx, (run) => this.onRunFinished(run));
  }

  /** Registers the instance, starts heartbeats and recovers runs (idempotent). */
  start(): Promise<RecoveryReport> {
    this.started ??= (async () => {
      const now = this.ctx.clock.now();
      await this.store.upsertInstance({ id: this.instanceId, host: this.host, pid: this.pid, startedAt: now, heartbeatAt: now });
      this.armHeartbeat();
      return this.recover();
    })();
    return this.started;
  }

  /**
   * Graceful stop: running attempts are aborted and recorded as `cancelled`
   * (reason `engine-stopped`) without using up a retry; their steps go back
   * to `ready`; runs are released (owner = null) for the next instance.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.heartbeatTimer) this.ctx.clock.clearTimer(this.heartbeatTimer);
    const now = this.ctx.clock.now();
    for (const run of [...this.scheduler.runs.values()]) {
      for (const t of run.tasks) {
        if (!t.active) continue;
        this.writer.updateAttempt(run.id, t.active.attemptId, { status: "cancelled", finishedAt: now, reason: "engine-stopped", error: "engine stopped" });
        this.scheduler.transitions.setTaskStatus(run, t, "ready", { reason: "engine-stopped", patch: { queuedAt: now } });
      }
      this.writer.releaseRunAllocations(run.id, now);
      this.writer.updateRun(run.id, { ownerInstanceId: null });
      this.scheduler.forget(run);
    }
    await this.writer.whenIdle();
    await Promise.allSettled(this.scheduler.runner.pending());
    await this.store.removeInstance(this.instanceId);
  }

  /** Takes over claimable runs: this instance's own after a restart, dead owners', unowned queued ones. */
  recover(): Promise<RecoveryReport> {
    this.recovering ??= this.doRecover().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  private async doRecover(): Promise<RecoveryReport> {
    const report: RecoveryReport = { recovered: [], skipped: [] };
    const expiredBefore = this.ctx.clock.now() - this.ctx.options.heartbeatExpiryMs;
    const candidates = await this.store.listClaimableRuns({ expiredBefore, instanceId: this.instanceId, limit: 100 });
    for (const candidate of candidates) {
      if (this.scheduler.runs.has(candidate.id) || this.stopped) continue;
      const claimed = await this.store.claimRun({ runId: candidate.id, instanceId: this.instanceId, expiredBefore });
      const record = claimed ? await this.store.getRun(candidate.id) : null;
      if (!record || this.scheduler.runs.has(record.id)) {
        report.skipped.push(candidate.id);
        continue;
      }
      await restoreRun(this.ctx, this.store, this.scheduler, { ...candidate, ...record, ownerInstanceId: candidate.ownerInstanceId }, this.runOrder++, { kind: "recover" });
      report.recovered.push(record.id);
      this.ctx.logger.info("recovered run", { runId: record.id, previousOwner: candidate.ownerInstanceId });
    }
    return report;
  }

  /** Validates, persists and starts a run. Resolves once the run is persisted. */
  async startRun(input: StartRunInput): Promise<StartRunResult> {
    await this.start();
    const { clock, pools, writer } = this.ctx;
    const validation = validateWorkflow(input.definition, { pools: pools.capacities() });
    if (!validation.ok) return { ok: false, reason: "invalid-definition", problems: validation.problems };
    const definition = validation.definition;
    const { params, missing } = resolveParams(definition, input.params);
    if (missing.length > 0) return { ok: false, reason: "missing-params", missing };
    const plan = planWorkflow(definition.steps, input.estimates, validation.dag);
    const runId = this.newRunId();
    const now = clock.now();
    const record: RunRecord = {
      id: runId,
      workflowVersionId: input.workflowVersionId,
      projectId: input.projectId ?? null,
      status: "running",
      params,
      trigger: input.trigger ?? "api",
      triggeredBy: input.triggeredBy ?? null,
      ownerInstanceId: this.instanceId,
      definition,
      workingDir: input.workingDir ?? null,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
      deadlineAt: definition.timeoutSec !== undefined ? now + definition.timeoutSec * 1000 : null,
      pausedAt: null,
      pausedBy: null,
      cancelledAt: null,
      cancelledBy: null,
      error: null,
      metrics: null,
    };
    const order = this.runOrder++;
    const tasks = buildTasks(runId, definition, validation.dag, plan, order, this.ctx.options);
    const run = new RunState({ record, dag: validation.dag, tasks, order, seq: 0 });
    writer.insertRun(record);
    writer.insertTasks(
      runId,
      tasks.map((t) => {
        const ready = t.status === "ready";
        if (ready) t.queuedAt = now;
        return {
          id: t.id,
          runId,
          stepId: t.stepId,
          status: t.status,
          attempt: 0,
          waitReason: ready ? null : { type: "dependencies", waitingFor: t.step.dependsOn },
          queuedAt: ready ? now : null,
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
      }),
    );
    this.scheduler.transitions.runEvent(run, {
      type: "run.created",
      workflowVersionId: record.workflowVersionId,
      trigger: record.trigger,
      triggeredBy: record.triggeredBy,
      params,
      stepCount: tasks.length,
    });
    if (record.deadlineAt !== null) {
      run.deadlineTimer = clock.setTimer(() => timeoutRun(this.scheduler, run), record.deadlineAt - now);
    }
    this.scheduler.addRun(run);
    await this.committed();
    return { ok: true, runId };
  }

  /** Pauses a run owned by this instance. */
  pause(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.control(runId, (run) => pauseRun(this.scheduler, run, opts.by ?? null, this.ctx.clock.now()));
  }

  resume(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.control(runId, (run) => resumeRun(this.scheduler, run, opts.by ?? null));
  }

  cancel(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.control(runId, (run) => cancelRun(this.scheduler, run, opts.by ?? null, this.ctx.clock.now()));
  }

  /** Re-runs the failed, upstream-failed and cancelled steps of a failed or cancelled run. */
  async retryFailed(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    await this.start();
    if (this.scheduler.runs.has(runId)) return { ok: false, reason: "invalid-state", message: "the run is still active" };
    const existing = await this.store.getRun(runId);
    if (!existing) return { ok: false, reason: "not-found", message: `run ${runId} not found` };
    if (existing.status !== "failed" && existing.status !== "cancelled") {
      return { ok: false, reason: "invalid-state", message: `cannot retry a ${existing.status} run` };
    }
    if (!(await this.store.reopenRun({ runId, instanceId: this.instanceId }))) {
      return { ok: false, reason: "invalid-state", message: "the run was reopened by someone else" };
    }
    await restoreRun(this.ctx, this.store, this.scheduler, existing, this.runOrder++, { kind: "retry", by: opts.by ?? null });
    await this.committed();
    return { ok: true };
  }

  private async control(runId: string, fn: (run: RunState) => ControlResult): Promise<ControlResult> {
    const run = this.scheduler.runs.get(runId);
    if (!run) {
      const stored = await this.store.getRun(runId);
      if (!stored) return { ok: false, reason: "not-found", message: `run ${runId} not found` };
      if (FINAL_RUN_STATUSES.includes(stored.status)) return { ok: false, reason: "invalid-state", message: `the run is ${stored.status}` };
      return { ok: false, reason: "not-owned", message: `run ${runId} is executed by engine instance ${stored.ownerInstanceId}` };
    }
    const result = fn(run);
    if (result.ok) await this.committed();
    return result;
  }

  /** A run with its steps and current wait reasons (live if owned here, else from the store). */
  async getRun(runId: string): Promise<RunView | null> {
    const live = this.scheduler.runs.get(runId);
    const record = live ? live.record : await this.store.getRun(runId);
    if (!record) return null;
    const rows = await this.store.listTaskRuns(runId);
    const deps = new Map(record.definition.steps.map((s) => [s.id, s.dependsOn]));
    const byStep = new Map(rows.map((r) => [r.stepId, r]));
    const snap = { globalRunning: this.scheduler.running, globalLimit: this.ctx.options.maxConcurrentTasks, pools: this.ctx.pools };
    const liveTasks = new Map(live?.tasks.map((t) => [t.id, t]));
    const tasks = rows.map((row): TaskView => {
      const dependsOn = deps.get(row.stepId) ?? [];
      const t = liveTasks.get(row.id);
      if (live && t) {
        return { ...row, status: t.status, attempt: t.attempt, waitReason: liveWaitReason(live, t, snap), dependsOn };
      }
      return { ...row, waitReason: derivedWaitReason(row, record, dependsOn, byStep), dependsOn };
    });
    return { run: { ...record }, tasks, live: live !== undefined };
  }

  /** Resolves with the final run record once the run has finished. */
  async waitForRun(runId: string): Promise<RunRecord> {
    return new Promise<RunRecord>((resolve, reject) => {
      const unsubscribe = this.subscribe((e) => {
        if (e.type === "run.status" && e.runId === runId && FINAL_RUN_STATUSES.includes(e.status)) {
          unsubscribe();
          void this.store.getRun(runId).then((r) => (r ? resolve(r) : reject(new Error("run vanished"))), reject);
        }
      });
      void this.store.getRun(runId).then((r) => {
        if (!r) {
          unsubscribe();
          reject(new Error(`run ${runId} not found`));
        } else if (FINAL_RUN_STATUSES.includes(r.status) && !this.scheduler.runs.has(runId)) {
          unsubscribe();
          resolve(r);
        }
      }, reject);
    });
  }

  /** Changes (or creates) a pool; applies to live runs at once. */
  setPoolCapacity(name: string, capacity: number): PoolInfo {
    const info = this.ctx.pools.setCapacity(name, capacity);
    this.writer.sideEvent({ type: "pool.capacity", pool: name, capacity, ts: this.ctx.clock.now() });
    this.scheduler.poolChanged(name);
    return info;
  }

  /** State of every pool of this instance. */
  listPools(): PoolInfo[] {
    return this.ctx.pools.list();
  }

  /** Ids of runs this instance executes now. */
  liveRunIds(): string[] {
    return [...this.scheduler.runs.keys()];
  }

  /** Attempts running on this instance. */
  get runningCount(): number {
    return this.scheduler.running;
  }

  /** Subscribes to the event stream; returns the unsubscribe function. */
  subscribe(listener: EngineListener): () => void {
    return this.bus.subscribe(listener);
  }

  /** Resolves when every staged write is committed and announced. */
  whenIdle(): Promise<void> {
    return this.writer.whenIdle();
  }

  private committed(): Promise<void> {
    return new Promise((resolve) => this.writer.after(null, resolve));
  }

  private armHeartbeat(): void {
    const { clock, options, logger } = this.ctx;
    this.heartbeatTimer = clock.setTimer(
      () => {
        this.heartbeatTimer = null;
        void this.beat()
          .catch((err: unknown) => logger.error("heartbeat failed", { error: String(err) }))
          .finally(() => {
            if (!this.stopped) this.armHeartbeat();
          });
      },
      options.heartbeatIntervalMs,
      { unref: true },
    );
  }

  private async beat(): Promise<void> {
    const now = this.ctx.clock.now();
    const alive = await this.store.heartbeat(this.instanceId, now);
    if (!alive) {
      await this.store.upsertInstance({ id: this.instanceId, host: this.host, pid: this.pid, startedAt: now, heartbeatAt: now });
    }
    if (this.ctx.options.adoptOrphans && !this.stopped) await this.recover();
  }

  private onRunFinished(run: RunState): void {
    this.writer.after(run.id, () => {
      if (this.scheduler.runs.get(run.id) === run) this.scheduler.runs.delete(run.id);
      this.writer.forgetRun(run.id);
    });
  }

  private onFenced(runIds: string[]): void {
    const now = this.ctx.clock.now();
    for (const id of runIds) {
      const run = this.scheduler.runs.get(id);
      if (run) this.scheduler.forget(run);
      this.writer.sideEvent({ type: "run.lost", runId: id, ts: now });
    }
  }
}
