/**
 * The system status (the original CLI's `status`): runs by state, the steps
 * of active runs by state, active runs, engine instances ("workers") with
 * liveness, pool utilization and projects by status. Plain module.
 */
import { getPrisma } from "@/lib/db/prisma";
import { listPools } from "@/lib/pools/manage-pools";
import { listRuns } from "@/lib/runs/read-runs";
import { iso } from "@/lib/service-result";
import type { SystemStatusDto } from "@/lib/validations/api";

/** An engine whose heartbeat is older than this is dead (the engine's default expiry). */
export const HEARTBEAT_EXPIRY_MS = 30_000;
const ACTIVE = ["queued", "running", "paused"] as const;

export async function systemStatus(now = Date.now()): Promise<SystemStatusDto> {
  const prisma = getPrisma();
  const [runCounts, stepCounts, instances, owned, pools, projectCounts, active] = await Promise.all([
    prisma.run.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.taskRun.groupBy({ by: ["status"], where: { run: { status: { in: [...ACTIVE] } } }, _count: { _all: true } }),
    prisma.engineInstance.findMany({ orderBy: { startedAt: "asc" } }),
    prisma.run.groupBy({ by: ["ownerInstanceId"], where: { status: { in: [...ACTIVE] } }, _count: { _all: true } }),
    listPools(),
    prisma.project.groupBy({ by: ["status"], _count: { _all: true } }),
    listRuns({ status: [...ACTIVE], limit: 100 }),
  ]);
  const runsByOwner = new Map(owned.map((o) => [o.ownerInstanceId, o._count._all]));
  return {
    generatedAt: iso(now)!,
    runs: { byStatus: Object.fromEntries(runCounts.map((r) => [r.status, r._count._all])), active },
    steps: { byStatus: Object.fromEntries(stepCounts.map((r) => [r.status, r._count._all])) },
    workers: instances.map((i) => ({
      id: i.id,
      kind: i.kind,
      host: i.host,
      pid: i.pid,
      startedAt: iso(i.startedAt)!,
      heartbeatAt: iso(i.heartbeatAt)!,
      alive: i.heartbeatAt.getTime() > now - HEARTBEAT_EXPIRY_MS,
      activeRuns: runsByOwner.get(i.id) ?? 0,
    })),
    pools,
    projects: { byStatus: Object.fromEntries(projectCounts.map((r) => [r.status, r._count._all])) },
  };
}
