/**
 * The `inline` spawner: `child_process.spawn` in the engine's own process
 * (see spawner.ts for the modes and the semantics every spawner gives).
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { ProcessExit, ProcessSpawner } from "./spawner";

/** After exit, how long output may still drain before the pipes are closed. */
export const DRAIN_MS = 200;

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

