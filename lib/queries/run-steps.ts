import "server-only";
import type { LogChunkDto, LogPage, StepDetail, StepTransition } from "@/lib/live/step-types";
import { thinSamples } from "@/lib/live/samples";
import type { TaskStatus } from "@/lib/live/types";
import { db } from "./db";

/** A log page stops after about this much text, however many chunks that is. */
const PAGE_BYTES = 512 * 1024;
const PAGE_CHUNKS = 2000;

async function findTask(runId: string, stepId: string) {
  return db().taskRun.findUnique({
    where: { runId_stepId: { runId, stepId } },
    select: { id: true, status: true, attempt: true, outputs: true },
  });
}

/** Attempts, outputs, state history and resource samples of one step. */
export async function getStepDetail(runId: string, stepId: string, attempt?: number): Promise<StepDetail | null> {
  const prisma = db();
  const task = await findTask(runId, stepId);
  if (!task) return null;
  const samplesAttempt = attempt ?? (task.attempt || null);
  const [attempts, events, samples] = await Promise.all([
    prisma.taskAttempt.findMany({ where: { taskRunId: task.id }, orderBy: { attempt: "asc" } }),
    // Step events are not indexed by step; a run has a few per step, so filter here.
    prisma.runEvent.findMany({
      where: { runId, type: "task.status" },
      orderBy: { seq: "asc" },
      take: 20_000,
      select: { seq: true, createdAt: true, payload: true },
    }),
    samplesAttempt
      ? prisma.metricSample.findMany({
          where: { taskRunId: task.id, attempt: samplesAttempt },
          orderBy: { ts: "asc" },
          select: { ts: true, cpuPercent: true, rssMb: true },
        })
      : Promise.resolve([]),
  ]);
  const history: StepTransition[] = [];
  for (const e of events) {
    const p = e.payload as Record<string, unknown> | null;
    if (p?.stepId !== stepId) continue;
    history.push({
      seq: e.seq,
      ts: e.createdAt.getTime(),
      previous: p.previous as TaskStatus,
      status: p.status as TaskStatus,
      attempt: Number(p.attempt ?? 0),
      reason: (p.reason as string | undefined) ?? null,
      error: (p.error as string | undefined) ?? null,
    });
  }
  return {
    stepId,
    status: task.status,
    outputs: (task.outputs as Record<string, unknown> | null) ?? null,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      status: a.status,
      queuedAt: a.queuedAt.getTime(),
      startedAt: a.startedAt.getTime(),
      finishedAt: a.finishedAt?.getTime() ?? null,
      exitCode: a.exitCode,
      httpStatus: a.httpStatus,
      reason: a.reason,
      error: a.error,
      outputs: (a.outputs as Record<string, unknown> | null) ?? null,
      cpuSeconds: a.cpuSeconds,
      peakMemoryMb: a.peakMemoryMb,
    })),
    history,
    samplesAttempt,
    samples: thinSamples(samples.map((s) => ({ ts: s.ts.getTime(), cpuPercent: s.cpuPercent, rssMb: s.rssMb }))),
  };
}

const toChunk = (c: { seq: number; stream: "stdout" | "stderr"; ts: Date; text: string }): LogChunkDto => ({
  seq: c.seq,
  stream: c.stream,
  ts: c.ts.getTime(),
  text: c.text,
});

/**
 * A page of one attempt's output, about {@link PAGE_BYTES} long: forward
 * from `after` (live tail), or backward ending before `before` (default: the
 * end, i.e. the latest output). Seqs are 1, 2, 3 … per attempt.
 */
export async function getStepLogPage(
  runId: string,
  stepId: string,
  opts: { attempt?: number; after?: number; before?: number },
): Promise<LogPage | null> {
  const prisma = db();
  const task = await findTask(runId, stepId);
  if (!task) return null;
  const attempt = opts.attempt ?? Math.max(1, task.attempt);
  const select = { seq: true, stream: true, ts: true, text: true } as const;
  const chunks: LogChunkDto[] = [];
  let bytes = 0;
  if (opts.after !== undefined) {
    const rows = await prisma.logChunk.findMany({
      where: { taskRunId: task.id, attempt, seq: { gt: opts.after } },
      orderBy: { seq: "asc" },
      take: PAGE_CHUNKS,
      select,
    });
    for (const r of rows) {
      if (bytes >= PAGE_BYTES) break;
      chunks.push(toChunk(r));
      bytes += r.text.length;
    }
  } else {
    let before = opts.before ?? Number.MAX_SAFE_INTEGER;
    while (bytes < PAGE_BYTES && chunks.length < PAGE_CHUNKS) {
      const rows = await prisma.logChunk.findMany({
        where: { taskRunId: task.id, attempt, seq: { lt: before } },
        orderBy: { seq: "desc" },
        take: 200,
        select,
      });
      for (const r of rows) {
        if (bytes >= PAGE_BYTES) break;
        chunks.push(toChunk(r));
        bytes += r.text.length;
        before = r.seq;
      }
      if (rows.length < 200) break;
    }
    chunks.reverse();
  }
  const first = chunks[0]?.seq ?? (opts.after !== undefined ? opts.after + 1 : (opts.before ?? 1));
  return { attempt, chunks, hasEarlier: first > 1, taskStatus: task.status };
}

/** The whole output of one attempt as text, read page by page (never all in memory). */
export async function streamStepLog(runId: string, stepId: string, attempt?: number): Promise<{ attempt: number; stream: ReadableStream<Uint8Array> } | null> {
  const task = await findTask(runId, stepId);
  if (!task) return null;
  const n = attempt ?? Math.max(1, task.attempt);
  const encoder = new TextEncoder();
  let after = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await db().logChunk.findMany({
        where: { taskRunId: task.id, attempt: n, seq: { gt: after } },
        orderBy: { seq: "asc" },
        take: 500,
        select: { seq: true, text: true },
      });
      for (const r of rows) controller.enqueue(encoder.encode(r.text));
      if (rows.length < 500) controller.close();
      else after = rows.at(-1)!.seq;
    },
  });
  return { attempt: n, stream };
}
