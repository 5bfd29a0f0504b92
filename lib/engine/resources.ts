/**
 * Resource pools of one engine instance: built-in `cpu` (slots) and `memory`
 * (MB) plus named pools. Acquisition is all-or-nothing; every acquisition is
 * an {@link AllocationRecord} with times, released exactly once. Capacities
 * can change at any moment; a lower capacity never preempts holders, it only
 * delays new admissions.
 */
import type { AllocationRecord, EpochMs } from "./store";

/** One pool's state. */
export interface PoolInfo {
  name: string;
  capacity: number;
  used: number;
  /** max(0, capacity − used). */
  free: number;
}

/** What a step asks for: pool → amount (amounts > 0). */
export type ResourceRequest = ReadonlyArray<{ readonly pool: string; readonly amount: number }>;

/** Who holds an allocation. */
export interface AllocationHolder {
  runId: string;
  taskRunId: string;
  attempt: number;
  instanceId: string;
  /** Prefix of allocation ids; `${idPrefix}:${pool}` must be unique. */
  idPrefix: string;
}

/** Result of {@link ResourcePools.tryAcquire}. */
export type AcquireResult =
  | { ok: true; allocations: AllocationRecord[] }
  | { ok: false; pool: string; needed: number; free: number; capacity: number };

interface Pool {
  capacity: number;
  used: number;
}

/** In-memory pools with all-or-nothing admission. */
export class ResourcePools {
  private readonly pools = new Map<string, Pool>();
  private readonly open = new Map<string, AllocationRecord>();

  constructor(capacities: Record<string, number> = {}) {
    for (const [name, capacity] of Object.entries(capacities)) this.setCapacity(name, capacity);
  }

  /** Creates a pool or changes its capacity (≥ 0). Returns the new info. */
  setCapacity(name: string, capacity: number): PoolInfo {
    if (!Number.isFinite(capacity) || capacity < 0) throw new RangeError(`invalid capacity ${capacity} for pool ${name}`);
    const pool = this.pools.get(name);
    if (pool) pool.capacity = capacity;
    else this.pools.set(name, { capacity, used: 0 });
    return this.info(name)!;
  }

  has(name: string): boolean {
    return this.pools.has(name);
  }

  /** Capacity of a pool; unknown pools have capacity 0. */
  capacity(name: string): number {
    return this.pools.get(name)?.capacity ?? 0;
  }

  /** Free amount of a pool; unknown pools have nothing free. */
  free(name: string): number {
    const p = this.pools.get(name);
    return p ? Math.max(0, p.capacity - p.used) : 0;
  }

  info(name: string): PoolInfo | null {
    const p = this.pools.get(name);
    return p ? { name, capacity: p.capacity, used: p.used, free: Math.max(0, p.capacity - p.used) } : null;
  }

  /** Every pool's state. */
  list(): PoolInfo[] {
    return [...this.pools.keys()].map((n) => this.info(n)!);
  }

  /** Capacities by pool name (what `validateWorkflow` takes). */
  capacities(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [n, p] of this.pools) out[n] = p.capacity;
    return out;
  }

  /** First pool of the request that cannot be satisfied now, or null if all can. */
  firstShortage(request: ResourceRequest): { pool: string; needed: number; free: number; capacity: number } | null {
    for (const { pool, amount } of request) {
      const free = this.free(pool);
      if (amount > free) return { pool, needed: amount, free, capacity: this.capacity(pool) };
    }
    return null;
  }

  /** Takes everything in the request, or nothing. */
  tryAcquire(request: ResourceRequest, holder: AllocationHolder, now: EpochMs): AcquireResult {
    const shortage = this.firstShortage(request);
    if (shortage) return { ok: false, ...shortage };
    const allocations: AllocationRecord[] = [];
    for (const { pool, amount } of request) {
      this.pools.get(pool)!.used += amount;
      const allocation: AllocationRecord = {
        id: `${holder.idPrefix}:${pool}`,
        pool,
        amount,
        runId: holder.runId,
        taskRunId: holder.taskRunId,
        attempt: holder.attempt,
        instanceId: holder.instanceId,
        acquiredAt: now,
        releasedAt: null,
      };
      this.open.set(allocation.id, allocation);
      allocations.push(allocation);
    }
    return { ok: true, allocations };
  }

  /**
   * Releases allocations (idempotent: already released ones are skipped).
   * Returns the records released now, with `releasedAt` set.
   */
  release(allocations: readonly AllocationRecord[], now: EpochMs): AllocationRecord[] {
    const released: AllocationRecord[] = [];
    for (const a of allocations) {
      const held = this.open.get(a.id);
      if (!held) continue;
      this.open.delete(a.id);
      const pool = this.pools.get(a.pool);
      if (pool) pool.used = Math.max(0, pool.used - a.amount);
      held.releasedAt = now;
      released.push(held);
    }
    return released;
  }

  /** Allocations currently held. */
  openAllocations(): AllocationRecord[] {
    return [...this.open.values()];
  }
}
