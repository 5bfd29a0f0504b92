import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { WorkflowDefinition } from "@/lib/engine/definition";
import type { LiveRun, LiveTask, RunMetrics, WaitReason } from "@/lib/live/types";
import { db } from "./db";

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

const RUN_SELECT = {
  id: true,
  status: true,
  trigger: true,
  triggeredById: true,
  params: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  pausedAt: true,
  cancelledAt: true,
  error: true,
  metrics: true,
  workflow: { select: { id: true, name: true, slug: true, layout: true } },
  project: { select: { name: true, slug: true } },
  workflowVersion: { select: { number: true, definition: true } },
  tasks: {
    select: {
      id: true,
      stepId: true,
      status: true,
      attempt: true,
      waitReason: true,
      queuedAt: true,
      startedAt: true,
      finishedAt: true,
      exitCode: true,
      httpStatus: true,
      error: true,
      cpuSeconds: true,
      peakMemoryMb: true,
    },
  },
  attempts: {
    orderBy: [{ startedAt: "asc" }, { attempt: "asc" }],
    select: { stepId: true, attempt: true, status: true, queuedAt: true, startedAt: true, finishedAt: true, exitCode: true, reason: true, error: true },
  },
} satisfies Prisma.RunSelect;

/** "ada@example.test" for a user id; labels such as "cli" stay as they are. */
async function actorLabel(id: string | null): Promise<string | null> {
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { email: true } });
  return user?.email ?? id;
}

function layoutOf(raw: unknown): LiveRun["layout"] {
  const nodes = (raw as { nodes?: Record<string, { x?: unknown; y?: unknown }> } | null)?.nodes;
  if (!nodes || typeof nodes !== "object") return null;
  const out: NonNullable<LiveRun["layout"]> = {};
  for (const [id, p] of Object.entries(nodes)) if (typeof p?.x === "number" && typeof p.y === "number") out[id] = { x: p.x, y: p.y };
  return Object.keys(out).length ? out : null;
}

/**
 * A run as the live page shows it. The event position is read FIRST: the
 * snapshot then reflects at least every event up to `lastEventSeq`, and the
 * few later ones it may already show re-apply harmlessly.
 */
export async function getLiveRun(id: string): Promise<LiveRun | null> {
  const prisma = db();
  const last = await prisma.runEvent.findFirst({ where: { runId: id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const run = await prisma.run.findUnique({ where: { id }, select: RUN_SELECT });
  if (!run) return null;
  const definition = run.workflowVersion.definition as unknown as WorkflowDefinition;
  const steps = definition.steps ?? [];
  const rows = new Map(run.tasks.map((t) => [t.stepId, t]));
  const tasks: LiveTask[] = [];
  for (const step of steps) {
    const t = rows.get(step.id);
    if (!t) continue;
    tasks.push({
      id: t.id,
      stepId: t.stepId,
      name: step.name ?? step.id,
      kind: step.kind,
      dependsOn: step.dependsOn ?? [],
      ...(step.continueOnFailure ? { continueOnFailure: true } : {}),
      status: t.status,
      attempt: t.attempt,
      waitReason: (t.waitReason as WaitReason | null) ?? null,
      queuedAt: ms(t.queuedAt),
      startedAt: ms(t.startedAt),
      finishedAt: ms(t.finishedAt),
      exitCode: t.exitCode,
      httpStatus: t.httpStatus,
      error: t.error,
      cpuSeconds: t.cpuSeconds,
      peakMemoryMb: t.peakMemoryMb,
    });
  }
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    triggeredBy: await actorLabel(run.triggeredById),
    params: (run.params ?? {}) as Record<string, unknown>,
    queuedAt: run.queuedAt.getTime(),
    startedAt: ms(run.startedAt),
    finishedAt: ms(run.finishedAt),
    pausedAt: ms(run.pausedAt),
    cancelledAt: ms(run.cancelledAt),
    error: run.error,
    metrics: (run.metrics as RunMetrics | null) ?? null,
    concurrency: definition.concurrency ?? null,
    workflow: { id: run.workflow.id, name: run.workflow.name, slug: run.workflow.slug },
    project: run.project,
    version: run.workflowVersion.number,
    layout: layoutOf(run.workflow.layout),
    asOf: Date.now(),
    lastEventSeq: last?.seq ?? 0,
    tasks,
    attempts: run.attempts.map((a) => ({
      stepId: a.stepId,
      attempt: a.attempt,
      status: a.status,
      queuedAt: a.queuedAt.getTime(),
      startedAt: a.startedAt.getTime(),
      finishedAt: ms(a.finishedAt),
      exitCode: a.exitCode,
      reason: a.reason,
      error: a.error,
    })),
  };
}
