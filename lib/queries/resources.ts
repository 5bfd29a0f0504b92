import "server-only";
import { db } from "./db";

export interface PoolUsage {
  name: string;
  capacity: number;
  builtin: boolean;
  description: string;
  inUse: number;
  holders: number;
}

/** Pools with what is held of them right now (open allocations). */
export async function listPoolUsage(): Promise<PoolUsage[]> {
  const prisma = db();
  const [pools, open] = await Promise.all([
    prisma.resourcePool.findMany({ orderBy: [{ builtin: "desc" }, { name: "asc" }] }),
    prisma.resourceAllocation.groupBy({
      by: ["poolName"],
      where: { releasedAt: null },
      _sum: { amount: true },
      _count: { _all: true },
    }),
  ]);
  const usage = new Map(open.map((o) => [o.poolName, o]));
  return pools.map((p) => ({
    name: p.name,
    capacity: p.capacity,
    builtin: p.builtin,
    description: p.description,
    inUse: usage.get(p.name)?._sum.amount ?? 0,
    holders: usage.get(p.name)?._count._all ?? 0,
  }));
}
