/**
 * The engine's persistence port ({@link EngineStore}) on Prisma, for SQLite
 * and PostgreSQL.
 *
 * Writes
 * - SQLite: each batch is ONE `BEGIN IMMEDIATE … COMMIT` of prepared
 *   better-sqlite3 statements on the Prisma client's own connection, run
 *   synchronously (no other query of this process can interleave). Cost is a
 *   few µs per statement — the engine's per-task overhead budget (≤ 2 ms for a
 *   1,000-step chain, durable) leaves Prisma's per-query cost (~0.3 ms) out
 *   of the hot path. WAL + synchronous=NORMAL: a committed batch survives a
 *   process crash. If a Prisma transaction happens to be open on the
 *   connection, the batch queues behind it inside `prisma.$transaction`.
 * - PostgreSQL: each batch is one transaction of plain SQL on a connection of
 *   the Prisma client's own pg pool (Prisma's per-query cost would dominate);
 *   the fence locks the fenced runs (`SELECT … FOR UPDATE`) before anything
 *   is applied, so a concurrent `claimRun` waits and then sees the result.
 *
 * Ownership
 * - `claimRun` / `reopenRun` are single conditional UPDATEs (compare-and-set),
 *   atomic on both providers; the fence check of `commit` runs inside the
 *   batch's transaction, so a run claimed by another instance makes the
 *   batch apply nothing and return `{ ok: false, reason: "fenced" }`.
 *
 * Reads go through Prisma and map rows to the port's records (epoch ms).
 * `RunRecord.definition` is served from the run's workflow version (a run
 * must reference an existing WorkflowVersion; its workflowId and projectId
 * are taken from that version).
 */
import type { Database } from "better-sqlite3";
import type {
  AllocationRecord,
  ClaimableRunsQuery,
  ClaimRunInput,
  CommitResult,
  ControlRequest,
  EngineInstanceRecord,
  EngineStore,
  LogChunkRecord,
  MetricSampleRecord,
  PageQuery,
  RunEventRecord,
  RunRecord,
  StoreBatch,
  TaskAttemptRecord,
  TaskRunRecord,
} from "../engine/store";
import { Prisma, type RunStatus } from "../generated/sqlite/client";
import { PgBatchWriter } from "./engine/pg-writer";
import { SqliteBatchWriter, sqliteDate } from "./engine/sqlite-writer";
import {
  allocationRecordOf,
  attemptRecordOf,
  eventRecordOf,
  instanceRecordOf,
  logRecordOf,
  runRecordOf,
  sampleRecordOf,
  taskRecordOf,
} from "./engine/columns";
import { pgPoolOf, providerOfClient, sqliteHandleOf, type Db } from "./prisma";

const LIVE_STATUSES: RunStatus[] = ["queued", "running", "paused"];
const naturalOrder = new Intl.Collator("en", { numeric: true });

/** Options of {@link PrismaEngineStore}. */
export interface PrismaEngineStoreOptions {
  /** How long a batch may wait for / hold a Prisma transaction on SQLite (ms). Default 60 s. */
  transactionTimeoutMs?: number;
}

/** Thrown (with the original as `cause`) when a batch cannot be applied. */
export class EngineStoreError extends Error {
  override readonly name = "EngineStoreError";
}

/** {@link EngineStore} on a Prisma client from lib/db/prisma.ts. */
export class PrismaEngineStore implements EngineStore {
  private readonly provider: "sqlite" | "postgresql";
  private writer: SqliteBatchWriter | null = null;
  private readonly txTimeout: number;

  constructor(
    readonly prisma: Db,
    options: PrismaEngineStoreOptions = {},
  ) {
    this.provider = providerOfClient(prisma);
    this.txTimeout = options.transactionTimeoutMs ?? 60_000;
  }

  // ───────────────────────────── writes ─────────────────────────────

  /** The SQLite writer for the client's current connection (re-created after a reconnect). */
  private async sqliteWriter(): Promise<SqliteBatchWriter> {
    const db = (await sqliteHandleOf(this.prisma)) as Database;
    if (this.writer?.db !== db) this.writer = new SqliteBatchWriter(db);
    return this.writer;
  }

  /**
   * Runs `fn` in one write transaction on the SQLite connection: directly
   * (BEGIN IMMEDIATE, synchronous) when the connection is idle, else queued
   * behind the open Prisma transaction via `prisma.$transaction` (whose BEGIN
   * is IMMEDIATE too, see lib/db/adapters.ts).
   */
  private async sqliteWrite<T>(fn: (w: SqliteBatchWriter) => T): Promise<T> {
    const w = await this.sqliteWriter();
    const db = w.db;
    if (db.inTransaction) return this.prisma.$transaction(async () => fn(w), { maxWait: this.txTimeout, timeout: this.txTimeout });
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn(w);
      db.exec("COMMIT");
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw err;
    }
  }

  /** Runs `fn` in one transaction on a pooled pg connection (rolled back if it throws). */
  private async pgWrite<T>(fn: (w: PgBatchWriter) => Promise<T>): Promise<T> {
    const pool = await pgPoolOf(this.prisma);
    if (!pool) throw new Error("engine store: no PostgreSQL pool");
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await fn(new PgBatchWriter(client));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true; // the connection is unusable: drop it from the pool
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async commit(batch: StoreBatch): Promise<CommitResult> {
    const { fence, mutations } = batch;
    let current = "";
    try {
      if (this.provider === "sqlite") {
        return await this.sqliteWrite((w): CommitResult => {
          if (fence) {
            const lost = w.fencedRuns(fence);
            if (lost.length > 0) return { ok: false, reason: "fenced", lostRunIds: lost };
          }
          for (const m of mutations) {
            current = m.type;
            w.apply(m);
          }
          return { ok: true };
        });
      }
      return await this.pgWrite(async (w): Promise<CommitResult> => {
        if (fence) {
          const lost = await w.fencedRuns(fence);
          if (lost.length > 0) return { ok: false, reason: "fenced", lostRunIds: lost };
        }
        for (const m of mutations) {
          current = m.type;
          await w.apply(m);
        }
        return { ok: true };
      });
    } catch (err) {
      const what = current ? ` at ${current}` : "";
      throw new EngineStoreError(`engine store commit failed${what}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
  }

  // ───────────────────────────── reads ─────────────────────────────

  async getRun(runId: string): Promise<RunRecord | null> {
    const row = await this.prisma.run.findUnique({
      where: { id: runId },
      include: { workflowVersion: { select: { definition: true } } },
    });
    return row ? runRecordOf(row) : null;
  }

  async listTaskRuns(runId: string): Promise<TaskRunRecord[]> {
    const rows = await this.prisma.taskRun.findMany({ where: { runId } });
    // Engine ids are "<runId>:<definition index>": a numeric-aware sort gives definition order.
    return rows.map(taskRecordOf).sort((a, b) => naturalOrder.compare(a.id, b.id));
  }

  async listAttempts(runId: string): Promise<TaskAttemptRecord[]> {
    const rows = await this.prisma.taskAttempt.findMany({ where: { runId }, orderBy: [{ stepId: "asc" }, { attempt: "asc" }] });
    return rows.map(attemptRecordOf);
  }

  async listEvents(runId: string, page: PageQuery = {}): Promise<RunEventRecord[]> {
    const rows = await this.prisma.runEvent.findMany({
      where: { runId, seq: { gt: page.afterSeq ?? 0 } },
      orderBy: { seq: "asc" },
      take: page.limit,
    });
    return rows.map(eventRecordOf);
  }

  async lastEventSeq(runId: string): Promise<number> {
    const agg = await this.prisma.runEvent.aggregate({ where: { runId }, _max: { seq: true } });
    return agg._max.seq ?? 0;
  }

  async listLogs(
    runId: string,
    query: { taskRunId?: string; attempt?: number; limit?: number } = {},
  ): Promise<LogChunkRecord[]> {
    const rows = await this.prisma.logChunk.findMany({
      where: { runId, taskRunId: query.taskRunId, attempt: query.attempt },
      orderBy: [{ ts: "asc" }, { taskRunId: "asc" }, { attempt: "asc" }, { seq: "asc" }],
      take: query.limit,
    });
    return rows.map(logRecordOf);
  }

  async listOpenAllocations(runId?: string): Promise<AllocationRecord[]> {
    const rows = await this.prisma.resourceAllocation.findMany({
      where: { releasedAt: null, runId },
      orderBy: [{ acquiredAt: "asc" }, { id: "asc" }],
    });
    return rows.map(allocationRecordOf);
  }

  async listMetricSamples(taskRunId: string, attempt?: number): Promise<MetricSampleRecord[]> {
    const rows = await this.prisma.metricSample.findMany({
      where: { taskRunId, attempt },
      orderBy: [{ ts: "asc" }, { id: "asc" }],
    });
    return rows.map(sampleRecordOf);
  }

  // ───────────────────────────── instances ─────────────────────────────

  async upsertInstance(instance: EngineInstanceRecord): Promise<void> {
    const data = {
      host: instance.host,
      pid: instance.pid,
      startedAt: new Date(instance.startedAt),
      heartbeatAt: new Date(instance.heartbeatAt),
    };
    await this.prisma.engineInstance.upsert({ where: { id: instance.id }, create: { id: instance.id, ...data }, update: data });
  }

  async heartbeat(instanceId: string, at: number): Promise<boolean> {
    if (this.provider === "sqlite") {
      return this.sqliteWrite((w) => w.run(`UPDATE "EngineInstance" SET "heartbeatAt" = ? WHERE "id" = ?`, sqliteDate(at), instanceId) === 1);
    }
    const res = await this.prisma.engineInstance.updateMany({ where: { id: instanceId }, data: { heartbeatAt: new Date(at) } });
    return res.count === 1;
  }

  async removeInstance(instanceId: string): Promise<void> {
    await this.prisma.engineInstance.deleteMany({ where: { id: instanceId } });
  }

  async getInstance(instanceId: string): Promise<EngineInstanceRecord | null> {
    const row = await this.prisma.engineInstance.findUnique({ where: { id: instanceId } });
    return row ? instanceRecordOf(row) : null;
  }

  // ───────────────────────────── ownership ─────────────────────────────

  async listClaimableRuns(query: ClaimableRunsQuery): Promise<RunRecord[]> {
    const live = await this.prisma.engineInstance.findMany({
      where: { heartbeatAt: { gte: new Date(query.expiredBefore) }, id: { not: query.instanceId } },
      select: { id: true },
    });
    const rows = await this.prisma.run.findMany({
      where: {
        status: { in: LIVE_STATUSES },
        OR: [
          { ownerInstanceId: null },
          { ownerInstanceId: query.instanceId },
          { ownerInstanceId: { notIn: live.map((i) => i.id) } },
        ],
      },
      orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
      take: query.limit,
      include: { workflowVersion: { select: { definition: true } } },
    });
    return rows.map(runRecordOf);
  }

  /**
   * One UPDATE … WHERE: the run is live and its owner is null, the caller, or
   * dead (no instance row, or a heartbeat older than `expiredBefore`). On
   * PostgreSQL a concurrent claimer blocks on the row lock and re-checks the
   * condition against the winner's value, so exactly one claim succeeds.
   */
  async claimRun(input: ClaimRunInput): Promise<boolean> {
    if (this.provider === "sqlite") {
      return this.sqliteWrite(
        (w) =>
          w.run(
            `UPDATE "Run" SET "ownerInstanceId" = ?
             WHERE "id" = ? AND "status" IN ('queued', 'running', 'paused')
               AND ("ownerInstanceId" IS NULL OR "ownerInstanceId" = ? OR NOT EXISTS (
                 SELECT 1 FROM "EngineInstance" i WHERE i."id" = "Run"."ownerInstanceId" AND i."heartbeatAt" >= ?))`,
            input.instanceId,
            input.runId,
            input.instanceId,
            sqliteDate(input.expiredBefore),
          ) === 1,
      );
    }
    const changed = await this.prisma.$executeRaw`
      UPDATE "Run" SET "ownerInstanceId" = ${input.instanceId}
      WHERE "id" = ${input.runId} AND "status" IN ('queued', 'running', 'paused')
        AND ("ownerInstanceId" IS NULL OR "ownerInstanceId" = ${input.instanceId} OR NOT EXISTS (
          SELECT 1 FROM "EngineInstance" i
          WHERE i."id" = "Run"."ownerInstanceId" AND i."heartbeatAt" >= ${new Date(input.expiredBefore)}))`;
    return changed === 1;
  }

  async reopenRun(input: { runId: string; instanceId: string; from?: readonly RunStatus[] }): Promise<boolean> {
    const from = [...(input.from ?? ["failed", "cancelled"])];
    if (from.length === 0) return false;
    if (this.provider === "sqlite") {
      return this.sqliteWrite(
        (w) =>
          w.run(
            `UPDATE "Run" SET "status" = 'running', "ownerInstanceId" = ?, "finishedAt" = NULL
             WHERE "id" = ? AND "status" IN (${from.map(() => "?").join(", ")})`,
            input.instanceId,
            input.runId,
            ...from,
          ) === 1,
      );
    }
    const res = await this.prisma.run.updateMany({
      where: { id: input.runId, status: { in: from } },
      data: { status: "running", ownerInstanceId: input.instanceId, finishedAt: null },
    });
    return res.count === 1;
  }

  /** Only while the run is live; a later request replaces an earlier one. */
  async requestControl(input: { runId: string; request: ControlRequest }): Promise<boolean> {
    const res = await this.prisma.run.updateMany({
      where: { id: input.runId, status: { in: LIVE_STATUSES } },
      data: { controlRequest: { ...input.request } },
    });
    return res.count === 1;
  }

  /**
   * Reads the pending requests of the caller's live runs, then clears each one
   * only if it is still the request that was read (compared by its `at`), so a
   * request recorded in between is kept for the next poll, never lost.
   */
  async takeControlRequests(
    instanceId: string,
    runIds?: readonly string[],
  ): Promise<Array<{ runId: string; request: ControlRequest }>> {
    if (runIds && runIds.length === 0) return [];
    const rows = await this.prisma.run.findMany({
      where: {
        ownerInstanceId: instanceId,
        status: { in: LIVE_STATUSES },
        NOT: { controlRequest: { equals: Prisma.DbNull } },
        ...(runIds ? { id: { in: [...runIds] } } : {}),
      },
      select: { id: true, controlRequest: true },
    });
    const taken: Array<{ runId: string; request: ControlRequest }> = [];
    for (const row of rows) {
      const request = row.controlRequest as ControlRequest | null;
      if (!request) continue;
      const cleared =
        this.provider === "sqlite"
          ? await this.sqliteWrite((w) =>
              w.run(`UPDATE "Run" SET "controlRequest" = NULL WHERE "id" = ? AND json_extract("controlRequest", '$.at') = ?`, row.id, request.at),
            )
          : await this.prisma.$executeRaw`UPDATE "Run" SET "controlRequest" = NULL WHERE "id" = ${row.id} AND ("controlRequest"->>'at')::bigint = ${request.at}`;
      if (cleared === 1) taken.push({ runId: row.id, request });
    }
    return taken;
  }
}

/** A store on the given client (or the process-wide one). */
export function createEngineStore(prisma: Db, options?: PrismaEngineStoreOptions): PrismaEngineStore {
  return new PrismaEngineStore(prisma, options);
}
