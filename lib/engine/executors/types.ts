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

/** Result of one attempt. */
export type StepOutcome =
  | ({ ok: true; outputs: Record<string, Json>; exitCode?: number } & Partial<AttemptUsage>)
  | ({
      ok: false;
      reason: FailureReason;
      message: string;
      exitCode?: number;
      outputs?: Record<string, Json>;
    } & Partial<AttemptUsage>);

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
}

/** Runs attempts of one step kind. */
export interface Executor {
  execute(ctx: ExecutionContext): Promise<StepOutcome>;
}

/** Executors by step kind. */
export type ExecutorRegistry = Readonly<Record<string, Executor | undefined>>;
