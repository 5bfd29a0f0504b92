/**
 * Options, inputs and results of the public {@link Engine} API.
 */
import type { Clock } from "./clock";
import type { Logger } from "./events";
import type { ExecutorRegistry } from "./executors/types";
import type { IntentLog } from "./intent-log";
import type { EngineStore, RunTrigger } from "./store";
import type { ValidationProblem } from "./validate";

/** Constructor options of `Engine`. Only `store` and `executors` are required. */
export interface EngineOptions {
  store: EngineStore;
  executors: ExecutorRegistry;
  clock?: Clock;
  logger?: Logger;
  /**
   * Host-local journal of attempts started while their record is committed
   * (intent-log.ts); default a file per instance under `<tmpdir>/myrmex-intents`.
   */
  intentLog?: IntentLog;
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
  /** How often controls left by other instances for this one's runs are checked (default 1 s). */
  controlPollIntervalMs?: number;
  /** Take over runs of dead instances on every heartbeat (default true). */
  adoptOrphans?: boolean;
  /** Jitter source (default Math.random). */
  random?: () => number;
  /** Run id generator (default UUID). */
  newRunId?: () => string;
}

/** Input of `Engine.startRun`. */
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

/** Result of `Engine.startRun`. */
export type StartRunResult =
  | { ok: true; runId: string }
  | { ok: false; reason: "invalid-definition"; problems: ValidationProblem[] }
  | { ok: false; reason: "missing-params"; missing: string[] };

/** What `Engine.recover` did. */
export interface RecoveryReport {
  recovered: string[];
  skipped: string[];
}
