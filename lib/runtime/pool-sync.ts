/**
 * Keeps an engine's pool capacities in step with the ResourcePool table, so a
 * capacity changed by another process (the CLI, another server) reaches every
 * live engine within one interval. Built-in pools (cpu, memory) mirror the
 * engine's own host and are left alone.
 */
import type { Engine } from "@/lib/engine";
import type { Db } from "@/lib/db/prisma";

const HOST_POOLS = new Set(["cpu", "memory"]);

/** One pass: applies every capacity that differs; pools deleted from the table drop to 0. */
export async function syncPools(engine: Engine, prisma: Db): Promise<string[]> {
  const rows = await prisma.resourcePool.findMany({ select: { name: true, capacity: true, builtin: true } });
  const live = new Map(engine.listPools().map((p) => [p.name, p.capacity]));
  const changed: string[] = [];
  for (const row of rows) {
    if (row.builtin || HOST_POOLS.has(row.name)) continue;
    if (live.get(row.name) !== row.capacity) {
      engine.setPoolCapacity(row.name, row.capacity);
      changed.push(row.name);
    }
  }
  const stored = new Set(rows.map((r) => r.name));
  for (const [name, capacity] of live) {
    if (!HOST_POOLS.has(name) && !stored.has(name) && capacity > 0) {
      engine.setPoolCapacity(name, 0);
      changed.push(name);
    }
  }
  return changed;
}

/** Syncs every `intervalMs` until the returned function is called. Errors are logged, never thrown. */
export function startPoolSync(engine: Engine, prisma: Db, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    timer = null;
    void syncPools(engine, prisma)
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        if (!stopped) arm();
      });
  };
  const arm = () => {
    timer = setTimeout(tick, opts.intervalMs ?? 5_000);
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
