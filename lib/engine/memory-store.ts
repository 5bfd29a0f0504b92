/**
 * In-memory {@link EngineStore} for unit tests, simulation and the CLI's
 * `--no-db` mode. Semantics match the SQL implementation: batches are atomic
 * (validated first, then applied), fences are checked, `(taskRunId, attempt)`
 * and `(runId, seq)` are unique. Records are copied on the way in and out so
 * callers cannot mutate stored state by accident.
 */
import type {
  AllocationRecord,
  ClaimableRunsQuery,
  ClaimRunInput,
  CommitResult,
  ControlRequest,
  EngineInstanceRecord,
  EngineStore,
  LogChunkRecord,
  MetricSampleRecord,
  Mutation,
  PageQuery,
  RunEventRecord,
  RunStatus,
  RunRecord,
  StoreBatch,
  TaskAttemptRecord,
  TaskRunRecord,
} from "./store";
import { FINAL_RUN_STATUSES } from "./store";

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** Copy records in and out (default true). Turn off for speed in benchmarks/simulation. */
  copy?: boolean;
}

/** An in-memory engine store. */
export class MemoryStore implements EngineStore {
  readonly runs = new Map<string, RunRecord>();
  readonly tasks = new Map<string, TaskRunRecord>();
  readonly tasksByRun = new Map<string, string[]>();
  readonly attempts = new Map<string, TaskAttemptRecord>();
  readonly attemptsByRun = new Map<string, string[]>();
  readonly attemptKeys = new Set<string>();
  readonly events = new Map<string, RunEventRecord[]>();
  readonly logs = new Map<string, LogChunkRecord[]>();
  readonly allocations = new Map<string, AllocationRecord>();
  readonly metrics = new Map<string, MetricSampleRecord[]>();
  readonly instances = new Map<string, EngineInstanceRecord>();
  /** Number of successful commits (tests assert batching with it). */
  commits = 0;
  /** When set, the next commit throws this error once (tests of store failures). */
  failNextCommit: Error | null = null;
  private readonly copy: boolean;

  constructor(options: MemoryStoreOptions = {}) {
    this.copy = options.copy ?? true;
  }

  private c<T>(value: T): T {
    return this.copy ? structuredClone(value) : value;
  }

  async commit(batch: StoreBatch): Promise<CommitResult> {
    if (this.failNextCommit) {
      const err = this.failNextCommit;
      this.failNextCommit = null;
      throw err;
    }
    if (batch.fence) {
      const lost = batch.fence.runIds.filter((id) => {
        const run = this.runs.get(id);
        return run !== undefined && run.ownerInstanceId !== batch.fence!.instanceId;
      });
      if (lost.length > 0) return { ok: false, reason: "fenced", lostRunIds: lost };
    }
    this.check(batch.mutations);
    for (const m of batch.mutations) this.apply(m);
    this.commits++;
    return { ok: true };
  }

  /** Rejects a batch that would violate a constraint, before anything is applied. */
  private check(mutations: Mutation[]): void {
    const newAttempts = new Set<string>();
    for (const m of mutations) {
      if (m.type === "run.insert" && this.runs.has(m.run.id)) throw new Error(`duplicate run ${m.run.id}`);
      if (m.type === "attempt.insert") {
        const key = `${m.attempt.taskRunId}#${m.attempt.attempt}`;
        if (this.attemptKeys.has(key) || newAttempts.has(key)) throw new Error(`duplicate attempt ${key}`);
        newAttempts.add(key);
      }
    }
  }

  private apply(m: Mutation): void {
    switch (m.type) {
      case "run.insert":
        this.runs.set(m.run.id, this.c(m.run));
        return;
      case "run.update": {
        const run = this.runs.get(m.runId);
        if (run) Object.assign(run, this.c(m.patch));
        return;
      }
      case "tasks.insert":
        for (const t of m.tasks) {
          this.tasks.set(t.id, this.c(t));
          let list = this.tasksByRun.get(t.runId);
          if (!list) this.tasksByRun.set(t.runId, (list = []));
          list.push(t.id);
        }
        return;
      case "task.update": {
        const task = this.tasks.get(m.taskRunId);
        if (task) Object.assign(task, this.c(m.patch));
        return;
      }
      case "attempt.insert": {
        const a = m.attempt;
        this.attempts.set(a.id, this.c(a));
        this.attemptKeys.add(`${a.taskRunId}#${a.attempt}`);
        let list = this.attemptsByRun.get(a.runId);
        if (!list) this.attemptsByRun.set(a.runId, (list = []));
        list.push(a.id);
        return;
      }
      case "attempt.update": {
        const a = this.attempts.get(m.attemptId);
        if (a) Object.assign(a, this.c(m.patch));
        return;
      }
      case "events.append":
        for (const e of m.events) push(this.events, e.runId, this.c(e));
        return;
      case "logs.append":
        for (const l of m.chunks) push(this.logs, l.runId, this.c(l));
        return;
      case "allocation.insert":
        this.allocations.set(m.allocation.id, this.c(m.allocation));
        return;
      case "allocation.release": {
        const a = this.allocations.get(m.allocationId);
        if (a && a.releasedAt === null) a.releasedAt = m.releasedAt;
        return;
      }
      case "allocations.releaseRun":
        for (const a of this.allocations.values()) {
          if (a.runId === m.runId && a.releasedAt === null) a.releasedAt = m.releasedAt;
        }
        return;
      case "metrics.append":
        for (const s of m.samples) push(this.metrics, s.taskRunId, this.c(s));
        return;
      default: {
        const never: never = m;
        throw new Error(`unknown mutation ${JSON.stringify(never)}`);
      }
    }
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    const run = this.runs.get(runId);
    return run ? this.c(run) : null;
  }

  async listTaskRuns(runId: string): Promise<TaskRunRecord[]> {
    return (this.tasksByRun.get(runId) ?? []).map((id) => this.c(this.tasks.get(id)!));
  }

  async listAttempts(runId: string): Promise<TaskAttemptRecord[]> {
    return (this.attemptsByRun.get(runId) ?? []).map((id) => this.c(this.attempts.get(id)!));
  }

  async listEvents(runId: string, page: PageQuery = {}): Promise<RunEventRecord[]> {
    const after = page.afterSeq ?? 0;
    const all = (this.events.get(runId) ?? []).filter((e) => e.seq > after);
    return this.c(page.limit === undefined ? all : all.slice(0, page.limit));
  }

  async lastEventSeq(runId: string): Promise<number> {
    const list = this.events.get(runId);
    return list && list.length > 0 ? list[list.length - 1]!.seq : 0;
  }

  async listLogs(
    runId: string,
    query: { taskRunId?: string; attempt?: number; limit?: number } = {},
  ): Promise<LogChunkRecord[]> {
    const all = (this.logs.get(runId) ?? []).filter(
      (l) =>
        (query.taskRunId === undefined || l.taskRunId === query.taskRunId) &&
        (query.attempt === undefined || l.attempt === query.attempt),
    );
    return this.c(query.limit === undefined ? all : all.slice(0, query.limit));
  }

  async listOpenAllocations(runId?: string): Promise<AllocationRecord[]> {
    const out: AllocationRecord[] = [];
    for (const a of this.allocations.values()) {
      if (a.releasedAt === null && (runId === undefined || a.runId === runId)) out.push(this.c(a));
    }
    return out;
  }

  async listMetricSamples(taskRunId: string, attempt?: number): Promise<MetricSampleRecord[]> {
    const all = this.metrics.get(taskRunId) ?? [];
    return this.c(attempt === undefined ? all : all.filter((s) => s.attempt === attempt));
  }

  async upsertInstance(instance: EngineInstanceRecord): Promise<void> {
    this.instances.set(instance.id, { ...instance });
  }

  async heartbeat(instanceId: string, at: number): Promise<boolean> {
    const inst = this.instances.get(instanceId);
    if (!inst) return false;
    inst.heartbeatAt = at;
    return true;
  }

  async removeInstance(instanceId: string): Promise<void> {
    this.instances.delete(instanceId);
  }

  async getInstance(instanceId: string): Promise<EngineInstanceRecord | null> {
    const inst = this.instances.get(instanceId);
    return inst ? { ...inst } : null;
  }

  private ownerIsDeadOrMine(run: RunRecord, instanceId: string, expiredBefore: number): boolean {
    if (run.ownerInstanceId === null || run.ownerInstanceId === instanceId) return true;
    const owner = this.instances.get(run.ownerInstanceId);
    return owner === undefined || owner.heartbeatAt < expiredBefore;
  }

  async listClaimableRuns(query: ClaimableRunsQuery): Promise<RunRecord[]> {
    const out: RunRecord[] = [];
    for (const run of this.runs.values()) {
      if (FINAL_RUN_STATUSES.includes(run.status)) continue;
      if (!this.ownerIsDeadOrMine(run, query.instanceId, query.expiredBefore)) continue;
      out.push(this.c(run));
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  async claimRun(input: ClaimRunInput): Promise<boolean> {
    const run = this.runs.get(input.runId);
    if (!run || FINAL_RUN_STATUSES.includes(run.status)) return false;
    if (!this.ownerIsDeadOrMine(run, input.instanceId, input.expiredBefore)) return false;
    run.ownerInstanceId = input.instanceId;
    return true;
  }

  async requestControl(input: { runId: string; request: ControlRequest }): Promise<boolean> {
    const run = this.runs.get(input.runId);
    if (!run || FINAL_RUN_STATUSES.includes(run.status)) return false;
    run.controlRequest = { ...input.request };
    return true;
  }

  async takeControlRequests(
    instanceId: string,
    runIds?: readonly string[],
  ): Promise<Array<{ runId: string; request: ControlRequest }>> {
    const out: Array<{ runId: string; request: ControlRequest }> = [];
    const only = runIds ? new Set(runIds) : null;
    for (const run of this.runs.values()) {
      if (run.ownerInstanceId !== instanceId || !run.controlRequest || FINAL_RUN_STATUSES.includes(run.status)) continue;
      if (only && !only.has(run.id)) continue;
      out.push({ runId: run.id, request: run.controlRequest });
      run.controlRequest = null;
    }
    return out;
  }

  async reopenRun(input: { runId: string; instanceId: string; from?: readonly RunStatus[] }): Promise<boolean> {
    const run = this.runs.get(input.runId);
    if (!run || !(input.from ?? ["failed", "cancelled"]).includes(run.status)) return false;
    run.status = "running";
    run.ownerInstanceId = input.instanceId;
    run.finishedAt = null;
    return true;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(value);
}
