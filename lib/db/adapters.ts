/**
 * Driver-adapter factories shared by the runtime client (lib/db/prisma.ts)
 * and the Prisma CLI (prisma.config.ts). Plain module: no "server-only", no
 * path aliases (the CLI's config loader does not resolve `@/`).
 *
 * The DATABASE_URL scheme is the one switch: `file:` → SQLite through
 * better-sqlite3, `postgres(ql)://` → PostgreSQL through pg.
 *
 * @prisma/adapter-pg 6.19.3 has three bugs that break `prisma migrate`
 * (see ../shared/STACK-NOTES.md); {@link createPgAdapterFactory} works around
 * all three:
 *  1. catalog columns of type "char" (oid 18) and name (19; arrays 1002/1003)
 *     are rejected as unsupported → {@link CatalogSafeClient} reports them as
 *     text / text[] before pg builds its row parsers;
 *  2. with a `connectionString` the shadow database name is ignored → the URL
 *     is split into host/port/user/password/database fields;
 *  3. the shadow database is dropped while its own pool is still connected →
 *     {@link SafeShadowPg.connectToShadowDb} closes that pool first.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Database as SqliteDatabase } from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

export type DbProvider = "sqlite" | "postgresql";

/** A connected driver adapter, as returned by a factory's `connect()`. */
export type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** Which provider a DATABASE_URL selects; throws a readable error for anything else. */
export function providerOf(url: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  const scheme = url.includes(":") ? `${url.split(":")[0]}:` : `"${url}"`;
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got ${scheme}…`,
  );
}

/**
 * Absolute file path of a `file:` URL. Relative paths are resolved against
 * `baseDir` (the repository root); query strings (`?connection_limit=1`) are dropped.
 */
export function sqlitePathOf(url: string, baseDir: string): string {
  const raw = decodeURIComponent(url.slice("file:".length).replace(/\?.*$/, "").replace(/^\/\/(?=\/)/, ""));
  if (raw === ":memory:" || raw === "") return ":memory:";
  return path.resolve(baseDir, raw);
}

// ─────────────────────────────── SQLite ───────────────────────────────

export interface SqliteOptions {
  /** Busy timeout in ms (how long a writer waits for another process' lock). */
  busyTimeoutMs?: number;
  /** Called with the raw better-sqlite3 handle of every new connection. */
  onConnect?: (db: SqliteDatabase) => void;
}

/**
 * Factory wrapper around PrismaBetterSQLite3 that applies the connection
 * pragmas (WAL, synchronous=NORMAL, foreign keys) and exposes the raw handle:
 * the engine store uses it for its hot path inside Prisma transactions.
 */
export class SqliteAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly file: string;
  /** The raw handle of the most recent connection (null before `connect()`). */
  db: SqliteDatabase | null = null;
  private readonly inner: PrismaBetterSQLite3;
  private readonly onConnect: ((db: SqliteDatabase) => void) | undefined;

  constructor(file: string, options: SqliteOptions = {}) {
    this.file = file;
    this.onConnect = options.onConnect;
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    this.inner = new PrismaBetterSQLite3({ url: file, timeout: options.busyTimeoutMs ?? 10_000 });
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<DriverAdapter> {
    const adapter = await this.inner.connect();
    const db = rawSqliteHandle(adapter);
    if (this.file !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Prisma opens transactions with a deferred "BEGIN". A transaction that
    // reads first and writes later then fails at once with SQLITE_BUSY when
    // another process wrote in between (WAL snapshot cannot be upgraded; the
    // busy timeout does not apply). "BEGIN IMMEDIATE" takes the write lock up
    // front — waiting up to the busy timeout — so concurrent processes (web
    // server + CLI + engine) serialize instead of failing.
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof db.prepare;
    this.db = db;
    this.onConnect?.(db);
    return adapter;
  }

  /**
   * `prisma migrate diff --from-migrations` replays each migration file into
   * the shadow database as ONE `executeRaw`, which better-sqlite3's
   * `prepare()` rejects ("contains more than one statement"): run such
   * parameterless scripts with `exec()` instead.
   */
  async connectToShadowDb(): Promise<DriverAdapter> {
    const adapter = await this.inner.connectToShadowDb();
    const db = rawSqliteHandle(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (err) {
        if (query.args.length === 0 && err instanceof RangeError && /more than one statement/.test(err.message)) {
          db.exec(query.sql);
          return 0;
        }
        throw err;
      }
    };
    return adapter;
  }
}

/** The better-sqlite3 Database behind a Prisma SQLite adapter (a plain JS property there). */
function rawSqliteHandle(adapter: DriverAdapter): SqliteDatabase {
  const db = (adapter as unknown as { client?: SqliteDatabase }).client;
  if (!db || typeof db.prepare !== "function") {
    throw new Error("@prisma/adapter-better-sqlite3 changed: cannot reach the better-sqlite3 handle");
  }
  return db;
}

export function createSqliteAdapterFactory(url: string, baseDir: string, options?: SqliteOptions): SqliteAdapterFactory {
  return new SqliteAdapterFactory(sqlitePathOf(url, baseDir), options);
}

// ───────────────────────────── PostgreSQL ─────────────────────────────

/** oid → the oid pg and Prisma should treat it as (bug 1). */
const OID_REMAP: Record<number, number> = {
  18: 25, // "char" → text
  19: 25, // name → text
  1002: 1009, // "char"[] → text[]
  1003: 1009, // name[] → text[]
};

interface RowDescriptionMessage {
  fields: { dataTypeID: number }[];
}

/** pg.Client that reports "char"/name catalog columns as text before rows are parsed. */
export class CatalogSafeClient extends pg.Client {
  _handleRowDescription(msg: RowDescriptionMessage): void {
    for (const field of msg.fields) {
      const to = OID_REMAP[field.dataTypeID];
      if (to !== undefined) field.dataTypeID = to;
    }
    (pg.Client.prototype as unknown as { _handleRowDescription(m: RowDescriptionMessage): void })._handleRowDescription.call(
      this,
      msg,
    );
  }
}

/** Splits a postgres URL into pg.PoolConfig fields (bug 2) and the Prisma schema option. */
export function pgConfigOf(url: string): { pool: pg.PoolConfig; schema: string | undefined } {
  const u = new URL(url);
  const params = u.searchParams;
  const sslmode = params.get("sslmode");
  const pool: pg.PoolConfig = {
    host: params.get("host") ?? (decodeURIComponent(u.hostname) || "localhost"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl: sslmode === "require" || sslmode === "verify-ca" || sslmode === "verify-full"
      ? { rejectUnauthorized: sslmode !== "require" }
      : undefined,
    max: params.get("connection_limit") ? Number(params.get("connection_limit")) : 10,
    // Raw SQL (engine store, compare-and-sets) uses unqualified table names.
    options: params.get("schema") ? `-c search_path="${params.get("schema")!.replace(/"/g, '""')}"` : undefined,
    // Let CLI commands and short scripts exit once all work is done.
    allowExitOnIdle: true,
    Client: CatalogSafeClient,
  };
  return { pool, schema: params.get("schema") ?? undefined };
}

/** PrismaPg whose shadow database is dropped only after its pool is closed (bug 3). */
export class SafeShadowPg extends PrismaPg {
  private readonly poolConfig: pg.PoolConfig;
  private readonly pgOptions: { schema?: string } | undefined;

  constructor(config: pg.PoolConfig, options?: { schema?: string }) {
    super(config, options);
    this.poolConfig = config;
    this.pgOptions = options;
  }

  /** The pg pool of the most recent connection (null before `connect()`); the engine store writes through it. */
  pool: pg.Pool | null = null;

  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    this.pool = adapter.underlyingDriver();
    return adapter;
  }

  override async connectToShadowDb(): ReturnType<PrismaPg["connectToShadowDb"]> {
    const main = await super.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.poolConfig, database }, this.pgOptions).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow(); // closes the shadow pool…
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`); // …so the drop can succeed
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}

export function createPgAdapterFactory(url: string): SafeShadowPg {
  const { pool, schema } = pgConfigOf(url);
  return new SafeShadowPg(pool, schema ? { schema } : undefined);
}

/** The adapter factory for a DATABASE_URL (relative SQLite paths resolve against `baseDir`). */
export function createAdapterFactory(
  url: string,
  baseDir: string,
  sqliteOptions?: SqliteOptions,
): SqliteAdapterFactory | SafeShadowPg {
  return providerOf(url) === "sqlite"
    ? createSqliteAdapterFactory(url, baseDir, sqliteOptions)
    : createPgAdapterFactory(url);
}
