/**
 * The engine's typed event stream. Run-scoped state events carry a per-run
 * `seq` and are stored as {@link RunEventRecord}s in the same transaction as
 * the state change they announce; they are emitted only after that commit.
 * Log lines, allocations and samples are stored in their own tables and
 * emitted after their commit too. Listeners that throw are logged, never
 * allowed to break the engine.
 */
import type {
  AllocationRecord,
  EpochMs,
  Json,
  LogChunkRecord,
  MetricSampleRecord,
  RunMetrics,
  RunStatus,
  RunTrigger,
  TaskStatus,
  WaitReason,
} from "./store";

/** Who performed a control action (user id, `cli`, `system`…), or null. */
export type Actor = string | null;

/** Run controls recorded with who and when. */
export type RunControlAction = "pause" | "resume" | "cancel" | "retry";

/**
 * Crash recovery's finding about the processes of one lost attempt (none is
 * reported when they had all ended): `killed` (were still running on this
 * host, now gone), `survived` (still alive after SIGKILL: not retried),
 * `unverifiable` (same host, identity cannot be checked), `other-host` (ran
 * on another host: may still be running there).
 */
export interface LostAttemptReport {
  stepId: string;
  attempt: number;
  host: string | null;
  processGroupId: number | null;
  outcome: "killed" | "survived" | "unverifiable" | "other-host";
  signal?: "SIGTERM" | "SIGKILL";
  pids?: number[];
  message?: string;
}

/** State events, persisted in the run's event log. */
export type RunEventBody =
  | {
      type: "run.created";
      workflowVersionId: string;
      trigger: RunTrigger;
      triggeredBy: string | null;
      params: Record<string, string>;
      stepCount: number;
    }
  | { type: "run.status"; status: RunStatus; previous: RunStatus; error?: string | null; metrics?: RunMetrics | null }
  | { type: "run.control"; action: RunControlAction; by: Actor }
  /** "Rerun from a step": `rerun` run again (topological order), `keep` keep their results. */
  | { type: "run.rerun"; stepId: string; rerun: string[]; keep: string[]; by: Actor }
  | {
      type: "run.recovered";
      instanceId: string;
      previousOwner: string | null;
      lostAttempts: number;
      /** What was found/done about lost attempts' processes still running (absent if none). */
      lostAttemptProcesses?: LostAttemptReport[];
    }
  | {
      type: "task.status";
      taskRunId: string;
      stepId: string;
      status: TaskStatus;
      previous: TaskStatus;
      attempt: number;
      waitReason?: WaitReason | null;
      /** Failure reason of the attempt that just ended (`exit-non-zero`, `timeout`, `lost`…). */
      reason?: string | null;
      error?: string | null;
      exitCode?: number | null;
      outputs?: Record<string, Json> | null;
    };

/** A persisted state event as emitted. */
export type RunEvent = RunEventBody & { runId: string; seq: number; ts: EpochMs };

/** Events stored elsewhere (logs, allocations, samples) or not stored. */
export type SideEvent =
  | ({ type: "log"; stepId: string } & LogChunkRecord)
  | { type: "allocation"; action: "acquired" | "released"; allocation: AllocationRecord; ts: EpochMs }
  | ({ type: "sample"; runId: string; stepId: string } & MetricSampleRecord)
  /** This instance lost ownership of the run (another instance took it over); not persisted. */
  | { type: "run.lost"; runId: string; ts: EpochMs }
  /** A pool's capacity changed (instance-wide). */
  | { type: "pool.capacity"; pool: string; capacity: number; ts: EpochMs };

/** Everything a subscriber can receive. */
export type EngineEvent = RunEvent | SideEvent;

/** A subscriber. */
export type EngineListener = (event: EngineEvent) => void;

/** Minimal structured logger port. */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Fan-out to listeners with per-listener isolation. */
export class EventBus {
  private listeners: EngineListener[] = [];

  constructor(private readonly logger: Logger) {}

  subscribe(listener: EngineListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get size(): number {
    return this.listeners.length;
  }

  emit(event: EngineEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.logger.error("event listener threw", { type: event.type, error: String(err) });
      }
    }
  }
}

/** The JSON payload stored for a run event (everything but the envelope). */
export function eventPayload(event: RunEvent): Json {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { runId, seq, ts, type, ...payload } = event;
  return payload as unknown as Json;
}
