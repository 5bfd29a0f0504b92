/**
 * Spawns the real `orchestrate` CLI (bin/orchestrate.mjs) against a temporary
 * SQLite database, exactly as a user runs it: a separate process, its own
 * engine, stdout/stderr/exit code captured.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const BIN = path.join(repoRoot, "bin", "orchestrate.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws with the output when it is not JSON). */
  json<T = unknown>(): T;
}

export interface CliEnv {
  dir: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], opts?: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number; input?: string }): Promise<CliResult>;
  remove(): void;
}

/** A temp folder with a (not yet created) SQLite database and a CLI bound to it. */
export function cliEnv(prefix = "myrmex-cli-"): CliEnv {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "myrmex.db")}`,
    MYRMEX_DATA_DIR: dir,
    MYRMEX_PROJECTS_ROOT: path.join(dir, "projects"),
    // Nothing should answer the health-check example in tests.
    PORT: "9",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    NODE_OPTIONS: "",
    MYRMEX_URL: "",
    MYRMEX_TOKEN: "",
  };
  delete env.MYRMEX_URL;
  delete env.MYRMEX_TOKEN;
  return {
    dir,
    env,
    run: (args, opts = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], {
          cwd: opts.cwd ?? dir,
          env: { ...env, ...opts.env },
          stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        if (opts.input !== undefined) child.stdin.end(opts.input);
        else child.stdin.end();
        const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
        child.on("error", reject);
        child.on("close", (code, signal) => {
          clearTimeout(timer);
          resolve({
            code: code ?? (signal ? 128 : 1),
            stdout,
            stderr,
            json<T>() {
              try {
                return JSON.parse(stdout) as T;
              } catch {
                throw new Error(`stdout is not JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
              }
            },
          });
        });
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
