/**
 * Shared services of one engine instance, passed to its internal parts.
 */
import type { Clock } from "./clock";
import type { EventBus, Logger } from "./events";
import type { ExecutorRegistry } from "./executors/types";
import type { IntentLog } from "./intent-log";
import type { Lease } from "./lease";
import type { ResourcePools } from "./resources";
import type { WriteQueue } from "./write-queue";

/** Tunables with defaults applied. */
export interface ResolvedEngineOptions {
  /** Most attempts running at once on this instance (all runs). */
  maxConcurrentTasks: number;
  /** cpu slots a shell step takes when it declares none. */
  defaultShellCpu: number;
  /** After aborting an attempt, settle it anyway if the executor has not returned after this long. */
  abortSettleMs: number;
  heartbeatIntervalMs: number;
  heartbeatExpiryMs: number;
  /** Take over runs of dead instances (checked every heartbeat). */
  adoptOrphans: boolean;
  controlPollIntervalMs: number;
}

/** Services shared by the scheduler, transitions, recovery and runner. */
export interface EngineContext {
  readonly clock: Clock;
  readonly writer: WriteQueue;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly pools: ResourcePools;
  readonly executors: ExecutorRegistry;
  readonly instanceId: string;
  /** Host name of this instance (recorded on attempts; crash recovery compares it). */
  readonly host: string;
  readonly random: () => number;
  readonly options: ResolvedEngineOptions;
  /** This instance's certainty of owning its runs (heartbeats). */
  readonly lease: Lease;
  /** Host-local journal of pipelined starts (read by recovery). */
  readonly intents: IntentLog;
}
