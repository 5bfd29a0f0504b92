/**
 * Resources page data beyond the pool list: who holds what right now, each
 * pool's utilization over a window (from allocation intervals), saturation
 * and the time steps waited for each pool. Bounded by the window and a row
 * limit on the indexed ResourceAllocation.acquiredAt / releasedAt.
 */
import type { Db } from "@/lib/db/prisma";
import { waitByPool, type PoolWait } from "./pool-wait";
import { HOUR_MS } from "./stats";
import { saturatedMs, utilizationSeries, type UtilizationPoint } from "./utilization";

export const ALLOCATION_LIMIT = 20_000;

export interface HeldAllocation {
  id: string;
  poolName: string;
  amount: number;
  runId: string;
  workflow: string;
  stepId: string;
  attempt: number;
  /** ms epoch */
  acquiredAt: number;
}

export interface PoolHistory {
  name: string;
  capacity: number;
  points: UtilizationPoint[];
  saturatedMs: number;
}

export interface PoolHistoryData {
  /** The window asked for. */
  from: number;
  /** Where the utilization charts start: shortly before the window's first allocation. */
  viewFrom: number;
  to: number;
  bucketMs: number;
  pools: PoolHistory[];
  waits: PoolWait[];
  held: HeldAllocation[];
  truncated: boolean;
}

export async function loadPoolHistory(prisma: Db, opts: { now?: number; rangeMs?: number } = {}): Promise<PoolHistoryData> {
  const to = opts.now ?? Date.now();
  const from = to - (opts.rangeMs ?? 24 * HOUR_MS);
  const [pools, intervals, held] = await Promise.all([
    prisma.resourcePool.findMany({ select: { name: true, capacity: true }, orderBy: [{ builtin: "desc" }, { name: "asc" }] }),
    prisma.resourceAllocation.findMany({
      where: { acquiredAt: { lt: new Date(to) }, OR: [{ releasedAt: null }, { releasedAt: { gt: new Date(from) } }] },
      select: { poolName: true, amount: true, acquiredAt: true, releasedAt: true, taskRunId: true, attempt: true },
      orderBy: { acquiredAt: "desc" },
      take: ALLOCATION_LIMIT,
    }),
    prisma.resourceAllocation.findMany({
      where: { releasedAt: null },
      orderBy: { acquiredAt: "asc" },
      take: 200,
      select: { id: true, poolName: true, amount: true, runId: true, attempt: true, acquiredAt: true, taskRun: { select: { stepId: true } }, run: { select: { workflow: { select: { name: true } } } } },
    }),
  ]);
  // The chart starts shortly before the first allocation of the window (a 20 s burst in a 24 h
  // window would be one invisible sliver), in ~60 buckets of whole seconds.
  const firstStart = intervals.reduce((m, a) => Math.min(m, a.acquiredAt.getTime()), to);
  const viewFrom = intervals.length ? Math.max(from, firstStart - Math.max(1000, (to - firstStart) * 0.05)) : from;
  const bucketMs = Math.max(1000, Math.ceil((to - viewFrom) / 60 / 1000) * 1000);
  const byPool = new Map<string, { amount: number; start: number; end: number | null }[]>();
  for (const a of intervals) {
    const list = byPool.get(a.poolName) ?? [];
    list.push({ amount: a.amount, start: a.acquiredAt.getTime(), end: a.releasedAt?.getTime() ?? null });
    byPool.set(a.poolName, list);
  }
  const attempts = intervals.length
    ? await prisma.taskAttempt.findMany({
        where: { taskRunId: { in: [...new Set(intervals.map((a) => a.taskRunId))] } },
        select: { taskRunId: true, attempt: true, queuedAt: true },
      })
    : [];
  const readyAt = new Map(attempts.map((a) => [`${a.taskRunId}#${a.attempt}`, a.queuedAt.getTime()]));
  return {
    from,
    viewFrom,
    to,
    bucketMs,
    pools: pools.map((p) => {
      const iv = byPool.get(p.name) ?? [];
      return { name: p.name, capacity: p.capacity, points: utilizationSeries(iv, viewFrom, to, bucketMs), saturatedMs: saturatedMs(iv, from, to, p.capacity) };
    }),
    waits: waitByPool(
      intervals.flatMap((a) => {
        const ready = readyAt.get(`${a.taskRunId}#${a.attempt}`);
        return ready === undefined ? [] : [{ poolName: a.poolName, readyAt: ready, acquiredAt: a.acquiredAt.getTime() }];
      }),
    ),
    held: held.map((h) => ({ id: h.id, poolName: h.poolName, amount: h.amount, runId: h.runId, workflow: h.run.workflow.name, stepId: h.taskRun.stepId, attempt: h.attempt, acquiredAt: h.acquiredAt.getTime() })),
    truncated: intervals.length >= ALLOCATION_LIMIT,
  };
}
