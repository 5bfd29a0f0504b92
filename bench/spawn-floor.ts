/**
 * The floor under `shell_chain400_ms_per_task`: the same chain of commands
 * spawned one after the other through the shell executor's spawner (the
 * helper — native when a C compiler is available), with no engine, no store
 * and no scheduling, in this process. The difference between this and the engine's figure is what the
 * engine adds per step (settle the attempt, one durable commit, dispatch the
 * next step); the difference between this and ninja is the price of the
 * spawn path itself (two pipe hops between the engine and the helper).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSpawner } from "@/lib/engine/executors/spawner";
import { shellCommand } from "./workflows";

/** Wall time (ms) of `n` chained `/bin/sh -c` commands through the spawner. */
export async function runSpawnerChain(n: number): Promise<{ ms: number; mode: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-bench-spawner-"));
  const spawner = createSpawner("auto");
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  try {
    // Start the helper outside the measurement, as the engine has it running already.
    await spawner.spawn({ file: "/bin/sh", args: ["-c", "true"], cwd: dir, baseEnv, env: {} }, () => {}).exited;
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const child = spawner.spawn({ file: "/bin/sh", args: ["-c", shellCommand(i)], cwd: dir, baseEnv, env: { MYRMEX_STEP_ID: `s${i}` } }, () => {});
      const started = await child.started;
      if ("error" in started) throw new Error(`spawner chain: ${started.error}`);
      const exit = await child.exited;
      if (exit.code !== 0) throw new Error(`spawner chain: step ${i} exited ${exit.code ?? exit.signal}`);
    }
    return { ms: performance.now() - t, mode: spawner.mode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
