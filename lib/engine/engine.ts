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
import { RealClock } from "./clock";
import type { EngineContext, ResolvedEngineOptions } from "./context";
import { cancelRun, pauseRun, resumeRun, timeoutRun, type ControlResult } from "./controls";
import { resolveParams } from "./definition";
import { EventBus, silentLogger, type Actor, type EngineListener } from "./events";
import type { EngineOptions, RecoveryReport, StartRunInput, StartRunResult } from "./engine-types";
import { eachExecutor } from "./executors/registry";
import { Heartbeat } from "./heartbeat";
import { FileIntentLog, type IntentLog } from "./intent-log";
import { Lease } from "./lease";
import { Periodic } from "./periodic";
import { remainingPaths } from "./plan";
import { restoreRun } from "./recovery";
import { reopenFinishedRun, type ReopenRequest } from "./reopen";
import { buildRunView, type RunView } from "./run-view";
import { ResourcePools, type PoolInfo } from "./resources";
import { buildTasks, initialTaskRecord, RunState } from "./run-state";
import { Scheduler } from "./scheduler";
import { FINAL_RUN_STATUSES, type ControlRequest, type EngineStore, type RunRecord } from "./store";
import { CPU_POOL, MEMORY_POOL, validateWorkflow } from "./validate";
import { WriteQueue } from "./write-queue";

export type { EngineOptions, RecoveryReport, StartRunInput, StartRunResult } from "./engine-types";

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
  private runOrder = 0;
  private started: Promise<RecoveryReport> | null = null;
  private stopped = false;
  private readonly heartbeat: Heartbeat;
  private readonly intents: IntentLog;
  private readonly controlPoll: Periodic;
  private recovering: Promise<RecoveryReport> | null = null;
  /** Runs being loaded from the store (recovery or retry), to never load one twice. */
  private readonly restoring = new Set<string>();

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.instanceId = options.instanceId ?? randomUUID();
    this.host = options.host ?? os.hostname();
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
      controlPollIntervalMs: options.controlPollIntervalMs ?? 1_000,
    };
    const pools = new ResourcePools({
      [CPU_POOL]: os.availableParallelism(),
      [MEMORY_POOL]: Math.floor(os.totalmem() / (1024 * 1024)),
      ...options.pools,
    });
    this.bus = new EventBus(logger);
    this.intents = options.intentLog ?? new FileIntentLog();
    this.writer = new WriteQueue(this.store, this.bus, clock, logger, this.instanceId, (ids) => this.onFenced(ids), this.intents);
    this.ctx = {
      clock,
      writer: this.writer,
      bus: this.bus,
      logger,
      pools,
      executors: options.executors,
      instanceId: this.instanceId,
      host: this.host,
      random: options.random ?? Math.random,
      options: resolved,
      lease: new Lease(resolved.heartbeatExpiryMs),
      intents: this.intents,
    };
    this.scheduler = new Scheduler(this.ctx, (run) => this.onRunFinished(run));
    this.controlPoll = new Periodic(clock, logger, resolved.controlPollIntervalMs, "control poll", () => this.pollControls());
    this.heartbeat = new Heartbeat(this.ctx, this.store, { id: this.instanceId, host: this.host, pid: options.pid ?? process.pid }, async () => {
      if (this.ctx.options.adoptOrphans && !this.stopped) await this.recover();
    });
  }

  /** Registers the instance, starts heartbeats and recovers runs (idempotent). */
  start(): Promise<RecoveryReport> {
    this.started ??= (async () => {
      await this.heartbeat.register();
      // Journals of instances dead for a week: their runs were recovered long ago.
      this.intents.prune?.(7 * 24 * 3600_000);
      // Executors get ready for their first attempt (the shell executor starts its spawn helper).
      eachExecutor(this.ctx.executors, (err) => this.ctx.logger.warn("executor warm-up failed", { error: String(err) }), (e) => e.warm?.());
      this.controlPoll.start();
      return this.recover();
    })().catch((err: unknown) => {
      this.started = null; // let a later call try again
      throw err;
    });
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
    this.heartbeat.stop();
    this.controlPoll.stop();
    await this.recovering?.catch(() => undefined);
    this.scheduler.handOverAll();
    await this.writer.whenIdle();
    await Promise.allSettled(this.scheduler.runner.pending());
    await this.store.removeInstance(this.instanceId);
    this.intents.remove(this.instanceId); // everything is committed and handed over
    eachExecutor(this.ctx.executors, (err) => this.ctx.logger.warn("executor dispose failed", { error: String(err) }), (e) => e.dispose?.());
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
      const id = candidate.id;
      if (this.scheduler.runs.has(id) || this.restoring.has(id) || this.stopped) continue;
      this.restoring.add(id);
      try {
        const claimed = await this.store.claimRun({ runId: id, instanceId: this.instanceId, expiredBefore });
        const record = claimed ? await this.store.getRun(id) : null;
        if (!record || this.scheduler.runs.has(id)) {
          report.skipped.push(id);
          continue;
        }
        const previousOwner = candidate.ownerInstanceId;
        await restoreRun(this.ctx, this.store, this.scheduler, { ...record, ownerInstanceId: previousOwner }, this.runOrder++, { kind: "recover" });
        report.recovered.push(id);
        this.ctx.logger.info("recovered run", { runId: id, previousOwner });
      } finally {
        this.restoring.delete(id);
      }
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
    const plan = remainingPaths(definition.steps, input.estimates, validation.dag);
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
      controlRequest: null,
    };
    const order = this.runOrder++;
    const tasks = buildTasks(runId, definition, validation.dag, plan, order, this.ctx.options);
    const run = new RunState({ record, dag: validation.dag, tasks, order, seq: 0 });
    writer.insertRun(record);
    for (const t of tasks) if (t.status === "ready") t.queuedAt = now;
    writer.insertTasks(runId, tasks.map((t) => initialTaskRecord(runId, t, now)));
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

  /**
   * Pauses a run. If another live instance executes it, the request is left
   * for that owner (`{ ok: true, deferred: true }`), which applies it within
   * `controlPollIntervalMs`.
   */
  pause(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.control(runId, "pause", opts.by ?? null, (run) => this.applyControl(run, "pause", opts.by ?? null));
  }

  /** Resumes a paused run (same ownership rules as {@link Engine.pause}). */
  resume(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.control(runId, "resume", opts.by ?? null, (run) => this.applyControl(run, "resume", opts.by ?? null));
  }

  /** Cancels a run (same ownership rules as {@link Engine.pause}). */
  cancel(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.control(runId, "cancel", opts.by ?? null, (run) => this.applyControl(run, "cancel", opts.by ?? null));
  }

  private applyControl(run: RunState, action: ControlRequest["action"], by: Actor): ControlResult {
    const now = this.ctx.clock.now();
    switch (action) {
      case "pause":
        return pauseRun(this.scheduler, run, by, now);
      case "resume":
        return resumeRun(this.scheduler, run, by);
      case "cancel":
        return cancelRun(this.scheduler, run, by, now);
    }
  }

  /**
   * Applies controls other instances left for the runs this instance has
   * live. (A run being adopted takes its own pending request in recovery,
   * before it dispatches anything; it is not taken here meanwhile.)
   */
  private async pollControls(): Promise<void> {
    const live = [...this.scheduler.runs.keys()];
    if (live.length === 0) return;
    const requests = await this.store.takeControlRequests(this.instanceId, live);
    for (const { runId, request } of requests) {
      const run = this.scheduler.runs.get(runId);
      if (!run) continue;
      const result = this.applyControl(run, request.action, request.by);
      if (!result.ok) this.ctx.logger.warn("requested control not applied", { runId, action: request.action, message: result.message });
    }
  }

  /** Re-runs the failed, upstream-failed and cancelled steps of a failed or cancelled run. */
  retryFailed(runId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.reopen(runId, { kind: "retry", by: opts.by ?? null });
  }

  /**
   * Re-runs `stepId` and every step downstream of it in a finished run
   * (succeeded, failed or cancelled); the other steps keep their results and
   * outputs. {@link planRerunFrom} previews exactly which steps run again.
   */
  rerunFrom(runId: string, stepId: string, opts: { by?: Actor } = {}): Promise<ControlResult> {
    return this.reopen(runId, { kind: "rerun", stepId, by: opts.by ?? null });
  }

  private async reopen(runId: string, request: ReopenRequest): Promise<ControlResult> {
    await this.start();
    const host = { ctx: this.ctx, store: this.store, scheduler: this.scheduler, restoring: this.restoring, nextOrder: () => this.runOrder++ };
    const result = await reopenFinishedRun(host, runId, request);
    if (result.ok) await this.committed();
    return result;
  }

  private async control(
    runId: string,
    action: ControlRequest["action"],
    by: Actor,
    fn: (run: RunState) => ControlResult,
  ): Promise<ControlResult> {
    const run = this.scheduler.runs.get(runId);
    if (!run) {
      const stored = await this.store.getRun(runId);
      if (!stored) return { ok: false, reason: "not-found", message: `run ${runId} not found` };
      if (FINAL_RUN_STATUSES.includes(stored.status)) return { ok: false, reason: "invalid-state", message: `the run is ${stored.status}` };
      // Another instance executes it: leave the request for its owner.
      const recorded = await this.store.requestControl({ runId, request: { action, by, at: this.ctx.clock.now() } });
      if (!recorded) return { ok: false, reason: "invalid-state", message: "the run has finished" };
      return { ok: true, deferred: true };
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
    const snap = { globalRunning: this.scheduler.running, globalLimit: this.ctx.options.maxConcurrentTasks, pools: this.ctx.pools };
    return buildRunView(record, rows, live ?? null, snap);
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
