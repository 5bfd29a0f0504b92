/**
 * Shared by the executors' integration tests (real processes).
 */
import { execFileSync } from "node:child_process";

/** Polls `fn` every 20 ms until it returns something truthy (returned), or throws after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether `python3` with `os.posix_spawn` (the Python spawn helper) can run here. */
export const hasPython = (() => {
  try {
    execFileSync("python3", ["-c", "import os; assert hasattr(os, 'posix_spawn')"]);
    return true;
  } catch {
    return false;
  }
})();
