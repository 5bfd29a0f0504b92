/**
 * The workflow report's CSV (one row per run, the columns of render-report's
 * WORKFLOW_COLUMNS) as a stream: runs are read in keyset-paginated batches,
 * so an export of 10,000+ runs never holds more than one batch in memory.
 * Same columns as the built CSV (render-report.ts), so clients see one format.
 */
import type { Db } from "@/lib/db/prisma";
import { iso } from "@/lib/service-result";
import { toCsv } from "./render-report";

export const STREAM_COLUMNS = ["id", "version", "status", "trigger", "startedAt", "finishedAt", "durationMs", "steps", "failedSteps"];

export function streamWorkflowRunsCsv(prisma: Db, opts: { workflowId: string; limit?: number; batch?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batch = opts.batch ?? 500;
  let remaining = opts.limit ?? Number.POSITIVE_INFINITY;
  let cursor: { queuedAt: Date; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(STREAM_COLUMNS.join(",") + "\n"));
        return;
      }
      const take = Math.min(batch, remaining);
      if (take <= 0) return controller.close();
      const runs = await prisma.run.findMany({
        where: {
          workflowId: opts.workflowId,
          ...(cursor ? { OR: [{ queuedAt: { lt: cursor.queuedAt } }, { queuedAt: cursor.queuedAt, id: { lt: cursor.id } }] } : {}),
        },
        orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
        take,
        select: { id: true, queuedAt: true, status: true, trigger: true, startedAt: true, finishedAt: true, workflowVersion: { select: { number: true } } },
      });
      if (runs.length === 0) return controller.close();
      const ids = runs.map((r) => r.id);
      const [totals, failed] = await Promise.all([
        prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids } }, _count: { _all: true } }),
        prisma.taskRun.groupBy({ by: ["runId"], where: { runId: { in: ids }, status: "failed" }, _count: { _all: true } }),
      ]);
      const totalOf = new Map(totals.map((t) => [t.runId, t._count._all]));
      const failedOf = new Map(failed.map((t) => [t.runId, t._count._all]));
      const rows = runs.map((r) => ({
        id: r.id,
        version: r.workflowVersion.number,
        status: r.status,
        trigger: r.trigger,
        startedAt: iso(r.startedAt),
        finishedAt: iso(r.finishedAt),
        durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
        steps: totalOf.get(r.id) ?? 0,
        failedSteps: failedOf.get(r.id) ?? 0,
      }));
      // toCsv adds a header line; drop it (sent once above).
      controller.enqueue(encoder.encode(toCsv(rows, STREAM_COLUMNS).split("\n").slice(1).join("\n")));
      const last = runs.at(-1)!;
      cursor = { queuedAt: last.queuedAt, id: last.id };
      remaining -= runs.length;
      if (runs.length < take) controller.close();
    },
  });
}
