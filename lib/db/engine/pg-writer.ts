/**
 * The PostgreSQL path of the engine store: applies a batch as plain SQL on
 * one pooled pg connection (BEGIN … COMMIT), one statement per mutation and
 * chunked multi-row INSERTs for the list-valued ones. Prisma's per-query
 * cost (~0.5 ms) would otherwise dominate the engine's per-task overhead.
 *
 * Values are sent as text that PostgreSQL casts to the target column's type:
 *   DateTime (timestamp(3), UTC) → "YYYY-MM-DD HH:MM:SS.mmm"
 *   Json (jsonb)                 → JSON text
 *   enums                        → their names
 * which is exactly how Prisma's pg adapter stores them.
 */
import type pg from "pg";
import type { Fence, Mutation } from "../../engine/store";
import {
  ATTEMPT_INSERT_COLUMNS,
  ATTEMPT_PATCH_COLUMNS,
  RUN_PATCH_COLUMNS,
  TASK_INSERT_COLUMNS,
  TASK_PATCH_COLUMNS,
  patchEntries,
  type Column,
} from "./columns";

/** Prisma's PostgreSQL DateTime text (UTC, no zone) for epoch ms. */
export function pgDate(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

const dateOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : pgDate(ms));

function encode(col: Column, value: unknown): unknown {
  switch (col.kind) {
    case "plain":
      return value ?? null;
    case "date":
      return dateOrNull(value as number | null);
    case "json":
      return value === null || value === undefined ? null : JSON.stringify(value);
    case "jsonRequired":
      return JSON.stringify(value ?? null);
    default: {
      const never: never = col.kind;
      throw new Error(`unknown column kind ${String(never)}`);
    }
  }
}

const q = (name: string) => `"${name}"`;

/** Most bind parameters per statement (PostgreSQL's limit is 65,535). */
const MAX_PARAMS = 30_000;

/** Applies mutations on one pg client inside the caller's transaction. */
export class PgBatchWriter {
  constructor(private readonly client: pg.PoolClient) {}

  /** Run ids of the fence that exist and are owned by someone else; locks those rows until commit. */
  async fencedRuns(fence: Fence): Promise<string[]> {
    if (fence.runIds.length === 0) return [];
    const res = await this.client.query<{ id: string; owner: string | null }>(
      `SELECT "id", "ownerInstanceId" AS owner FROM "Run" WHERE "id" = ANY($1::text[]) FOR UPDATE`,
      [fence.runIds],
    );
    return res.rows.filter((r) => r.owner !== fence.instanceId).map((r) => r.id);
  }

  private async insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    for (let start = 0; start < rows.length; start += perChunk) {
      const chunk = rows.slice(start, start + perChunk);
      const values: unknown[] = [];
      const tuples = chunk.map((row) => {
        const marks = row.map((v) => {
          values.push(v);
          return `$${values.length}`;
        });
        return `(${marks.join(", ")})`;
      });
      await this.client.query(`INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES ${tuples.join(", ")}`, values);
    }
  }

  /** Chunked multi-row INSERT of records, encoding one chunk at a time (a 10,000-row insert holds one chunk's values, not all). */
  private async insertRecords(table: string, spec: Record<string, Column>, records: readonly object[]): Promise<void> {
    const keys = Object.keys(spec);
    const columns = keys.map((k) => spec[k]!.column);
    const perChunk = Math.max(1, Math.floor(MAX_PARAMS / keys.length));
    for (let start = 0; start < records.length; start += perChunk) {
      const rows = records.slice(start, start + perChunk).map((r) => keys.map((k) => encode(spec[k]!, (r as Record<string, unknown>)[k])));
      await this.insertRows(table, columns, rows);
    }
  }

  private async update(table: string, id: string, entries: [Column, unknown][]): Promise<void> {
    if (entries.length === 0) return;
    const sets = entries.map(([c], i) => `${q(c.column)} = $${i + 1}`);
    await this.client.query(`UPDATE ${q(table)} SET ${sets.join(", ")} WHERE "id" = $${entries.length + 1}`, [
      ...entries.map(([c, v]) => encode(c, v)),
      id,
    ]);
  }

  async apply(m: Mutation): Promise<void> {
    switch (m.type) {
      case "run.insert": {
        const r = m.run;
        const res = await this.client.query(
          `INSERT INTO "Run" ("id", "workflowVersionId", "workflowId", "projectId", "status", "params", "trigger",
             "triggeredById", "ownerInstanceId", "workingDir", "queuedAt", "startedAt", "finishedAt", "deadlineAt",
             "pausedAt", "pausedBy", "cancelledAt", "cancelledBy", "error", "metrics")
           SELECT $1, v."id", v."workflowId", w."projectId", $2::text::"RunStatus", $3::jsonb, $4::text::"RunTrigger",
             $5, $6, $7, $8::timestamp(3), $9::timestamp(3), $10::timestamp(3), $11::timestamp(3), $12::timestamp(3),
             $13, $14::timestamp(3), $15, $16, $17::jsonb
           FROM "WorkflowVersion" v JOIN "Workflow" w ON w."id" = v."workflowId" WHERE v."id" = $18`,
          [
            r.id,
            r.status,
            JSON.stringify(r.params ?? {}),
            r.trigger,
            r.triggeredBy,
            r.ownerInstanceId,
            r.workingDir,
            pgDate(r.createdAt),
            dateOrNull(r.startedAt),
            dateOrNull(r.finishedAt),
            dateOrNull(r.deadlineAt),
            dateOrNull(r.pausedAt),
            r.pausedBy,
            dateOrNull(r.cancelledAt),
            r.cancelledBy,
            r.error,
            r.metrics === null ? null : JSON.stringify(r.metrics),
            r.workflowVersionId,
          ],
        );
        if (res.rowCount !== 1) throw new Error(`run.insert ${r.id}: workflow version ${r.workflowVersionId} does not exist`);
        return;
      }
      case "run.update":
        return this.update("Run", m.runId, patchEntries(m.patch, RUN_PATCH_COLUMNS, "run.update"));
      case "tasks.insert":
        return this.insertRecords("TaskRun", TASK_INSERT_COLUMNS, m.tasks);
      case "task.update":
        return this.update("TaskRun", m.taskRunId, patchEntries(m.patch, TASK_PATCH_COLUMNS, "task.update"));
      case "attempt.insert":
        return this.insertRecords("TaskAttempt", ATTEMPT_INSERT_COLUMNS, [m.attempt]);
      case "attempt.update":
        return this.update("TaskAttempt", m.attemptId, patchEntries(m.patch, ATTEMPT_PATCH_COLUMNS, "attempt.update"));
      case "events.append":
        return this.insertRows(
          "RunEvent",
          ["runId", "seq", "type", "payload", "createdAt"],
          m.events.map((e) => [e.runId, e.seq, e.type, JSON.stringify(e.payload ?? null), pgDate(e.ts)]),
        );
      case "logs.append":
        return this.insertRows(
          "LogChunk",
          ["taskRunId", "attempt", "seq", "runId", "stream", "text", "ts"],
          m.chunks.map((l) => [l.taskRunId, l.attempt, l.seq, l.runId, l.stream, l.text, pgDate(l.ts)]),
        );
      case "allocation.insert": {
        const a = m.allocation;
        return this.insertRows(
          "ResourceAllocation",
          ["id", "poolName", "amount", "runId", "taskRunId", "attempt", "instanceId", "acquiredAt", "releasedAt"],
          [[a.id, a.pool, a.amount, a.runId, a.taskRunId, a.attempt, a.instanceId, pgDate(a.acquiredAt), dateOrNull(a.releasedAt)]],
        );
      }
      case "allocation.release":
        await this.client.query(`UPDATE "ResourceAllocation" SET "releasedAt" = $1 WHERE "id" = $2 AND "releasedAt" IS NULL`, [
          pgDate(m.releasedAt),
          m.allocationId,
        ]);
        return;
      case "allocations.releaseRun":
        await this.client.query(`UPDATE "ResourceAllocation" SET "releasedAt" = $1 WHERE "runId" = $2 AND "releasedAt" IS NULL`, [
          pgDate(m.releasedAt),
          m.runId,
        ]);
        return;
      case "metrics.append":
        return this.insertRows(
          "MetricSample",
          ["taskRunId", "attempt", "ts", "cpuPercent", "rssMb"],
          m.samples.map((s) => [s.taskRunId, s.attempt, pgDate(s.ts), s.cpuPercent, s.rssMb]),
        );
      default: {
        const never: never = m;
        throw new Error(`engine store: unknown mutation ${JSON.stringify(never)}`);
      }
    }
  }
}
