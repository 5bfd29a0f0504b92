/**
 * `noop` steps: succeed at once with no outputs (structure, joins, benchmarks).
 */
import type { Executor, StepOutcome } from "./types";

const DONE: Promise<StepOutcome> = Promise.resolve({ ok: true, outputs: {} });
const ABORTED: Promise<StepOutcome> = Promise.resolve({ ok: false, reason: "aborted", message: "aborted" });

/** The noop executor. */
export const noopExecutor: Executor = {
  execute: (ctx) => (ctx.signal.aborted ? ABORTED : DONE),
};
