/**
 * Group commit: "persisted before announced".
 *
 * State transitions stage their mutations, events and post-commit effects
 * here synchronously. A microtask later (never a timer) everything staged so
 * far goes to the store as ONE batch; only after it commits are the events
 * emitted and the effects (e.g. starting an executor) run. While a commit is
 * in flight, new work accumulates into the next batch, so throughput grows
 * with load while a lone transition still costs a single store call.
 *
 * Repeated updates of the same row within a batch are merged into one
 * mutation (an attempt inserted and finished in the same batch becomes one
 * insert).
 *
 * Starts staged with {@link WriteQueue.beforeCommit} run when their batch is
 * sealed, just before it is written: the scheduler starts an executor there
 * when it is sure to own the run (see lease.ts), so the process starts while
 * its `running` state is being committed instead of after. They are first
 * journaled (pipelined-starts.ts, intent-log.ts: one write for the batch),
 * so that a crash before the commit cannot hide them from recovery. Events
 * still wait for the commit.
 *
 * The one exception to "a microtask later": {@link WriteQueue.updateAttemptSoon}
 * stages a record nothing is announced about (a shell attempt's process
 * group) to ride along with the next batch, committing it on its own only if
 * no other batch comes within a short delay — a chain of short shell steps
 * then needs one commit per step, not two.
 */
import type { Clock, TimerHandle } from "./clock";
import { eventPayload, type EventBus, type Logger, type RunEvent, type SideEvent } from "./events";
import { MemoryIntentLog, type IntentLog, type StartIntent } from "./intent-log";
import { PipelinedStarts, type AfterCommit } from "./pipelined-starts";
import type {
  AllocationRecord,
  EngineStore,
  LogChunkRecord,
  MetricSampleRecord,
  Mutation,
  RunPatch,
  RunRecord,
  TaskAttemptPatch,
  TaskAttemptRecord,
  TaskRunPatch,
  TaskRunRecord,
} from "./store";

interface Staged {
  runId: string;
  mutation: Mutation;
}

type Effect = AfterCommit;

/** Called with run ids this instance no longer owns (a fenced commit). */
export type FencedHandler = (runIds: string[]) => void;

/** The batching writer between the scheduler and the store. */
export class WriteQueue {
  private staged: Staged[] = [];
  private events: RunEvent[] = [];
  private side: SideEvent[] = [];
  private effects: Effect[] = [];
  private readonly early: PipelinedStarts;
  private runPatches = new Map<string, RunPatch>();
  private taskPatches = new Map<string, TaskRunPatch>();
  private attemptInserts = new Map<string, TaskAttemptRecord>();
  private attemptPatches = new Map<string, TaskAttemptPatch>();
  private logChunks: Staged | null = null;
  private samples: Staged | null = null;
  private scheduled = false;
  private flushing = false;
  /** Timer that flushes "soon" writes if nothing else does. */
  private soonTimer: TimerHandle | null = null;
  private idleWaiters: Array<() => void> = [];
  /** Runs whose insert is committed (their batches carry an ownership fence), with when ownership was last proven. */
  private readonly persistedRuns = new Map<string, number | null>();
  /** Runs dropped after a fence: everything staged for them is discarded. */
  private readonly lostRuns = new Set<string>();
  /** Successful store commits (diagnostics, tests). */
  commits = 0;

  constructor(
    private readonly store: EngineStore,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly instanceId: string,
    private readonly onFenced: FencedHandler,
    intents: IntentLog = new MemoryIntentLog(),
  ) {
    this.early = new PipelinedStarts(intents, instanceId, logger);
  }

  /** Marks a run as already persisted (recovered runs). */
  adoptPersistedRun(runId: string): void {
    this.persistedRuns.set(runId, null); // proven by its first fenced commit
    this.lostRuns.delete(runId);
  }

  /**
   * When this instance last proved it owned a persisted run (the start of
   * its last commit that succeeded, fenced or inserting it); undefined if
   * never, or lost.
   */
  provenAt(runId: string): number | undefined {
    return this.persistedRuns.get(runId) ?? undefined;
  }

  /** Forgets a finished or abandoned run's fence. */
  forgetRun(runId: string): void {
    this.persistedRuns.delete(runId);
  }

  insertRun(run: RunRecord): void {
    this.stage(run.id, { type: "run.insert", run });
  }

  updateRun(runId: string, patch: RunPatch): void {
    const existing = this.runPatches.get(runId);
    if (existing) Object.assign(existing, patch);
    else {
      const p = { ...patch };
      this.runPatches.set(runId, p);
      this.stage(runId, { type: "run.update", runId, patch: p });
    }
  }

  insertTasks(runId: string, tasks: TaskRunRecord[]): void {
    this.stage(runId, { type: "tasks.insert", tasks });
  }

  updateTask(runId: string, taskRunId: string, patch: TaskRunPatch): void {
    const existing = this.taskPatches.get(taskRunId);
    if (existing) Object.assign(existing, patch);
    else {
      const p = { ...patch };
      this.taskPatches.set(taskRunId, p);
      this.stage(runId, { type: "task.update", taskRunId, patch: p });
    }
  }

  insertAttempt(attempt: TaskAttemptRecord): void {
    const a = { ...attempt };
    this.attemptInserts.set(a.id, a);
    this.stage(a.runId, { type: "attempt.insert", attempt: a });
  }

  updateAttempt(runId: string, attemptId: string, patch: TaskAttemptPatch): void {
    const inserted = this.attemptInserts.get(attemptId);
    if (inserted) {
      Object.assign(inserted, patch);
      this.schedule(); // it may have been staged by updateAttemptSoon only
      return;
    }
    const existing = this.attemptPatches.get(attemptId);
    if (existing) {
      Object.assign(existing, patch);
      this.schedule();
    } else {
      const p = { ...patch };
      this.attemptPatches.set(attemptId, p);
      this.stage(runId, { type: "attempt.update", attemptId, patch: p });
    }
  }

  /**
   * Like {@link WriteQueue.updateAttempt}, for data that is not announced:
   * committed with the next batch, or on its own after `maxDelayMs` if no
   * batch comes (merged with the attempt's other updates meanwhile).
   */
  updateAttemptSoon(runId: string, attemptId: string, patch: TaskAttemptPatch, maxDelayMs: number): void {
    const inserted = this.attemptInserts.get(attemptId);
    const existing = this.attemptPatches.get(attemptId);
    if (inserted) Object.assign(inserted, patch);
    else if (existing) Object.assign(existing, patch);
    else {
      const p = { ...patch };
      this.attemptPatches.set(attemptId, p);
      this.staged.push({ runId, mutation: { type: "attempt.update", attemptId, patch: p } });
    }
    if (this.soonTimer === null && !this.scheduled && !this.flushing) {
      this.soonTimer = this.clock.setTimer(() => {
        this.soonTimer = null;
        this.schedule();
      }, maxDelayMs);
    }
  }

  insertAllocation(allocation: AllocationRecord): void {
    this.stage(allocation.runId, { type: "allocation.insert", allocation: { ...allocation } });
  }

  releaseAllocation(allocation: AllocationRecord): void {
    this.stage(allocation.runId, {
      type: "allocation.release",
      allocationId: allocation.id,
      releasedAt: allocation.releasedAt ?? this.clock.now(),
    });
  }

  releaseRunAllocations(runId: string, releasedAt: number): void {
    this.stage(runId, { type: "allocations.releaseRun", runId, releasedAt });
  }

  appendLog(chunk: LogChunkRecord): void {
    if (!this.logChunks) {
      this.logChunks = { runId: "", mutation: { type: "logs.append", chunks: [] } };
      this.staged.push(this.logChunks);
      this.schedule();
    }
    (this.logChunks.mutation as { chunks: LogChunkRecord[] }).chunks.push(chunk);
  }

  appendSample(sample: MetricSampleRecord): void {
    if (!this.samples) {
      this.samples = { runId: "", mutation: { type: "metrics.append", samples: [] } };
      this.staged.push(this.samples);
      this.schedule();
    }
    (this.samples.mutation as { samples: MetricSampleRecord[] }).samples.push(sample);
  }

  /** A state event, persisted with this batch and emitted after it commits. */
  event(event: RunEvent): void {
    this.events.push(event);
    this.schedule();
  }

  /** An event emitted after this batch commits (its record, if any, was staged separately). */
  sideEvent(event: SideEvent): void {
    this.side.push(event);
    this.schedule();
  }

  /** Runs `fn` after everything staged so far is committed (skipped if the run is lost). */
  after(runId: string | null, fn: () => void): void {
    this.effects.push({ runId, fn });
    this.schedule();
  }

  /**
   * An attempt start staged with the batch that records it: when the batch
   * is sealed, if `sure()` still holds, the intent is journaled and `start`
   * runs just before the batch is written; otherwise after the commit, like
   * {@link WriteQueue.after}. Skipped if the run is lost. What `start`
   * stages goes to the next batch.
   */
  beforeCommit(intent: StartIntent, start: () => void, sure: () => boolean): void {
    this.early.add({ intent, start, sure });
    this.schedule();
  }

  /** Resolves when nothing is staged or in flight. */
  whenIdle(): Promise<void> {
    if (!this.flushing && !this.scheduled && this.isEmpty()) return Promise.resolve();
    this.schedule(); // "soon" writes: nobody waits for them
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Whether work is staged or a commit is in flight. */
  get busy(): boolean {
    return this.flushing || this.scheduled || !this.isEmpty();
  }

  private stage(runId: string, mutation: Mutation): void {
    this.staged.push({ runId, mutation });
    this.schedule();
  }

  private isEmpty(): boolean {
    return this.staged.length === 0 && this.events.length === 0 && this.side.length === 0 && this.effects.length === 0 && this.early.size === 0;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (!this.isEmpty()) {
        if (this.soonTimer !== null) {
          this.clock.clearTimer(this.soonTimer); // the "soon" writes go with this batch
          this.soonTimer = null;
        }
        const staged = this.staged;
        const events = this.events;
        const side = this.side;
        const effects = this.effects;
        const early = this.early.take();
        this.staged = [];
        this.events = [];
        this.side = [];
        this.effects = [];
        this.runPatches.clear();
        this.taskPatches.clear();
        this.attemptInserts.clear();
        this.attemptPatches.clear();
        this.logChunks = null;
        this.samples = null;
        this.runEffects(this.early.sealed(early, (runId) => this.lostRuns.has(runId), effects));
        await this.commitBatch(staged, events);
        this.announce(events, side, effects);
      }
    } finally {
      this.flushing = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Commits until success; drops lost runs' writes after a fence. */
  private async commitBatch(staged: Staged[], events: RunEvent[]): Promise<void> {
    let entries = staged.filter((s) => !this.lostRuns.has(s.runId));
    let evs = events.filter((e) => !this.lostRuns.has(e.runId));
    let failures = 0;
    for (;;) {
      if (entries.length === 0 && evs.length === 0) return;
      const mutations = entries.map((s) => s.mutation);
      if (evs.length > 0) {
        mutations.push({
          type: "events.append",
          events: evs.map((e) => ({ runId: e.runId, seq: e.seq, ts: e.ts, type: e.type, payload: eventPayload(e) })),
        });
      }
      const fenced = new Set<string>();
      for (const s of entries) if (this.persistedRuns.has(s.runId)) fenced.add(s.runId);
      for (const e of evs) if (this.persistedRuns.has(e.runId)) fenced.add(e.runId);
      const startedAt = this.clock.now();
      try {
        const result = await this.store.commit({
          mutations,
          fence: fenced.size > 0 ? { instanceId: this.instanceId, runIds: [...fenced] } : undefined,
        });
        if (result.ok) {
          this.commits++;
          this.early.committed();
          for (const id of fenced) if (this.persistedRuns.has(id)) this.persistedRuns.set(id, startedAt);
          for (const s of entries) if (s.mutation.type === "run.insert") this.persistedRuns.set(s.runId, startedAt);
          return;
        }
        this.logger.warn("lost ownership of runs", { runIds: result.lostRunIds });
        for (const id of result.lostRunIds) {
          this.lostRuns.add(id);
          this.persistedRuns.delete(id);
        }
        entries = entries.filter((s) => !this.lostRuns.has(s.runId));
        evs = evs.filter((e) => !this.lostRuns.has(e.runId));
        this.onFenced(result.lostRunIds);
      } catch (err) {
        failures++;
        const delay = Math.min(5000, 50 * 2 ** Math.min(failures, 7));
        this.logger.error("store commit failed; retrying", { error: String(err), failures, retryInMs: delay });
        await new Promise<void>((resolve) => this.clock.setTimer(resolve, delay));
      }
    }
  }

  private announce(events: RunEvent[], side: SideEvent[], effects: Effect[]): void {
    for (const e of events) if (!this.lostRuns.has(e.runId)) this.bus.emit(e);
    for (const e of side) {
      const runId = "runId" in e ? e.runId : e.type === "allocation" ? e.allocation.runId : null;
      if (runId === null || !this.lostRuns.has(runId) || e.type === "run.lost") this.bus.emit(e);
    }
    this.runEffects(effects);
  }

  private runEffects(effects: Effect[]): void {
    for (const f of effects) {
      if (f.runId !== null && this.lostRuns.has(f.runId)) continue;
      try {
        f.fn();
      } catch (err) {
        this.logger.error("store effect threw", { error: String(err) });
      }
    }
  }
}
