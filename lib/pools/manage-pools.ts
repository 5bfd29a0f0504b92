/**
 * Resource pools for the REST API and the CLI: list with current use, create
 * or resize, delete. The database is the source of truth; every engine
 * (web server, CLI, worker) picks changes up within seconds through
 * lib/runtime/pool-sync.ts, and the caller's own engine applies them at once
 * when `applyToEngine` is given.
 */
import { getPrisma } from "@/lib/db/prisma";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { PoolDto } from "@/lib/validations/api";

/** Applies a capacity to a live engine (the caller's), when it has one. */
export type ApplyToEngine = (name: string, capacity: number) => unknown;

export async function listPools(): Promise<PoolDto[]> {
  const prisma = getPrisma();
  const [pools, open] = await Promise.all([
    prisma.resourcePool.findMany({ orderBy: [{ builtin: "desc" }, { name: "asc" }] }),
    prisma.resourceAllocation.groupBy({ by: ["poolName"], where: { releasedAt: null }, _sum: { amount: true }, _count: { _all: true } }),
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

async function poolDto(name: string): Promise<PoolDto> {
  const all = await listPools();
  return all.find((p) => p.name === name)!;
}

/** Creates the pool or changes its capacity (and description when given). */
export async function setPool(
  input: { name: string; capacity: number; description?: string },
  applyToEngine?: ApplyToEngine,
): Promise<ServiceResult<{ pool: PoolDto; created: boolean }>> {
  const prisma = getPrisma();
  const existing = await prisma.resourcePool.findUnique({ where: { name: input.name }, select: { builtin: true } });
  if (existing?.builtin) {
    return fail(409, `"${input.name}" is a built-in pool that mirrors this host's ${input.name === "cpu" ? "cores" : "memory"}; it cannot be changed.`);
  }
  await prisma.resourcePool.upsert({
    where: { name: input.name },
    create: { name: input.name, capacity: input.capacity, description: input.description ?? "" },
    update: { capacity: input.capacity, ...(input.description !== undefined ? { description: input.description } : {}) },
  });
  await applyToEngine?.(input.name, input.capacity);
  return ok({ pool: await poolDto(input.name), created: !existing });
}

/** Workflows whose latest version asks for the pool, as "project/workflow". */
async function workflowsUsing(name: string): Promise<string[]> {
  const rows = await getPrisma().workflow.findMany({
    where: { archived: false },
    select: { slug: true, project: { select: { slug: true } }, versions: { orderBy: { number: "desc" }, take: 1, select: { definition: true } } },
  });
  return rows
    .filter((w) => {
      const steps = (w.versions[0]?.definition as { steps?: { resources?: { pools?: Record<string, number> } }[] } | undefined)?.steps ?? [];
      return steps.some((s) => s.resources?.pools?.[name] !== undefined);
    })
    .map((w) => `${w.project.slug}/${w.slug}`);
}

/**
 * Deletes a pool. Refused for built-in pools, while steps hold it, and while
 * workflows ask for it (unless `force`): their runs could never start.
 */
export async function deletePool(input: { name: string; force?: boolean }, applyToEngine?: ApplyToEngine): Promise<ServiceResult<{ name: string }>> {
  const prisma = getPrisma();
  const pool = await prisma.resourcePool.findUnique({ where: { name: input.name }, select: { builtin: true } });
  if (!pool) return fail(404, `No pool named "${input.name}".`);
  if (pool.builtin) return fail(409, `"${input.name}" is a built-in pool; it cannot be deleted.`);
  const held = await prisma.resourceAllocation.count({ where: { poolName: input.name, releasedAt: null } });
  if (held > 0) return fail(409, `"${input.name}" is held by ${held} running step${held === 1 ? "" : "s"}; delete it when they have finished.`);
  if (!input.force) {
    const users = await workflowsUsing(input.name);
    if (users.length) {
      return fail(409, `Workflows still ask for "${input.name}": ${users.join(", ")}. Change them first, or force the deletion (their runs will be refused).`);
    }
  }
  await prisma.resourcePool.delete({ where: { name: input.name } });
  // Engines cannot forget a pool; capacity 0 makes new requests for it invalid.
  await applyToEngine?.(input.name, 0);
  return ok({ name: input.name });
}
