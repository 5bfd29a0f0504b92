/**
 * The executor port: how one attempt of one step is carried out.
 *
 * The engine owns timeouts (through its Clock) and aborts `ctx.signal` on
 * timeout or cancel; executors must stop promptly when it fires (a shell
 * executor kills its process group) and then resolve. Expected failures are
 * returned as values; a thrown error is converted to `reason: "error"`.
 */
import type { StepDefinition } from "../definition";
import type { Json, LogStream } from "../store";

/** Why an attempt did not succeed (scheduler and UI switch over it). */
export type FailureReason =
  | "exit-non-zero"
  | "signal"
  | "timeout"
  | "aborted"
  | "http-status"
  | "network"
  | "spawn-failed"
  | "invalid-config"
  | "lost"
  | "error";

/** Resource usage measured for an attempt (shell: whole process tree). */
export interface AttemptUsage {
  cpuSeconds: number | null;
  peakMemoryMb: number | null;
}

/** Reported with an outcome, not through `processStarted`, when the process had ended before its start was known. */
interface OutcomeProcess {
  process?: AttemptProcess;
}

/** Result of one attempt. */
export type StepOutcome =
  | ({ ok: true; outputs: Record<string, Json>; exitCode?: number } & Partial<AttemptUsage> & OutcomeProcess)
  | ({
      ok: false;
      reason: FailureReason;
      message: string;
      exitCode?: number;
      outputs?: Record<string, Json>;
    } & Partial<AttemptUsage> &
      OutcomeProcess);

/**
 * The OS processes of an attempt, as recorded on the attempt row when they
 * start, so that after a crash an instance on the same host can find them.
 */
export interface AttemptProcess {
  /** Process group id (the group leader's pid; shell steps run in their own group). */
  processGroupId: number;
  /** Opaque start identity of the leader (Linux: `"<boot id>:<starttime ticks>"`); null if unknown. */
  processStartTime: string | null;
}

/** An attempt lost with its engine instance, as recorded (see {@link Executor.terminateOrphan}). */
export interface LostAttempt {
  runId: string;
  taskRunId: string;
  stepId: string;
  attempt: number;
  /** Null if the engine died before the process group was recorded. */
  processGroupId: number | null;
  processStartTime: string | null;
}

/** What {@link Executor.terminateOrphan} found and did. */
export type OrphanOutcome =
  /** Nothing of the attempt was running any more (or the pid now belongs to another process). */
  | { status: "gone" }
  /** Its processes were running and are gone now. */
  | { status: "killed"; signal: "SIGTERM" | "SIGKILL"; pids: number[] }
  /** Still alive after SIGKILL and the grace period (e.g. stuck in the kernel, or not ours to kill). */
  | { status: "survived"; pids: number[] }
  /** Cannot tell whether the processes are the attempt's (no start identity, no /proc). */
  | { status: "unverifiable"; message: string };

/** Everything an executor gets for one attempt. */
export interface ExecutionContext {
  runId: string;
  taskRunId: string;
  stepId: string;
  /** 1-based attempt number. */
  attempt: number;
  step: StepDefinition;
  /** Resolved run params. */
  params: Record<string, string>;
  /** Working directory for shell steps; null = the process's cwd. */
  workingDir: string | null;
  /** Outputs of the step's direct dependencies, by step id. */
  upstreamOutputs: Record<string, Record<string, Json>>;
  /** Aborted on timeout, cancel or engine shutdown. `signal.reason` is a string cause. */
  signal: AbortSignal;
  /** The step's timeout, for executors that pass it on (e.g. HTTP); the engine enforces it anyway. */
  timeoutMs: number | null;
  /** Streams output; chunks keep their order across both streams. */
  log(stream: LogStream, text: string): void;
  /** Reports a CPU/memory sample of the attempt. */
  sample(cpuPercent: number, rssMb: number): void;
  /**
   * Reports the attempt's process group once spawned (persisted on the
   * attempt, used by crash recovery). Optional for callers outside the engine.
   */
  processStarted?(process: AttemptProcess): void;
}

/** Runs attempts of one step kind. */
export interface Executor {
  execute(ctx: ExecutionContext): Promise<StepOutcome>;
  /**
   * Crash recovery: an attempt of this kind was lost with its engine instance
   * on THIS host; if its processes still run, kill them (TERM, then KILL after
   * a grace period) and resolve once they are gone. Executors that start no
   * OS processes leave it out.
   */
  terminateOrphan?(attempt: LostAttempt): Promise<OrphanOutcome>;
  /**
   * Prepares what the first attempt would otherwise wait for (shell: starts
   * the spawn helper). Called when the engine starts; never throws.
   */
  warm?(): void;
  /** Releases what `warm` or attempts set up (shell: lets the idle spawn helper exit). Called when the engine stops. */
  dispose?(): void;
}

/** Executors by step kind. */
export type ExecutorRegistry = Readonly<Record<string, Executor | undefined>>;
