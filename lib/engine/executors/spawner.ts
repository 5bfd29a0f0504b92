/**
 * How the shell executor starts processes.
 *
 * - `inline`: `child_process.spawn` in the engine's own process. On Linux,
 *   libuv implements it with fork(), which copies the engine's page tables
 *   and blocks the event loop while it does: ≈ 2–3 ms per step in a 150 MiB
 *   engine, more inside a big web server.
 * - helper: a small long-lived helper process (started once) spawns with
 *   posix_spawn() — vfork-like, constant cost whatever the engine's size —
 *   and relays output and exit status over its stdin/stdout (binary frames,
 *   helper-protocol.ts). The engine never forks per step and its event loop
 *   is not blocked. Two implementations of the same helper:
 *   - `native`: C, compiled once per machine and cached (native-helper.ts);
 *     ≈ 0.1 ms per step over a bare posix_spawn loop;
 *   - `python`: python3 ≥ 3.8, when there is no C compiler.
 *
 * Both give the same semantics: `/bin/sh -c` in its own session and process
 * group (pgid = pid), stdin /dev/null, default signal dispositions, stdout and
 * stderr streamed in arrival order (UTF-8 decoded per stream), the exit code or
 * signal once the process has exited and its output is drained (at most
 * {@link DRAIN_MS} after exit: background processes holding the pipes are not
 * waited for). Killing, sampling and orphan handling use the pid (= group id)
 * and stay in the engine.
 *
 * `auto` (the default) tries native, then python, then inline — each falls
 * back to the next when it cannot start, or for good after it died 3 times.
 */
import type { LogStream } from "../store";
import { HelperSpawner } from "./helper-spawner";
import { inlineSpawner } from "./inline-spawner";
import { nativeLauncher, pythonLauncher } from "./spawner-availability";

export { DRAIN_MS, inlineSpawner } from "./inline-spawner";
export { HELPER_DIED_BEFORE_START, HelperSpawner, type HelperSpawnerOptions } from "./helper-spawner";
export { nativeLauncher, pythonLauncher, type HelperLauncher } from "./spawner-availability";

/** What to start. */
export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string | null;
  /**
   * The environment is `env` on top of `baseEnv` (when given). Pass the same
   * `baseEnv` object to every spawn: a helper receives it once, and each
   * spawn then carries only its own variables.
   */
  baseEnv?: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
}

/** How a started process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** CPU seconds of the process and the descendants it waited for (helper: from wait4), if known. */
  cpuSeconds?: number;
}

/** A started process, as {@link SpawnedProcess.started} reports it. */
export interface Started {
  pid: number;
  startIdentity?: string | null;
  exited?: boolean;
}

/** A process being started. */
export interface SpawnedProcess {
  /**
   * The pid (= its process group id) and, if the spawner read it, its start
   * identity (see process-tree.ts `processStartIdentity`) and whether the
   * process had already ended when its start was reported (`exited` then
   * resolves at once); or why it could not start.
   */
  readonly started: Promise<Started | { error: string }>;
  /** Resolves once it exited and its output was drained (never if it did not start). */
  readonly exited: Promise<ProcessExit>;
}

/** Starts processes for the shell executor. */
export interface ProcessSpawner {
  /** `native`, `python` or `inline` (for diagnostics: what it uses now). */
  readonly mode: string;
  spawn(req: SpawnRequest, onOutput: (stream: LogStream, text: string) => void): SpawnedProcess;
  /** Gets ready for the first spawn ahead of time (a helper starts its process). */
  warm?(): void;
  /** Lets an idle helper exit (a later spawn starts a new one). */
  close?(): void;
}

/** Which spawner; see the module header. */
export type SpawnerMode = "auto" | "native" | "python" | "inline";

/**
 * The spawner for a mode (new helpers per call; share the result). `native`
 * and `python` fall back to inline only; `auto` chains native → python → inline.
 */
export function createSpawner(mode: SpawnerMode = "auto", onUnavailable?: (reason: string) => void): ProcessSpawner {
  if (mode === "inline" || process.platform === "win32") return inlineSpawner;
  const python = new HelperSpawner({ launcher: pythonLauncher(), onUnavailable });
  if (mode === "python") return python;
  return new HelperSpawner({ launcher: nativeLauncher, onUnavailable, fallback: mode === "auto" ? python : inlineSpawner });
}
