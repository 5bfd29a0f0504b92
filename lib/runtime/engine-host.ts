/**
 * One engine per process, wired to the database: the web server starts it at
 * boot (instrumentation.ts), the CLI when it runs a workflow. Plain module (no
 * Next.js imports) so both can use it.
 */
import os from "node:os";
import { Engine, defaultExecutors, type EngineStore, type Logger } from "@/lib/engine";
import { createEngineStore } from "@/lib/db/engine-store";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { startPoolSync } from "./pool-sync";

const KEY = Symbol.for("myrmex.engine");
const STOP_SYNC = Symbol.for("myrmex.engine.poolSync");
type GlobalWithEngine = typeof globalThis & { [KEY]?: Promise<Engine>; [STOP_SYNC]?: () => void };

/** How this process's engine behaves; set once, before the first {@link getEngine}. */
export interface EngineHostOptions {
  /** Recorded on the EngineInstance row (default "server"). */
  kind?: "server" | "cli" | "worker";
  /** Default: "[engine] …" lines on the console. */
  logger?: Logger;
  /**
   * Take over runs of dead engines and unowned queued runs (default true).
   * The CLI says false: it executes only the runs it starts or retries, and
   * leaves recovery to the server.
   */
  adoptRuns?: boolean;
}

let hostOptions: EngineHostOptions = {};

/** Configures the engine of this process (CLI, workers); the web server keeps the defaults. */
export function configureEngineHost(options: EngineHostOptions): void {
  hostOptions = options;
}

/** Runs an engine with `adoptRuns: false` may still take over, when asked to by {@link adoptRun}. */
const adoptable = new Set<string>();

/** A store that offers only the runs of {@link adoptable} to recovery and orphan adoption. */
function withoutAdoption(store: EngineStore): EngineStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "listClaimableRuns") {
        return async (q: Parameters<EngineStore["listClaimableRuns"]>[0]) =>
          adoptable.size === 0 ? [] : (await target.listClaimableRuns(q)).filter((r) => adoptable.has(r.id));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

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
  const logger = hostOptions.logger ?? consoleLogger;
  const adopt = hostOptions.adoptRuns ?? true;
  const store = createEngineStore(prisma);
  const engine = new Engine({
    store: adopt ? store : withoutAdoption(store),
    executors: defaultExecutors(),
    pools: await loadPoolCapacities(prisma),
    logger,
    host: os.hostname(),
    adoptOrphans: adopt,
  });
  // (Starting warms the executors: the shell executor builds its native spawn
  // helper if this machine has none yet, in a child process, and starts it.)
  const report = await engine.start();
  if (report.recovered.length) logger.info(`resumed ${report.recovered.length} interrupted run(s)`, { runs: report.recovered });
  const kind = hostOptions.kind ?? "server";
  if (kind !== "server") await prisma.engineInstance.updateMany({ where: { id: engine.instanceId }, data: { kind } });
  (globalThis as GlobalWithEngine)[STOP_SYNC] = startPoolSync(engine, prisma, {
    onError: (err) => logger.warn("pool sync failed", { error: String(err) }),
  });
  return engine;
}

/**
 * Takes over one run whose engine died (or that nobody owns), e.g. for the CLI
 * to cancel a run when no server is running. Returns whether this process now
 * executes it.
 */
export async function adoptRun(runId: string): Promise<boolean> {
  const engine = await getEngine();
  adoptable.add(runId);
  try {
    return (await engine.recover()).recovered.includes(runId) || engine.liveRunIds().includes(runId);
  } finally {
    adoptable.delete(runId);
  }
}

/** This process's engine if one was started, without starting one. */
export function currentEngine(): Promise<Engine> | null {
  return (globalThis as GlobalWithEngine)[KEY] ?? null;
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
  g[STOP_SYNC]?.();
  g[STOP_SYNC] = undefined;
  if (pending) await (await pending).stop();
}
