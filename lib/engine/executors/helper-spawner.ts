/**
 * The helper spawners (`native`, `python`): a long-lived helper process
 * starts the steps with posix_spawn and relays their output and exit status
 * (see spawner.ts for the modes, helper-protocol.ts for the wire format).
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { StringDecoder } from "node:string_decoder";
import type { LogStream } from "../store";
import { encodeBaseEnv, encodeSpawnRequest, HelperFrameReader, HelperProtocolError, type HelperMessage } from "./helper-protocol";
import { inlineSpawner } from "./inline-spawner";
import { nativeLauncher, type HelperLauncher } from "./spawner-availability";
import type { ProcessExit, ProcessSpawner, SpawnedProcess, SpawnRequest, Started } from "./spawner";

const NO_BASE_ENV: Readonly<Record<string, string>> = Object.freeze({});

interface Pending {
  req: SpawnRequest;
  onOutput: (stream: LogStream, text: string) => void;
  started: (r: Started | { error: string }) => void;
  exited: (e: ProcessExit) => void;
  pid: number | null;
  /** Written after the helper had exited: it never read it. */
  unread: boolean;
  /** UTF-8 decoders of stdout and stderr (created on first output). */
  decoders: [StringDecoder | null, StringDecoder | null];
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

/** Reported for a step whose start a dying helper never reported (it may have started: it is not run again). */
export const HELPER_DIED_BEFORE_START = "the spawn helper died before reporting the start of this step";

/**
 * Spawns through a long-lived helper process (started on first use). Falls
 * back to `fallback` if the helper cannot start; if it dies (or writes a
 * malformed frame, and is killed), the steps it was running are killed and
 * reported as killed, those whose start it had not reported fail to start
 * ({@link HELPER_DIED_BEFORE_START}), and the next spawn starts a new helper
 * (after 3 deaths, the fallback is used for good).
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
  /** A warm-up is waiting for the launcher's preparation. */
  private warming = false;
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

  /**
   * Starts the helper process now (it idles, unref'd, until the first spawn),
   * or warms the fallback if the helper is unusable.
   */
  warm(): void {
    this.warming = true;
    // The launcher's preparation (the native build) runs off the event loop first.
    void (this.launcher.prepare?.() ?? Promise.resolve()).then(() => {
      if (!this.warming) return; // closed meanwhile
      this.warming = false;
      if (this.unavailable !== null) this.fallback.warm?.();
      else if (!this.child && this.startHelper()) this.setRef(false);
    });
  }

  /** Closes an idle helper's stdin: it exits. Does nothing while steps run through it. */
  close(): void {
    this.warming = false;
    const c = this.child;
    if (!c || this.pending.size > 0) return;
    this.child = null;
    this.ready = false;
    c.stdin?.end();
    this.fallback.close?.();
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
    // A helper that exited (its pipes not yet drained) reads nothing more.
    const unread = child.exitCode !== null || child.signalCode !== null;
    this.pending.set(id, { req, onOutput, started, exited, pid: null, unread, decoders: [null, null] });
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
      if (this.child !== child) return;
      let messages: HelperMessage[];
      try {
        messages = this.reader.push(d);
      } catch (err) {
        this.onBadOutput(child, err);
        return;
      }
      for (const m of messages) this.onMessage(m, messages);
    });
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.stdin!.on("error", () => {}); // reported through "close"
    child.once("error", (err) => this.onHelperGone(child, `${command.file}: ${err.message}`));
    // "close", not "exit": every frame the helper wrote is handled first. A
    // pipe held open past its exit (it should not be) is cut after a while.
    child.once("exit", () => setTimeout(() => closeStdio(child), 1000).unref());
    child.once("close", (code, signal) => this.onHelperGone(child, `exited (${signal ?? code})${stderr ? `: ${stderr.trim()}` : ""}`));
    return child;
  }

  /** The helper wrote something that is not a frame: handle what came before, kill it, and treat it as dead. */
  private onBadOutput(child: ChildProcess, err: unknown): void {
    if (err instanceof HelperProtocolError) for (const m of err.messages) this.onMessage(m, err.messages);
    try {
      process.kill(-child.pid!, "SIGKILL"); // its group (detached): not the steps, which have their own sessions
    } catch {
      child.kill("SIGKILL");
    }
    closeStdio(child);
    this.onHelperGone(child, `sent a malformed frame (${(err as Error).message}) and was killed`);
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
        // It may have started it: running it elsewhere could run it twice.
        if (p.unread) this.redirect(p);
        else p.started({ error: HELPER_DIED_BEFORE_START });
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

  /** Runs a request the helper never read elsewhere (a new helper, or the fallback once given up), wired to the same promises. */
  private redirect(p: Pending): void {
    const r = this.spawn(p.req, p.onOutput);
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

/** Closes the engine's ends of a helper's pipes. */
function closeStdio(child: ChildProcess): void {
  for (const s of [child.stdin, child.stdout, child.stderr]) s?.destroy();
}

