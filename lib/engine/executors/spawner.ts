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
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { StringDecoder } from "node:string_decoder";
import type { LogStream } from "../store";
import { encodeBaseEnv, encodeSpawnRequest, HelperFrameReader, type HelperMessage } from "./helper-protocol";
import { nativeHelperBinary } from "./native-helper";
import { SPAWN_HELPER_SOURCE } from "./spawn-helper-source";

/** After exit, how long output may still drain before the pipes are closed. */
export const DRAIN_MS = 200;

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

const NO_BASE_ENV: Readonly<Record<string, string>> = Object.freeze({});

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
}

/** Which spawner; see the module header. */
export type SpawnerMode = "auto" | "native" | "python" | "inline";

// ───────────────────────────── inline ─────────────────────────────

/** `child_process.spawn` in this process. */
export const inlineSpawner: ProcessSpawner = {
  mode: "inline",
  spawn(req, onOutput) {
    let child: ChildProcess;
    try {
      child = spawn(req.file, req.args, {
        cwd: req.cwd ?? undefined,
        env: (req.baseEnv ? { ...req.baseEnv, ...req.env } : req.env) as NodeJS.ProcessEnv,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      return { started: Promise.resolve({ error: (err as Error).message }), exited: new Promise<ProcessExit>(() => {}) };
    }
    const pid = child.pid;
    child.stdout!.setEncoding("utf8");
    child.stderr!.setEncoding("utf8");
    child.stdout!.on("data", (d: string) => onOutput("stdout", d));
    child.stderr!.on("data", (d: string) => onOutput("stderr", d));
    const started =
      pid !== undefined
        ? Promise.resolve({ pid })
        : new Promise<{ error: string }>((resolve) => child.once("error", (err) => resolve({ error: err.message })));
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once("exit", (code, signal) => {
        // Let buffered output drain; do not wait for background processes holding the pipes.
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(drainTimer);
          resolve({ code, signal });
        };
        const drainTimer = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish();
        }, DRAIN_MS);
        child.once("close", finish);
      });
    });
    return { started, exited };
  },
};

// ───────────────────────────── helper ─────────────────────────────

interface Pending {
  req: SpawnRequest;
  onOutput: (stream: LogStream, text: string) => void;
  started: (r: Started | { error: string }) => void;
  exited: (e: ProcessExit) => void;
  pid: number | null;
  /** UTF-8 decoders of stdout and stderr (created on first output). */
  decoders: [StringDecoder | null, StringDecoder | null];
}

/** How to start a helper process: its name (the spawner's mode) and command line, or why it cannot. */
export interface HelperLauncher {
  name: string;
  command(): { file: string; args: string[] } | { unavailable: string };
}

/** The native helper, compiled on first use (native-helper.ts). */
export const nativeLauncher: HelperLauncher = {
  name: "native",
  command() {
    const bin = nativeHelperBinary();
    return "path" in bin ? { file: bin.path, args: [] } : bin;
  },
};

/** The Python helper, run from source with `python` (default `python3`). */
export function pythonLauncher(python = "python3"): HelperLauncher {
  return { name: "python", command: () => ({ file: python, args: ["-c", SPAWN_HELPER_SOURCE] }) };
}

/** Options of {@link HelperSpawner}. */
export interface HelperSpawnerOptions {
  /** Which helper (default {@link nativeLauncher}). */
  launcher?: HelperLauncher;
  /** Used when the helper cannot run (default {@link inlineSpawner}). */
  fallback?: ProcessSpawner;
  /** Called once if the helper is found unusable (the fallback is used from then on). */
  onUnavailable?: (reason: string) => void;
}

/**
 * Spawns through a long-lived helper process (started on first use). Falls
 * back to `fallback` if the helper cannot start; if it dies, the steps it was
 * running are killed and reported as failed, and the next spawn starts a new
 * helper (after 3 deaths, the fallback is used for good).
 */
export class HelperSpawner implements ProcessSpawner {
  private child: ChildProcess | null = null;
  private ready = false;
  private unavailable: string | null = null;
  private deaths = 0;
  private nextId = 1;
  /** Requests sent and not yet finished (those written before "ready" are read once it is up). */
  private readonly pending = new Map<number, Pending>();
  private readonly launcher: HelperLauncher;
  private readonly fallback: ProcessSpawner;
  private reader = new HelperFrameReader();
  /** The base env the running helper holds. */
  private baseEnv: Readonly<Record<string, string>> | null = null;

  constructor(private readonly options: HelperSpawnerOptions = {}) {
    this.launcher = options.launcher ?? nativeLauncher;
    this.fallback = options.fallback ?? inlineSpawner;
  }

  get mode(): string {
    return this.unavailable === null ? this.launcher.name : this.fallback.mode;
  }

  /** Pid of the running helper, if any (diagnostics, tests). */
  get helperPid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Why the helper is not used (null while it is). */
  get unavailableReason(): string | null {
    return this.unavailable;
  }

  spawn(req: SpawnRequest, onOutput: (stream: LogStream, text: string) => void): SpawnedProcess {
    if (this.unavailable !== null) return this.fallback.spawn(req, onOutput);
    const child = this.child ?? this.startHelper();
    if (!child) return this.fallback.spawn(req, onOutput);
    const id = this.nextId++;
    const base = req.baseEnv ?? NO_BASE_ENV;
    const baseFrame = base === this.baseEnv ? null : encodeBaseEnv(base);
    const frame = encodeSpawnRequest(id, { file: req.file, args: req.args, cwd: req.cwd ?? process.cwd(), env: req.env });
    for (const f of [baseFrame, frame]) {
      if (f !== null && !Buffer.isBuffer(f)) return { started: Promise.resolve(f), exited: new Promise<ProcessExit>(() => {}) };
    }
    let started!: Pending["started"];
    let exited!: Pending["exited"];
    const startedP = new Promise<Started | { error: string }>((r) => (started = r));
    const exitedP = new Promise<ProcessExit>((r) => (exited = r));
    this.pending.set(id, { req, onOutput, started, exited, pid: null, decoders: [null, null] });
    this.setRef(true);
    if (baseFrame) {
      child.stdin!.write(baseFrame);
      this.baseEnv = base;
    }
    child.stdin!.write(frame as Buffer);
    return { started: startedP, exited: exitedP };
  }

  private startHelper(): ChildProcess | null {
    const command = this.launcher.command();
    if ("unavailable" in command) {
      this.giveUp(command.unavailable);
      return null;
    }
    let child: ChildProcess;
    try {
      // Own session: a Ctrl-C meant for the engine does not reach the helper
      // (it exits when the engine closes its stdin).
      child = spawn(command.file, command.args, { stdio: ["pipe", "pipe", "pipe"], detached: true });
    } catch (err) {
      this.giveUp(`cannot start the ${this.launcher.name} spawn helper: ${(err as Error).message}`);
      return null;
    }
    this.child = child;
    this.ready = false;
    this.reader = new HelperFrameReader();
    this.baseEnv = null;
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => {
      const messages = this.reader.push(d);
      for (const m of messages) this.onMessage(m, messages);
    });
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.stdin!.on("error", () => {}); // reported through "exit"
    child.once("error", (err) => this.onHelperGone(child, `${command.file}: ${err.message}`));
    child.once("exit", (code, signal) => this.onHelperGone(child, `exited (${signal ?? code})${stderr ? `: ${stderr.trim()}` : ""}`));
    return child;
  }

  /** Handles a message; `batch`: the messages read with it (a short step's start and exit come together). */
  private onMessage(m: HelperMessage, batch: HelperMessage[]): void {
    if (m.t === "ready") {
      this.ready = true;
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    switch (m.t) {
      case "spawned":
        p.pid = m.pid;
        p.started({ pid: m.pid, startIdentity: m.start, exited: batch.some((x) => x.t === "exit" && x.id === m.id) });
        return;
      case "error":
        this.pending.delete(m.id);
        p.started({ error: m.message });
        this.settleRef();
        return;
      case "out": {
        const text = (p.decoders[m.stream - 1] ??= new StringDecoder("utf8")).write(m.data);
        if (text.length > 0) p.onOutput(m.stream === 1 ? "stdout" : "stderr", text);
        return;
      }
      case "exit": {
        this.pending.delete(m.id);
        const o = p.decoders[0]?.end();
        const e = p.decoders[1]?.end();
        if (o) p.onOutput("stdout", o);
        if (e) p.onOutput("stderr", e);
        p.exited({ code: m.code, signal: m.signal, cpuSeconds: m.cpu });
        this.settleRef();
        return;
      }
    }
  }

  /** The helper exited or failed to start: fall back, or fail what it was running. */
  private onHelperGone(child: ChildProcess, reason: string): void {
    if (this.child !== child) return;
    this.child = null;
    const wasReady = this.ready;
    this.ready = false;
    const pending = [...this.pending.values()];
    this.pending.clear();
    if (!wasReady) {
      // Never came up (no python3, too old, a broken build…): use the fallback.
      this.giveUp(`${this.launcher.name} spawn helper unusable: ${reason}`);
      for (const p of pending) this.redirect(p);
      return;
    }
    if (++this.deaths >= 3) this.giveUp(`${this.launcher.name} spawn helper died ${this.deaths} times: ${reason}`);
    for (const p of pending) {
      if (p.pid === null) {
        this.redirect(p);
        continue;
      }
      // Its exit status is lost with the helper: kill the group (nothing is
      // left running unobserved) and report the step as killed.
      try {
        process.kill(-p.pid, "SIGKILL");
      } catch {
        // gone
      }
      p.exited({ code: null, signal: "SIGKILL" });
    }
  }

  /** Runs a request the helper never started with the fallback, wired to the same promises. */
  private redirect(p: Pending): void {
    const r = this.fallback.spawn(p.req, p.onOutput);
    void r.started.then(p.started);
    void r.exited.then(p.exited);
  }

  private giveUp(reason: string): void {
    if (this.unavailable !== null) return;
    this.unavailable = reason;
    this.options.onUnavailable?.(reason);
  }

  /** Keeps the process alive while steps run; lets it exit when idle. */
  private setRef(on: boolean): void {
    const c = this.child;
    if (!c) return;
    for (const s of [c.stdin, c.stdout, c.stderr] as Array<Socket | null>) {
      if (on) s?.ref();
      else s?.unref();
    }
    if (on) c.ref();
    else c.unref();
  }

  private settleRef(): void {
    if (this.pending.size === 0) this.setRef(false);
  }
}

let availability: { mode: "native" | "python" | "inline"; reason: string | null } | undefined;

/**
 * Which spawner `auto` will use on this machine and, if not the native
 * helper, why (memoized; builds the native helper if needed). For health
 * reports: a helper that dies at run time falls back on its own.
 */
export function spawnerAvailability(): { mode: "native" | "python" | "inline"; reason: string | null } {
  if (availability) return availability;
  if (process.platform === "win32") return (availability = { mode: "inline", reason: "no spawn helper on Windows" });
  const native = nativeHelperBinary();
  if ("path" in native) return (availability = { mode: "native", reason: null });
  try {
    execFileSync("python3", ["-c", "import os; assert hasattr(os, 'posix_spawn')"], { stdio: "ignore", timeout: 10_000 });
    return (availability = { mode: "python", reason: native.unavailable });
  } catch {
    return (availability = { mode: "inline", reason: `${native.unavailable}; no python3 with posix_spawn` });
  }
}

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
