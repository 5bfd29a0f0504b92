/**
 * Starts and drives engine processes (fixtures/engine-proc.ts) from a test:
 * collects their JSON-line reports, waits for one, kills them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const FIXTURE = path.join(repoRoot, "tests", "engine", "fixtures", "engine-proc.ts");

/** A report line of an engine process. */
export type Report = { type: string; [key: string]: unknown };

/** Options of {@link startEngineProcess}. */
export interface EngineProcOptions {
  db: string;
  /** Name for logs; also exported to shell steps as `ENGINE_NAME`. */
  name: string;
  instance?: string;
  heartbeatMs?: number;
  expiryMs?: number;
  start?: { versionId: string; workDir: string; exitWhenDone?: boolean };
}

/** A running engine process. */
export class EngineProc {
  readonly reports: Report[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      let report: Report;
      try {
        report = JSON.parse(line) as Report;
      } catch {
        this.stderr.push(`(stdout) ${line}`);
        return;
      }
      this.reports.push(report);
      for (const w of this.waiters) w();
    });
    createInterface({ input: child.stderr! }).on("line", (line) => this.stderr.push(line));
    // "close" (not "exit"): every line of stdout/stderr has been read by then.
    this.exited = new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => (this.closed = true));
    void this.exited.then(() => {
      for (const w of this.waiters) w();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** False once the process has exited and its output has been read. */
  get alive(): boolean {
    return !this.closed;
  }

  /** Resolves with the first report matching `pred` (past or future). */
  waitFor(pred: (r: Report) => boolean, timeoutMs = 15_000, what = "report"): Promise<Report> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.reports.find(pred);
        if (hit) {
          done();
          resolve(hit);
          return true;
        }
        if (!this.alive) {
          done();
          reject(new Error(`engine ${this.name} exited (${this.child.exitCode ?? this.child.signalCode}) before ${what}\n${this.stderr.slice(-30).join("\n")}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what} from engine ${this.name}\n${this.stderr.slice(-30).join("\n")}`));
      }, timeoutMs);
      const waiter = () => void check();
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      this.waiters.push(waiter);
      check();
    });
  }

  /** Sends a command line to the process (see fixtures/engine-proc.ts). */
  send(command: Record<string, unknown>): void {
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
  }

  /** Sends a signal and waits for the process to end. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Spawns `node --import tsx tests/engine/fixtures/engine-proc.ts …` (the pid is the engine's). */
export function startEngineProcess(opts: EngineProcOptions): EngineProc {
  const argv = ["--import", "tsx", FIXTURE, "--db", opts.db];
  if (opts.instance) argv.push("--instance", opts.instance);
  argv.push("--heartbeat-ms", String(opts.heartbeatMs ?? 200), "--expiry-ms", String(opts.expiryMs ?? 1000));
  if (opts.start) {
    argv.push("--start", opts.start.versionId, "--workdir", opts.start.workDir);
    if (opts.start.exitWhenDone) argv.push("--exit-when-done");
  }
  const child = spawn(process.execPath, argv, {
    cwd: repoRoot,
    env: { ...process.env, ENGINE_NAME: opts.name, NODE_OPTIONS: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin!.on("error", () => {}); // the process may be gone when a command is sent
  return new EngineProc(opts.name, child);
}

/** Lines of the steps' journal file (`<stepId> <attempt> <engine> [pid]` per started attempt). */
export function journal(file: string): Array<{ step: string; attempt: number; engine: string; pid: number | null }> {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [step = "", attempt = "0", engine = "", pid] = l.split(" ");
      return { step, attempt: Number(attempt), engine, pid: pid ? Number(pid) : null };
    });
}

/** Polls `fn` until it returns a truthy value. */
export async function until<T>(fn: () => T | Promise<T>, timeoutMs = 15_000, what = "condition", intervalMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
