/**
 * `shell` steps: `/bin/sh -c <run>` in its own process group (detached),
 * cwd = the run's working directory, env = inherited env + step env +
 * `MYRMEX_PARAM_<NAME>` per param + `MYRMEX_OUT_<STEP>_<KEY>` per upstream
 * output + `MYRMEX_OUTPUT` (a file the step may write `key=value` lines to,
 * returned as outputs). stdout/stderr are streamed in order. On abort the
 * whole tree gets SIGTERM, then SIGKILL after a grace period, and the
 * attempt resolves only once every process of the tree is gone. The process
 * group is reported (`ctx.processStarted`) so that, if the engine dies, the
 * instance that recovers the run on this host can kill the orphans
 * (`terminateOrphan`, see orphans.ts) before retrying the step.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { renderTemplate } from "../template";
import type { Json } from "../store";
import { terminateLostAttempt } from "./orphans";
import { clearUsageHistory, hasProcFs, isAlive, processStartIdentity, processTree, sampleTree, signalTree } from "./process-tree";
import { createSpawner, type ProcessSpawner, type SpawnerMode, type SpawnRequest } from "./spawner";
import type { AttemptProcess, ExecutionContext, Executor, LostAttempt, OrphanOutcome, StepOutcome } from "./types";

/** Options of {@link createShellExecutor}. */
export interface ShellExecutorOptions {
  /** Default `/bin/sh`. */
  shell?: string;
  /** SIGTERM → SIGKILL delay (default 5000 ms). */
  killGraceMs?: number;
  /** Sampling period of CPU/RSS (default 500 ms); the first sample is taken after 100 ms. */
  sampleIntervalMs?: number;
  /** Environment the steps inherit (default `process.env` as it is at the first shell step). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Where `MYRMEX_OUTPUT` files are created (default the OS temp dir). */
  outputDir?: string;
  /**
   * How processes are started (see spawner.ts): `auto` (default) spawns
   * through a small long-lived helper process (native, else python3) when
   * available, else in this process; `inline` always in this process.
   * `MYRMEX_SHELL_SPAWNER=auto|native|python|inline` in the environment
   * overrides it.
   */
  spawner?: SpawnerMode | ProcessSpawner;
}

const MAX_OUTPUT_FILE_BYTES = 1024 * 1024;

const SPAWNER_MODES: readonly SpawnerMode[] = ["auto", "native", "python", "inline"];

/** `MYRMEX_SHELL_SPAWNER`, if set to a known mode. */
function spawnerModeFromEnv(): SpawnerMode | null {
  const v = process.env.MYRMEX_SHELL_SPAWNER;
  return SPAWNER_MODES.find((m) => m === v) ?? null;
}

/** `NAME-x.y` → `NAME_X_Y`. */
export function envKey(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

/** Parses `key=value` lines (blank lines and `#` comments ignored). */
export function parseOutputLines(text: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    out[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return out;
}

/** A copy of an env without its undefined entries. */
function snapshotEnv(env: NodeJS.ProcessEnv): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return Object.freeze(out);
}

/** The step's own variables (on top of the inherited env). */
function stepEnv(ctx: ExecutionContext, outFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.params)) env[`MYRMEX_PARAM_${envKey(k)}`] = v;
  for (const [step, outputs] of Object.entries(ctx.upstreamOutputs)) {
    for (const [k, v] of Object.entries(outputs)) {
      env[`MYRMEX_OUT_${envKey(step)}_${envKey(k)}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
  }
  const scope = { params: ctx.params, outputs: ctx.upstreamOutputs };
  for (const [k, v] of Object.entries(ctx.step.env ?? {})) env[k] = renderTemplate(v, scope);
  env.MYRMEX_RUN_ID = ctx.runId;
  env.MYRMEX_STEP_ID = ctx.stepId;
  env.MYRMEX_ATTEMPT = String(ctx.attempt);
  env.MYRMEX_OUTPUT = outFile;
  return env;
}

/** Creates the shell executor. */
export function createShellExecutor(options: ShellExecutorOptions = {}): Executor {
  const shell = options.shell ?? "/bin/sh";
  const killGraceMs = options.killGraceMs ?? 5000;
  const sampleIntervalMs = options.sampleIntervalMs ?? 500;
  const outPrefix = path.join(options.outputDir ?? os.tmpdir(), `myrmex-out-${process.pid}-`);
  // Copied once: reading process.env entry by entry costs more than the rest of a step's start.
  let baseEnv: Readonly<Record<string, string>> | null = null;
  let spawner: ProcessSpawner | null = typeof options.spawner === "object" ? options.spawner : null;
  const spawnerOf = () => (spawner ??= createSpawner(spawnerModeFromEnv() ?? (options.spawner as SpawnerMode | undefined) ?? "auto"));
  return {
    async execute(ctx: ExecutionContext): Promise<StepOutcome> {
      const command = ctx.step.run ?? "";
      if (command.trim() === "") return { ok: false, reason: "invalid-config", message: "no command in `run`" };
      if (ctx.signal.aborted) return { ok: false, reason: "aborted", message: "aborted before start" };
      const outFile = `${outPrefix}${randomUUID()}`;
      baseEnv ??= snapshotEnv(options.baseEnv ?? process.env);
      const env = { baseEnv, env: stepEnv(ctx, outFile) };
      const result = await runProcess(ctx, spawnerOf(), shell, command, env, killGraceMs, sampleIntervalMs);
      const outputs = await readOutputs(outFile);
      if (result.kind === "spawn-error") {
        const cwd = ctx.workingDir;
        const bad = cwd !== null && !(await stat(cwd).then((s) => s.isDirectory(), () => false));
        return {
          ok: false,
          reason: "spawn-failed",
          message: bad ? `working directory does not exist: ${cwd}` : result.message,
        };
      }
      const usage = { cpuSeconds: result.cpuSeconds, peakMemoryMb: result.peakMemoryMb, ...(result.process && { process: result.process }) };
      if (result.aborted) return { ok: false, reason: "aborted", message: "killed (process group)", outputs, ...usage };
      if (result.signal) {
        return { ok: false, reason: "signal", message: `killed by ${result.signal}`, outputs, ...usage };
      }
      if (result.code !== 0) {
        return { ok: false, reason: "exit-non-zero", message: `exit code ${result.code}`, exitCode: result.code, outputs, ...usage };
      }
      return { ok: true, outputs, exitCode: 0, ...usage };
    },
    terminateOrphan(attempt: LostAttempt): Promise<OrphanOutcome> {
      return terminateLostAttempt(attempt, { graceMs: killGraceMs });
    },
    warm(): void {
      spawnerOf().warm?.();
    },
    dispose(): void {
      spawner?.close?.();
    },
  };
}

type ProcessResult =
  | { kind: "spawn-error"; message: string }
  | {
      kind: "exited";
      code: number;
      signal: NodeJS.Signals | null;
      aborted: boolean;
      cpuSeconds: number | null;
      peakMemoryMb: number | null;
      /** Set when the process had ended before its start was known: the group, for the attempt's record. */
      process?: AttemptProcess;
    };

async function runProcess(
  ctx: ExecutionContext,
  spawner: ProcessSpawner,
  shell: string,
  command: string,
  env: Pick<SpawnRequest, "baseEnv" | "env">,
  killGraceMs: number,
  sampleIntervalMs: number,
): Promise<ProcessResult> {
  let cpuSeconds: number | null = null;
  let peakMemoryMb: number | null = null;
  let known: number[] = [];
  let aborted = false;
  let exited = false;
  let sampleTimer: NodeJS.Timeout | null = null;
  let killTimer: NodeJS.Timeout | null = null;
  /** Set once the spawner reports the process (group) id. */
  const proc: { pid: number | null } = { pid: null };

  const kill = (pid: number) => {
    const tree = hasProcFs ? processTree(pid).map((p) => p.pid) : [];
    known = [...new Set([...known, ...tree])];
    signalTree(pid, known, "SIGTERM");
    killTimer = setTimeout(() => signalTree(pid, known, "SIGKILL"), killGraceMs);
  };
  const onAbort = () => {
    if (aborted) return;
    aborted = true;
    if (proc.pid !== null) kill(proc.pid); // else: killed as soon as it is known
  };

  const child = spawner.spawn({ file: shell, args: ["-c", command], cwd: ctx.workingDir, ...env }, (stream, text) => ctx.log(stream, text));
  const started = await child.started;
  if ("error" in started) return { kind: "spawn-error", message: started.error };
  const pid = started.pid;
  proc.pid = pid;
  // The group (= the shell's pid: own session) and its start identity,
  // persisted on the attempt so that recovery can kill it if this engine dies.
  // (The helper reads the identity right after the spawn: it may report a short step only once it has ended.)
  const identity = started.startIdentity !== undefined ? started.startIdentity : processStartIdentity(pid);
  const group: AttemptProcess = { processGroupId: pid, processStartTime: identity };
  if (started.exited && !ctx.signal.aborted) {
    // A short step, over before its start was known: nothing to watch, sample
    // or abort; the group is recorded with the outcome instead.
    const { code, signal, cpuSeconds: cpu } = await child.exited;
    return { kind: "exited", code: code ?? 128, signal: code === null ? signal : null, aborted: false, cpuSeconds: cpu ?? null, peakMemoryMb: null, process: group };
  }
  ctx.processStarted?.(group);
  // An abort during the spawn is seen below (signal.aborted), later ones by the listener.
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  if (aborted || ctx.signal.aborted) {
    aborted = true;
    kill(pid);
  }

  const sample = async () => {
    sampleTimer = null;
    if (exited) return;
    const s = await sampleTree(pid);
    if (s && !exited) {
      const prevCpu = cpuSeconds;
      cpuSeconds = Math.max(cpuSeconds ?? 0, s.cpuSeconds);
      peakMemoryMb = Math.max(peakMemoryMb ?? 0, s.rssMb);
      known = s.pids;
      const pct = prevCpu === null ? 0 : ((cpuSeconds - prevCpu) / (sampleIntervalMs / 1000)) * 100;
      ctx.sample(Math.max(0, pct), s.rssMb);
    }
    if (!exited) sampleTimer = setTimeout(() => void sample(), sampleIntervalMs);
  };
  sampleTimer = setTimeout(() => void sample(), Math.min(100, sampleIntervalMs));

  const { code, signal, cpuSeconds: finalCpu } = await child.exited;
  exited = true;
  // The samples miss the last interval; the spawner may know the exact figure.
  if (finalCpu !== undefined) cpuSeconds = Math.max(cpuSeconds ?? 0, finalCpu);
  if (sampleTimer) clearTimeout(sampleTimer);
  ctx.signal.removeEventListener("abort", onAbort);
  clearUsageHistory();
  // Aborted: resolve only when every process of the tree is gone.
  if (aborted) await waitTreeGone(pid, known, killGraceMs + 2000);
  if (killTimer) clearTimeout(killTimer);
  return { kind: "exited", code: code ?? 128, signal: code === null ? signal : null, aborted, cpuSeconds, peakMemoryMb };
}

/** Polls until no process of the group or the known pids is alive (SIGKILL at the end of grace). */
async function waitTreeGone(pgid: number, known: number[], maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const alive = hasProcFs
      ? processTree(pgid).length > 0 || known.some(isAlive)
      : known.some(isAlive);
    if (!alive) return;
    if (Date.now() > deadline) {
      signalTree(pgid, known, "SIGKILL");
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function readOutputs(file: string): Promise<Record<string, Json>> {
  // Most steps write no outputs: a sync existence check spares a thread-pool round trip.
  if (!existsSync(file)) return {};
  try {
    const text = await readFile(file, "utf8");
    void unlink(file).catch(() => undefined);
    return parseOutputLines(text.length > MAX_OUTPUT_FILE_BYTES ? text.slice(0, MAX_OUTPUT_FILE_BYTES) : text);
  } catch {
    return {};
  }
}
