/**
 * How the shell executor starts processes.
 *
 * - `inline`: `child_process.spawn` in the engine's own process. On Linux,
 *   libuv implements it with fork(), which copies the engine's page tables
 *   and blocks the event loop while it does: ≈ 2–3 ms per step in a 150 MiB
 *   engine, more inside a big web server.
 * - `helper`: a small long-lived helper process (Python, ~10 MiB, started
 *   once) spawns with posix_spawn() — vfork-like, constant cost whatever the
 *   engine's size — and relays output and exit status over its stdin/stdout.
 *   The engine never forks per step and its event loop is not blocked.
 *
 * Both give the same semantics: `/bin/sh -c` in its own session and process
 * group (pgid = pid), stdin /dev/null, default signal dispositions, stdout and
 * stderr streamed in arrival order (UTF-8 decoded per stream), the exit code or
 * signal once the process has exited and its output is drained (at most
 * {@link DRAIN_MS} after exit: background processes holding the pipes are not
 * waited for). Killing, sampling and orphan handling use the pid (= group id)
 * and stay in the engine.
 *
 * `auto` (the default) uses the helper when `python3` (≥ 3.8) can start it and
 * falls back to inline otherwise — including when the helper dies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { StringDecoder } from "node:string_decoder";
import type { LogStream } from "../store";
import { SPAWN_HELPER_SOURCE } from "./spawn-helper-source";

/** After exit, how long output may still drain before the pipes are closed. */
export const DRAIN_MS = 200;

/** What to start. */
export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string | null;
  env: NodeJS.ProcessEnv;
}

/** How a started process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** CPU seconds of the process and the descendants it waited for (helper: from wait4), if known. */
  cpuSeconds?: number;
}

/** A process being started. */
export interface SpawnedProcess {
  /**
   * The pid (= its process group id) and, if the spawner read it, its start
   * identity (see process-tree.ts `processStartIdentity`); or why it could not start.
   */
  readonly started: Promise<{ pid: number; startIdentity?: string | null } | { error: string }>;
  /** Resolves once it exited and its output was drained (never if it did not start). */
  readonly exited: Promise<ProcessExit>;
}

/** Starts processes for the shell executor. */
export interface ProcessSpawner {
  /** `helper` or `inline` (for diagnostics; `auto` reports what it uses now). */
  readonly mode: string;
  spawn(req: SpawnRequest, onOutput: (stream: LogStream, text: string) => void): SpawnedProcess;
}

/** Which spawner; see the module header. */
export type SpawnerMode = "auto" | "inline";

// ───────────────────────────── inline ─────────────────────────────

/** `child_process.spawn` in this process. */
export const inlineSpawner: ProcessSpawner = {
  mode: "inline",
  spawn(req, onOutput) {
    let child: ChildProcess;
    try {
      child = spawn(req.file, req.args, {
        cwd: req.cwd ?? undefined,
        env: req.env,
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

type HelperMessage =
  | { t: "ready"; pid: number; python: string }
  | { t: "spawned"; id: number; pid: number; start: string | null }
  | { t: "error"; id: number; message: string }
  | { t: "out"; id: number; s: 1 | 2; d: string }
  | { t: "exit"; id: number; code: number | null; signal: NodeJS.Signals | null; cpu?: number };

interface Pending {
  req: SpawnRequest;
  onOutput: (stream: LogStream, text: string) => void;
  started: (r: { pid: number; startIdentity?: string | null } | { error: string }) => void;
  exited: (e: ProcessExit) => void;
  pid: number | null;
  /** UTF-8 decoders of stdout and stderr (created on first output). */
  decoders: [StringDecoder | null, StringDecoder | null];
}

/** Options of {@link HelperSpawner}. */
export interface HelperSpawnerOptions {
  /** Python interpreter (default `python3`). */
  python?: string;
  /** Used when the helper cannot run (default {@link inlineSpawner}). */
  fallback?: ProcessSpawner;
  /** Called once if the helper is found unusable (the fallback is used from then on). */
  onUnavailable?: (reason: string) => void;
}

/**
 * Spawns through a long-lived Python helper (started on first use). Falls
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
  private readonly python: string;
  private readonly fallback: ProcessSpawner;
  private buffer = "";

  constructor(private readonly options: HelperSpawnerOptions = {}) {
    this.python = options.python ?? "python3";
    this.fallback = options.fallback ?? inlineSpawner;
  }

  get mode(): string {
    return this.unavailable === null ? "helper" : this.fallback.mode;
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
    let started!: Pending["started"];
    let exited!: Pending["exited"];
    const startedP = new Promise<{ pid: number; startIdentity?: string | null } | { error: string }>((r) => (started = r));
    const exitedP = new Promise<ProcessExit>((r) => (exited = r));
    const p: Pending = { req, onOutput, started, exited, pid: null, decoders: [null, null] };
    this.pending.set(id, p);
    this.setRef(true);
    // (JSON drops env entries that are undefined, as spawn() does.)
    child.stdin!.write(`${JSON.stringify({ id, file: req.file, args: req.args, cwd: req.cwd ?? process.cwd(), env: req.env })}\n`);
    return { started: startedP, exited: exitedP };
  }

  private startHelper(): ChildProcess | null {
    let child: ChildProcess;
    try {
      // Own session: a Ctrl-C meant for the engine does not reach the helper
      // (it exits when the engine closes its stdin).
      child = spawn(this.python, ["-c", SPAWN_HELPER_SOURCE], { stdio: ["pipe", "pipe", "pipe"], detached: true });
    } catch (err) {
      this.giveUp(`cannot start ${this.python}: ${(err as Error).message}`);
      return null;
    }
    this.child = child;
    this.ready = false;
    this.buffer = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (d: string) => this.onData(d));
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.stdin!.on("error", () => {}); // reported through "exit"
    child.once("error", (err) => this.onHelperGone(child, `${this.python}: ${err.message}`));
    child.once("exit", (code, signal) => this.onHelperGone(child, `exited (${signal ?? code})${stderr ? `: ${stderr.trim()}` : ""}`));
    return child;
  }

  private onData(text: string): void {
    this.buffer += text;
    let nl: number;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (line.length > 0) this.onMessage(JSON.parse(line) as HelperMessage);
    }
  }

  private onMessage(m: HelperMessage): void {
    if (m.t === "ready") {
      this.ready = true;
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    switch (m.t) {
      case "spawned":
        p.pid = m.pid;
        p.started({ pid: m.pid, startIdentity: m.start });
        return;
      case "error":
        this.pending.delete(m.id);
        p.started({ error: m.message });
        this.settleRef();
        return;
      case "out": {
        const text = (p.decoders[m.s - 1] ??= new StringDecoder("utf8")).write(Buffer.from(m.d, "base64"));
        if (text.length > 0) p.onOutput(m.s === 1 ? "stdout" : "stderr", text);
        return;
      }
      case "exit": {
        this.pending.delete(m.id);
        const o = p.decoders[0]?.end();
        const e = p.decoders[1]?.end();
        if (o) p.onOutput("stdout", o);
        if (e) p.onOutput("stderr", e);
        p.exited({ code: m.code, signal: m.signal, ...(m.cpu !== undefined ? { cpuSeconds: m.cpu } : {}) });
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
      // Never came up (no python3, too old…): everything goes inline.
      this.giveUp(`spawn helper unusable: ${reason}`);
      for (const p of pending) this.redirect(p);
      return;
    }
    if (++this.deaths >= 3) this.giveUp(`spawn helper died ${this.deaths} times: ${reason}`);
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

/** The spawner for a mode (a new helper per call; share the result). */
export function createSpawner(mode: SpawnerMode = "auto", options: HelperSpawnerOptions = {}): ProcessSpawner {
  if (mode === "inline" || process.platform === "win32") return inlineSpawner;
  return new HelperSpawner(options);
}
