/**
 * One engine per process, wired to the database: the web server starts it at
 * boot (instrumentation.ts), the CLI when it runs a workflow. Plain module (no
 * Next.js imports) so both can use it.
 */
import os from "node:os";
import { Engine, defaultExecutors, type Logger } from "@/lib/engine";
import { createEngineStore } from "@/lib/db/engine-store";
import { getPrisma, type Db } from "@/lib/db/prisma";

const KEY = Symbol.for("myrmex.engine");
type GlobalWithEngine = typeof globalThis & { [KEY]?: Promise<Engine> };

const consoleLogger: Logger = {
  debug: () => {},
  info: (msg, data) => console.log(`[engine] ${msg}`, data ?? ""),
  warn: (msg, data) => console.warn(`[engine] ${msg}`, data ?? ""),
  error: (msg, data) => console.error(`[engine] ${msg}`, data ?? ""),
};

/** Capacities of every pool recorded in the database (built-in ones mirror this host). */
export async function loadPoolCapacities(prisma: Db): Promise<Record<string, number>> {
  const pools = await prisma.resourcePool.findMany({ select: { name: true, capacity: true } });
  return {
    cpu: os.availableParallelism(),
    memory: Math.floor(os.totalmem() / 1024 ** 2),
    ...Object.fromEntries(pools.map((p) => [p.name, p.capacity])),
  };
}

async function createEngine(): Promise<Engine> {
  const prisma = getPrisma();
  const engine = new Engine({
    store: createEngineStore(prisma),
    executors: defaultExecutors(),
    pools: await loadPoolCapacities(prisma),
    logger: consoleLogger,
    host: os.hostname(),
  });
  const report = await engine.start();
  if (report.recovered.length) consoleLogger.info(`resumed ${report.recovered.length} interrupted run(s)`, { runs: report.recovered });
  return engine;
}

/** This process's engine, started (and interrupted runs recovered) on first use. */
export function getEngine(): Promise<Engine> {
  const g = globalThis as GlobalWithEngine;
  g[KEY] ??= createEngine().catch((err: unknown) => {
    g[KEY] = undefined;
    throw err;
  });
  return g[KEY];
}

/** Stops this process's engine, if one was started: running steps are handed back for the next start. */
export async function stopEngine(): Promise<void> {
  const g = globalThis as GlobalWithEngine;
  const pending = g[KEY];
  g[KEY] = undefined;
  if (pending) await (await pending).stop();
}
