/**
 * `delay` steps: wait `delayMs` / `delaySec`, abortable. The timer comes from
 * a Clock so simulations and tests can use virtual time.
 */
import { RealClock, type Clock } from "../clock";
import { delayMsOf } from "../definition";
import type { Executor, StepOutcome } from "./types";

/** Creates a delay executor on the given clock (default: real time). */
export function createDelayExecutor(clock: Clock = new RealClock()): Executor {
  return {
    execute(ctx): Promise<StepOutcome> {
      const ms = delayMsOf(ctx.step);
      if (ctx.signal.aborted) return Promise.resolve({ ok: false, reason: "aborted", message: "aborted" });
      return new Promise<StepOutcome>((resolve) => {
        const onAbort = () => {
          clock.clearTimer(timer);
          resolve({ ok: false, reason: "aborted", message: "aborted" });
        };
        const timer = clock.setTimer(() => {
          ctx.signal.removeEventListener("abort", onAbort);
          resolve({ ok: true, outputs: { delayedMs: ms } });
        }, ms);
        ctx.signal.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}
