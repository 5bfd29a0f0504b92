/**
 * The spawn helpers available on this machine: how to launch each (for
 * `HelperSpawner`), and which spawner shell steps will use, for health
 * reports — found without blocking the event loop (the native helper built
 * with `prepareNativeHelper`, python3 probed in a child process). A helper
 * that dies at run time falls back on its own; this says what is expected.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { nativeHelperBinary, prepareNativeHelper, RETRY_FAILED_MS } from "./native-helper";
import type { SpawnerMode } from "./spawner";
import { SPAWN_HELPER_SOURCE } from "./spawn-helper-source";

/** How to start a helper process: its name (the spawner's mode) and command line, or why it cannot. */
export interface HelperLauncher {
  name: string;
  command(): { file: string; args: string[] } | { unavailable: string };
  /** Does what `command()` would otherwise do synchronously, without blocking (a build). */
  prepare?(): Promise<unknown>;
}

/** The native helper, compiled on first use (native-helper.ts). */
export const nativeLauncher: HelperLauncher = {
  name: "native",
  command() {
    const bin = nativeHelperBinary();
    return "path" in bin ? { file: bin.path, args: [] } : bin;
  },
  prepare: prepareNativeHelper,
};

/** The Python helper, run from source with `python` (default `python3`). */
export function pythonLauncher(python = "python3"): HelperLauncher {
  return { name: "python", command: () => ({ file: python, args: ["-c", SPAWN_HELPER_SOURCE] }) };
}

/** The spawner a mode ends up with and, if not the native helper, why. */
export interface SpawnerAvailability {
  mode: "native" | "python" | "inline";
  reason: string | null;
}

const execFileAsync = promisify(execFile);
let python: { ok: Promise<boolean>; failedAt?: number } | undefined;

/** Whether python3 with `os.posix_spawn` runs here (memoized; a failure for {@link RETRY_FAILED_MS}). */
function pythonWorks(): Promise<boolean> {
  if (!python || (python.failedAt !== undefined && Date.now() - python.failedAt >= RETRY_FAILED_MS)) {
    const probe: { ok: Promise<boolean>; failedAt?: number } = {
      ok: execFileAsync("python3", ["-c", "import os; assert hasattr(os, 'posix_spawn')"], { timeout: 10_000 }).then(
        () => true,
        () => {
          probe.failedAt = Date.now();
          return false;
        },
      ),
    };
    python = probe;
  }
  return python.ok;
}

/**
 * Which spawner `requested` (see `createSpawner`) will use: `auto` tries
 * native, python, then inline; `native` and `python` fall back to inline
 * only. May build the native helper (once, without blocking).
 */
export async function spawnerAvailability(requested: SpawnerMode = "auto"): Promise<SpawnerAvailability> {
  if (process.platform === "win32") return { mode: "inline", reason: "no spawn helper on Windows" };
  if (requested === "inline") return { mode: "inline", reason: "shell steps are set to spawn from the engine's process" };
  const noPython = "no python3 with posix_spawn";
  if (requested === "python") return (await pythonWorks()) ? { mode: "python", reason: null } : { mode: "inline", reason: noPython };
  const native = await prepareNativeHelper();
  if ("path" in native) return { mode: "native", reason: null };
  if (requested === "native") return { mode: "inline", reason: native.unavailable };
  return (await pythonWorks()) ? { mode: "python", reason: native.unavailable } : { mode: "inline", reason: `${native.unavailable}; ${noPython}` };
}
