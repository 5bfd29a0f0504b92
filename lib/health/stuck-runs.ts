/**
 * Which active runs are stuck: past their deadline, with a step running past
 * its timeout, or owned by no live engine, each by more than a grace period.
 * Shared by the health report (lib/health/components.ts) and the project
 * overview's health roll-up. Plain module: no Next.js imports.
 */
import type { Db } from "@/lib/db/prisma";

/** An engine without a heartbeat for this long is dead. */
export const HEARTBEAT_EXPIRY_MS = 30_000;
/** How far past a limit a run must be before it counts as stuck. */
export const STUCK_GRACE_MS = 60_000;

export interface StuckRun {
  id: string;
  /** "past its deadline", "has no live engine", "step build past its timeout". */
  reason: string;
}

export interface StuckRunsResult {
  /** Active (queued, running, paused) runs looked at. */
  active: number;
  stuck: StuckRun[];
}

/** Active runs (at most 1000), optionally of one project, and those among them that are stuck. */
export async function findStuckRuns(prisma: Db, now: number, filter: { projectId?: string } = {}): Promise<StuckRunsResult> {
  const active = await prisma.run.findMany({
    where: { status: { in: ["queued", "running", "paused"] }, ...(filter.projectId ? { projectId: filter.projectId } : {}) },
    select: {
      id: true,
      status: true,
      deadlineAt: true,
      queuedAt: true,
      ownerInstanceId: true,
      workflowVersion: { select: { definition: true } },
      tasks: { where: { status: "running" }, select: { stepId: true, startedAt: true } },
    },
    take: 1000,
  });
  if (active.length === 0) return { active: 0, stuck: [] };
  const alive = new Set(
    (await prisma.engineInstance.findMany({ where: { heartbeatAt: { gt: new Date(now - HEARTBEAT_EXPIRY_MS - STUCK_GRACE_MS) } }, select: { id: true } })).map((i) => i.id),
  );
  const stuck: StuckRun[] = [];
  for (const run of active) {
    if (run.status !== "paused" && run.deadlineAt && run.deadlineAt.getTime() < now - STUCK_GRACE_MS) {
      stuck.push({ id: run.id, reason: "past its deadline" });
      continue;
    }
    if ((!run.ownerInstanceId || !alive.has(run.ownerInstanceId)) && run.queuedAt.getTime() < now - STUCK_GRACE_MS) {
      stuck.push({ id: run.id, reason: "has no live engine" });
      continue;
    }
    const steps = (run.workflowVersion.definition as { steps?: { id: string; timeoutSec?: number }[] } | null)?.steps ?? [];
    const timeouts = new Map(steps.map((s) => [s.id, s.timeoutSec]));
    const late = run.tasks.find((t) => {
      const limit = timeouts.get(t.stepId);
      return limit !== undefined && t.startedAt !== null && t.startedAt.getTime() + limit * 1000 < now - STUCK_GRACE_MS;
    });
    if (late) stuck.push({ id: run.id, reason: `step ${late.stepId} past its timeout` });
  }
  return { active: active.length, stuck };
}
