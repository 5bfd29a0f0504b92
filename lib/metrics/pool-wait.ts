/**
 * Where steps wait: for every allocation, the time from the attempt becoming
 * ready (queuedAt) to acquiring the pool, summed per pool. A step that needs
 * several pools counts its wait against each of them. Pure.
 */

export interface AllocationWait {
  poolName: string;
  /** When the attempt was ready to run, ms epoch. */
  readyAt: number;
  /** When the pool was acquired, ms epoch. */
  acquiredAt: number;
}

export interface PoolWait {
  poolName: string;
  allocations: number;
  totalWaitMs: number;
  maxWaitMs: number;
  /** Allocations that had to wait at all (> 0 ms). */
  waited: number;
}

export function waitByPool(rows: readonly AllocationWait[]): PoolWait[] {
  const by = new Map<string, PoolWait>();
  for (const r of rows) {
    const w = Math.max(0, r.acquiredAt - r.readyAt);
    const p = by.get(r.poolName) ?? { poolName: r.poolName, allocations: 0, totalWaitMs: 0, maxWaitMs: 0, waited: 0 };
    p.allocations++;
    p.totalWaitMs += w;
    p.maxWaitMs = Math.max(p.maxWaitMs, w);
    if (w > 0) p.waited++;
    by.set(r.poolName, p);
  }
  return [...by.values()].sort((a, b) => b.totalWaitMs - a.totalWaitMs || a.poolName.localeCompare(b.poolName));
}
