/**
 * Retry decisions and backoff delays (pure functions).
 */
import type { ResolvedRetry } from "./definition";

/** Why an attempt ended without success (the scheduler switches over it). */
export type AttemptFailure = "failed" | "timed_out" | "lost";

/**
 * Delay before attempt `nextAttempt` (2, 3, …), in milliseconds.
 * fixed: `delaySec`; exponential: `delaySec · 2^(nextAttempt − 2)`; both
 * capped by `maxDelaySec`, then `jitter` (0–1) removes a random fraction:
 * `delay · (1 − jitter · random)`. `random` is injectable for tests.
 */
export function backoffDelayMs(policy: ResolvedRetry, nextAttempt: number, random: () => number = Math.random): number {
  const n = Math.max(0, nextAttempt - 2);
  const base = policy.backoff === "fixed" ? policy.delaySec : policy.delaySec * Math.pow(2, Math.min(n, 60));
  const capped = Math.min(base, policy.maxDelaySec);
  const jittered = capped * (1 - policy.jitter * clamp01(random()));
  return Math.max(0, Math.round(jittered * 1000));
}

/**
 * Whether another attempt is allowed after `failures` counted failures
 * (failed, timed out, lost). Timeouts retry only with `retryOnTimeout`.
 */
export function shouldRetry(policy: ResolvedRetry, failures: number, failure: AttemptFailure): boolean {
  if (failures >= policy.maxAttempts) return false;
  switch (failure) {
    case "failed":
    case "lost":
      return true;
    case "timed_out":
      return policy.retryOnTimeout;
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
