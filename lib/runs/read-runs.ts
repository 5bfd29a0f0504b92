/**
 * Runs as the REST API and the CLI see them (plain module): filtered lists,
 * one run with every step, its ordered event log (for following it live from
 * any process) and step logs. Reads the database, so it works the same
 * whichever process executes the run.
 */
import { getPrisma } from "@/lib/db/prisma";
import type { WaitReason } from "@/lib/engine/store";
import { fail, iso, ok, type ServiceResult } from "@/lib/service-result";
import type { LogPageDto, RunDto, RunEventDto, RunSummaryDto, TaskDto } from "@/lib/validations/api";
import type { ListRunsQuery } from "@/lib/validations/runs";

export const FINAL_TASK_STATUSES = ["succeeded", "failed", "skipped", "cancelled", "cached", "upstream_failed"] as const;
export const FINAL_RUN_STATUSES = ["succeeded", "failed", "cancelled"] as const;

const SUMMARY_SELECT = {
  id: true,
  status: true,
  trigger: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  workflow: { select: { id: true, name: true, slug: true } },
  project: { select: { id: true, name: true, slug: true } },
  workflowVersion: { select: { number: true } },
} as const;

type SummaryRow = {
  id: string;
  status: RunSummaryDto["status"];
  trigger: RunSummaryDto["trigger"];
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  workflow: RunSummaryDto["workflow"];
  project: RunSummaryDto["project"];
  workflowVersion: { number: number };
};

function summaryOf(r: SummaryRow, total: number, done: number): RunSummaryDto {
  return {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    workflow: r.workflow,
    project: r.project,
    version: r.workflowVersion.number,
    queuedAt: iso(r.queuedAt)!,
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    stepsTotal: total,
    stepsDone: done,
  };
}

/** Runs newest first, filtered by status (any of), project slug and workflow id. */
export async function listRuns(q: Partial<ListRunsQuery> = {}): Promise<RunSummaryDto[]> {
  const prisma = getPrisma();
  const rows = await prisma.run.findMany({
    where: {
      ...(q.status?.length ? { status: { in: q.status } } : {}),
      ...(q.project ? { project: { slug: q.project } } : {}),
      ...(q.workflow ? { workflowId: q.workflow } : {}),
    },
    orderBy: { queuedAt: "desc" },
    take: q.limit ?? 50,
    select: SUMMARY_SELECT,
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await prisma.taskRun.groupBy({ by: ["runId", "status"], where: { runId: { in: ids } }, _count: { _all: true } });
  const total = new Map<string, number>();
  const done = new Map<string, number>();
  for (const c of counts) {
    total.set(c.runId, (total.get(c.runId) ?? 0) + c._count._all);
    if ((FINAL_TASK_STATUSES as readonly string[]).includes(c.status)) done.set(c.runId, (done.get(c.runId) ?? 0) + c._count._all);
  }
  return rows.map((r) => summaryOf(r, total.get(r.id) ?? 0, done.get(r.id) ?? 0));
}

interface StepDef {
  id: string;
  name?: string;
  kind?: string;
  dependsOn?: string[];
}

/** One run with every step, in definition order. */
export async function getRun(id: string): Promise<ServiceResult<RunDto>> {
  const prisma = getPrisma();
  // Read the event position first: a follower then re-reads at most a few events it already reflects.
  const last = await prisma.runEvent.findFirst({ where: { runId: id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const run = await prisma.run.findUnique({
    where: { id },
    select: {
      ...SUMMARY_SELECT,
      triggeredById: true,
      params: true,
      pausedAt: true,
      cancelledAt: true,
      error: true,
      metrics: true,
      workflowVersion: { select: { number: true, definition: true } },
      tasks: {
        select: {
          stepId: true,
          status: true,
          attempt: true,
          waitReason: true,
          queuedAt: true,
          startedAt: true,
          finishedAt: true,
          exitCode: true,
          error: true,
          cpuSeconds: true,
          peakMemoryMb: true,
        },
      },
    },
  });
  if (!run) return fail(404, `No run with the id "${id}".`);
  const steps = ((run.workflowVersion.definition as { steps?: StepDef[] } | null)?.steps ?? []) as StepDef[];
  const order = new Map(steps.map((s, i) => [s.id, i]));
  const defs = new Map(steps.map((s) => [s.id, s]));
  const tasks: TaskDto[] = [...run.tasks]
    .sort((a, b) => (order.get(a.stepId) ?? 1e9) - (order.get(b.stepId) ?? 1e9) || a.stepId.localeCompare(b.stepId))
    .map((t) => {
      const def = defs.get(t.stepId);
      return {
        stepId: t.stepId,
        name: def?.name ?? null,
        kind: def?.kind ?? null,
        status: t.status,
        attempts: t.attempt,
        dependsOn: def?.dependsOn ?? [],
        waitReason: (t.waitReason as WaitReason | null) ?? null,
        queuedAt: iso(t.queuedAt),
        startedAt: iso(t.startedAt),
        finishedAt: iso(t.finishedAt),
        exitCode: t.exitCode,
        error: t.error,
        cpuSeconds: t.cpuSeconds,
        peakMemoryMb: t.peakMemoryMb,
      };
    });
  const done = tasks.filter((t) => (FINAL_TASK_STATUSES as readonly string[]).includes(t.status)).length;
  return ok({
    ...summaryOf(run, tasks.length, done),
    triggeredBy: run.triggeredById,
    params: (run.params ?? {}) as Record<string, string>,
    pausedAt: iso(run.pausedAt),
    cancelledAt: iso(run.cancelledAt),
    error: run.error,
    metrics: (run.metrics ?? null) as Record<string, unknown> | null,
    lastEventSeq: last?.seq ?? 0,
    tasks,
  });
}

/** The run's events with `seq > after`, oldest first. */
export async function listRunEvents(runId: string, opts: { after?: number; limit?: number } = {}): Promise<ServiceResult<RunEventDto[]>> {
  const prisma = getPrisma();
  const rows = await prisma.runEvent.findMany({
    where: { runId, seq: { gt: opts.after ?? 0 } },
    orderBy: { seq: "asc" },
    take: opts.limit ?? 500,
    select: { seq: true, type: true, payload: true, createdAt: true },
  });
  if (rows.length === 0 && !(await prisma.run.findUnique({ where: { id: runId }, select: { id: true } }))) {
    return fail(404, `No run with the id "${runId}".`);
  }
  return ok(rows.map((r) => ({ seq: r.seq, ts: iso(r.createdAt)!, type: r.type, data: (r.payload ?? {}) as Record<string, unknown> })));
}

/** Output of one step (every attempt, or one), after an optional `attempt:seq` cursor. */
export async function getStepLogs(
  runId: string,
  opts: { step: string; attempt?: number; cursor?: string; limit?: number },
): Promise<ServiceResult<LogPageDto>> {
  const prisma = getPrisma();
  const task = await prisma.taskRun.findUnique({ where: { runId_stepId: { runId, stepId: opts.step } }, select: { id: true, status: true } });
  if (!task) {
    const run = await prisma.run.findUnique({ where: { id: runId }, select: { tasks: { select: { stepId: true } } } });
    if (!run) return fail(404, `No run with the id "${runId}".`);
    const steps = run.tasks.map((t) => t.stepId).sort();
    return fail(404, `The run has no step "${opts.step}". Its steps: ${steps.join(", ")}.`);
  }
  const [ca, cs] = (opts.cursor ?? "0:0").split(":").map(Number) as [number, number];
  const chunks = await prisma.logChunk.findMany({
    where: {
      taskRunId: task.id,
      ...(opts.attempt ? { attempt: opts.attempt } : {}),
      OR: [{ attempt: { gt: ca } }, { attempt: ca, seq: { gt: cs } }],
    },
    orderBy: [{ attempt: "asc" }, { seq: "asc" }],
    take: opts.limit ?? 1000,
    select: { attempt: true, seq: true, stream: true, ts: true, text: true },
  });
  const lastChunk = chunks.at(-1);
  const final = (FINAL_TASK_STATUSES as readonly string[]).includes(task.status);
  return ok({
    runId,
    stepId: opts.step,
    taskStatus: task.status,
    chunks: chunks.map((c) => ({ attempt: c.attempt, seq: c.seq, stream: c.stream, ts: iso(c.ts)!, text: c.text })),
    cursor: lastChunk ? `${lastChunk.attempt}:${lastChunk.seq}` : (opts.cursor ?? null),
    // Done only when the step is final AND this page reached the end of its output.
    done: final && chunks.length < (opts.limit ?? 1000),
  });
}
