/**
 * The default executor set: shell, http, delay, noop.
 */
import type { Clock } from "../clock";
import { createDelayExecutor } from "./delay";
import { createHttpExecutor, type HttpExecutorOptions } from "./http";
import { noopExecutor } from "./noop";
import { createShellExecutor, type ShellExecutorOptions } from "./shell";
import type { Executor, ExecutorRegistry } from "./types";

/** Options of {@link defaultExecutors}. */
export interface DefaultExecutorsOptions {
  shell?: ShellExecutorOptions;
  http?: HttpExecutorOptions;
  /** Clock of delay steps (default real time). */
  clock?: Clock;
  /** Extra or replacement executors by kind. */
  extra?: Record<string, Executor>;
}

/** Executors for every built-in step kind. */
export function defaultExecutors(options: DefaultExecutorsOptions = {}): ExecutorRegistry {
  return {
    shell: createShellExecutor(options.shell),
    http: createHttpExecutor(options.http),
    delay: createDelayExecutor(options.clock),
    noop: noopExecutor,
    ...options.extra,
  };
}

/** Calls a lifecycle hook (`warm`, `dispose`) once per distinct executor; a hook that throws is logged, not thrown. */
export function eachExecutor(executors: ExecutorRegistry, onError: (err: unknown) => void, fn: (executor: Executor) => void): void {
  for (const executor of new Set(Object.values(executors))) {
    if (!executor) continue;
    try {
      fn(executor);
    } catch (err) {
      onError(err);
    }
  }
}
