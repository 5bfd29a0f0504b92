/**
 * The SQLite hot path of the engine store: applies a batch with prepared
 * better-sqlite3 statements, synchronously, on the SAME connection Prisma
 * uses (so there is one writer per process and no lock ping-pong).
 *
 * Values are encoded exactly as Prisma's SQLite adapter stores them, so the
 * app reads engine-written rows through Prisma unchanged:
 *   DateTime → ISO-8601 text with "+00:00" (e.g. 2026-01-02T03:04:05.678+00:00)
 *   Json     → JSON text (SQL NULL for a null nullable column)
 *   enums    → their names as text
 */
import type { Database, Statement } from "better-sqlite3";
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

/** Prisma's SQLite DateTime text for epoch ms. */
export function sqliteDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

function encode(col: Column, value: unknown): unknown {
  switch (col.kind) {
    case "plain":
      return value ?? null;
    case "date":
      return value === null || value === undefined ? null : sqliteDate(value as number);
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

const RUN_INSERT_SQL = `INSERT INTO "Run" ("id", "workflowVersionId", "workflowId", "projectId", "status", "params", "trigger",
  "triggeredById", "ownerInstanceId", "workingDir", "queuedAt", "startedAt", "finishedAt", "deadlineAt", "pausedAt",
  "pausedBy", "cancelledAt", "cancelledBy", "error", "metrics")
SELECT ?, v."id", v."workflowId", w."projectId", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
FROM "WorkflowVersion" v JOIN "Workflow" w ON w."id" = v."workflowId" WHERE v."id" = ?`;

/** Prepared-statement cache and batch application for one better-sqlite3 handle. */
export class SqliteBatchWriter {
  private readonly statements = new Map<string, Statement>();
  private readonly inserts = new Map<Record<string, Column>, { keys: string[]; cols: Column[]; sql: string }>();

  constructor(readonly db: Database) {}

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Run ids of the fence that exist and are owned by someone else. */
  fencedRuns(fence: Fence): string[] {
    const owner = this.stmt(`SELECT "ownerInstanceId" AS o FROM "Run" WHERE "id" = ?`);
    const lost: string[] = [];
    for (const runId of fence.runIds) {
      const row = owner.get(runId) as { o: string | null } | undefined;
      if (row !== undefined && row.o !== fence.instanceId) lost.push(runId);
    }
    return lost;
  }

  /** Inserts records of one table; the statement and the bind array are built once per call, not per row. */
  private insertAll(table: string, columns: Record<string, Column>, records: readonly object[]): void {
    let spec = this.inserts.get(columns);
    if (!spec) {
      const keys = Object.keys(columns);
      const sql = `INSERT INTO ${q(table)} (${keys.map((k) => q(columns[k]!.column)).join(", ")}) VALUES (${keys.map(() => "?").join(", ")})`;
      spec = { keys, cols: keys.map((k) => columns[k]!), sql };
      this.inserts.set(columns, spec);
    }
    const statement = this.stmt(spec.sql);
    const values = new Array<unknown>(spec.keys.length);
    for (const record of records) {
      for (let i = 0; i < spec.keys.length; i++) values[i] = encode(spec.cols[i]!, (record as Record<string, unknown>)[spec.keys[i]!]);
      statement.run(values);
    }
  }

  private update(table: string, id: string, entries: [Column, unknown][]): number {
    if (entries.length === 0) return 0;
    const sql = `UPDATE ${q(table)} SET ${entries.map(([c]) => `${q(c.column)} = ?`).join(", ")} WHERE "id" = ?`;
    return this.stmt(sql).run(...entries.map(([c, v]) => encode(c, v)), id).changes;
  }

  /** Applies one mutation; throws on constraint violations (the caller rolls back). */
  apply(m: Mutation): void {
    switch (m.type) {
      case "run.insert": {
        const r = m.run;
        const res = this.stmt(RUN_INSERT_SQL).run(
          r.id,
          r.status,
          JSON.stringify(r.params ?? {}),
          r.trigger,
          r.triggeredBy,
          r.ownerInstanceId,
          r.workingDir,
          sqliteDate(r.createdAt),
          r.startedAt === null ? null : sqliteDate(r.startedAt),
          r.finishedAt === null ? null : sqliteDate(r.finishedAt),
          r.deadlineAt === null ? null : sqliteDate(r.deadlineAt),
          r.pausedAt === null ? null : sqliteDate(r.pausedAt),
          r.pausedBy,
          r.cancelledAt === null ? null : sqliteDate(r.cancelledAt),
          r.cancelledBy,
          r.error,
          r.metrics === null ? null : JSON.stringify(r.metrics),
          r.workflowVersionId,
        );
        if (res.changes !== 1) throw new Error(`run.insert ${r.id}: workflow version ${r.workflowVersionId} does not exist`);
        return;
      }
      case "run.update":
        this.update("Run", m.runId, patchEntries(m.patch, RUN_PATCH_COLUMNS, "run.update"));
        return;
      case "tasks.insert":
        this.insertAll("TaskRun", TASK_INSERT_COLUMNS, m.tasks);
        return;
      case "task.update":
        this.update("TaskRun", m.taskRunId, patchEntries(m.patch, TASK_PATCH_COLUMNS, "task.update"));
        return;
      case "attempt.insert":
        this.insertAll("TaskAttempt", ATTEMPT_INSERT_COLUMNS, [m.attempt]);
        return;
      case "attempt.update":
        this.update("TaskAttempt", m.attemptId, patchEntries(m.patch, ATTEMPT_PATCH_COLUMNS, "attempt.update"));
        return;
      case "events.append": {
        const s = this.stmt(`INSERT INTO "RunEvent" ("runId", "seq", "type", "payload", "createdAt") VALUES (?, ?, ?, ?, ?)`);
        for (const e of m.events) s.run(e.runId, e.seq, e.type, JSON.stringify(e.payload ?? null), sqliteDate(e.ts));
        return;
      }
      case "logs.append": {
        const s = this.stmt(
          `INSERT INTO "LogChunk" ("taskRunId", "attempt", "seq", "runId", "stream", "text", "ts") VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const l of m.chunks) s.run(l.taskRunId, l.attempt, l.seq, l.runId, l.stream, l.text, sqliteDate(l.ts));
        return;
      }
      case "allocation.insert": {
        const a = m.allocation;
        this.stmt(
          `INSERT INTO "ResourceAllocation" ("id", "poolName", "amount", "runId", "taskRunId", "attempt", "instanceId", "acquiredAt", "releasedAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(a.id, a.pool, a.amount, a.runId, a.taskRunId, a.attempt, a.instanceId, sqliteDate(a.acquiredAt), a.releasedAt === null ? null : sqliteDate(a.releasedAt));
        return;
      }
      case "allocation.release":
        this.stmt(`UPDATE "ResourceAllocation" SET "releasedAt" = ? WHERE "id" = ? AND "releasedAt" IS NULL`).run(
          sqliteDate(m.releasedAt),
          m.allocationId,
        );
        return;
      case "allocations.releaseRun":
        this.stmt(`UPDATE "ResourceAllocation" SET "releasedAt" = ? WHERE "runId" = ? AND "releasedAt" IS NULL`).run(
          sqliteDate(m.releasedAt),
          m.runId,
        );
        return;
      case "metrics.append": {
        const s = this.stmt(`INSERT INTO "MetricSample" ("taskRunId", "attempt", "ts", "cpuPercent", "rssMb") VALUES (?, ?, ?, ?, ?)`);
        for (const x of m.samples) s.run(x.taskRunId, x.attempt, sqliteDate(x.ts), x.cpuPercent, x.rssMb);
        return;
      }
      default: {
        const never: never = m;
        throw new Error(`engine store: unknown mutation ${JSON.stringify(never)}`);
      }
    }
  }

  /** Runs a compare-and-set UPDATE and returns the number of changed rows. */
  run(sql: string, ...params: unknown[]): number {
    return this.stmt(sql).run(...params).changes;
  }
}
