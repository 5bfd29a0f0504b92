/**
 * Prisma client factory and process-wide singleton.
 *
 * Plain module — no "server-only" — because the CLI, the engine and worker
 * processes use it too; Next.js code imports it through lib/db/client.ts.
 *
 * Both generated clients (lib/generated/sqlite, lib/generated/postgresql)
 * are always present; DATABASE_URL's scheme picks one at run time. Their
 * TypeScript types are identical, so the app is typed against the SQLite one.
 */
import type { Database as SqliteDatabase } from "better-sqlite3";
import { PrismaClient, type Prisma } from "../generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "../generated/postgresql/client";
import type pg from "pg";
import { createAdapterFactory, SafeShadowPg, SqliteAdapterFactory, type DbProvider } from "./adapters";
import { parseDbEnv, type DbEnv } from "./env";

/** The Prisma client type the whole app uses (same API on both providers). */
export type Db = PrismaClient;
/** A transaction client (inside `$transaction(async (tx) => …)`). */
export type DbTx = Prisma.TransactionClient;

export interface CreatePrismaOptions {
  /** Defaults to the parsed environment (DATABASE_URL …). */
  env?: NodeJS.ProcessEnv;
  /** Overrides DATABASE_URL. */
  url?: string;
  /** Prisma log levels, e.g. ["warn", "error"]. */
  log?: ("query" | "info" | "warn" | "error")[];
}

interface ClientMeta {
  provider: DbProvider;
  config: DbEnv;
  sqlite: SqliteAdapterFactory | null;
  pg: SafeShadowPg | null;
}

// On globalThis, like the client itself: Next.js bundles this module more than
// once (instrumentation, pages, route handlers), and every copy must know the
// clients any copy created.
const metaKey = Symbol.for("myrmex.prisma.meta");
const meta: WeakMap<object, ClientMeta> = ((globalThis as typeof globalThis & { [metaKey]?: WeakMap<object, ClientMeta> })[metaKey] ??=
  new WeakMap<object, ClientMeta>());

/** Creates a new client (tests, scripts). Most code wants {@link getPrisma}. */
export function createPrisma(options: CreatePrismaOptions = {}): Db {
  const env = options.url ? { ...(options.env ?? process.env), DATABASE_URL: options.url } : (options.env ?? process.env);
  const config = parseDbEnv(env);
  const factory = createAdapterFactory(config.url, process.cwd(), { busyTimeoutMs: config.busyTimeoutMs });
  // Errors are mapped (lib/db/errors.ts) and reported by callers: don't log them twice.
  const log = options.log ?? ["warn"];
  const client =
    config.provider === "sqlite"
      ? new PrismaClient({ adapter: factory, log, errorFormat: "minimal" })
      : (new PgPrismaClient({ adapter: factory, log, errorFormat: "minimal" }) as unknown as Db);
  meta.set(client, {
    provider: config.provider,
    config,
    sqlite: factory instanceof SqliteAdapterFactory ? factory : null,
    pg: factory instanceof SafeShadowPg ? factory : null,
  });
  return client;
}

function metaOf(client: object): ClientMeta {
  const m = meta.get(client);
  if (!m) throw new Error("not a client created by lib/db/prisma.ts (createPrisma/getPrisma)");
  return m;
}

/** Which provider a client talks to. */
export function providerOfClient(client: object): DbProvider {
  return metaOf(client).provider;
}

/** The database settings a client was created with. */
export function configOfClient(client: object): DbEnv {
  return metaOf(client).config;
}

/**
 * The raw better-sqlite3 handle behind a SQLite client (connects first), or
 * null on PostgreSQL. Only for hot paths that run INSIDE a Prisma transaction
 * of the same client (see lib/db/engine-store.ts): outside one, Prisma's own
 * transactions on the same connection would interleave with yours.
 */
export async function sqliteHandleOf(client: Db): Promise<SqliteDatabase | null> {
  const m = metaOf(client);
  if (!m.sqlite) return null;
  if (!m.sqlite.db) await client.$connect();
  return m.sqlite.db;
}

/**
 * The pg pool behind a PostgreSQL client (connects first), or null on SQLite.
 * For raw, batched SQL that Prisma's per-query cost would make slow (the
 * engine store); everything else should use the client.
 */
export async function pgPoolOf(client: Db): Promise<pg.Pool | null> {
  const m = metaOf(client);
  if (!m.pg) return null;
  // After $disconnect the old pool is ended; reconnecting makes Prisma open a new one.
  if (!m.pg.pool || m.pg.pool.ending) await client.$connect();
  return m.pg.pool;
}

/** Synchronous variant of {@link sqliteHandleOf}; null until the client connected. */
export function currentSqliteHandle(client: Db): SqliteDatabase | null {
  return metaOf(client).sqlite?.db ?? null;
}

const globalKey = Symbol.for("myrmex.prisma");
type GlobalWithPrisma = typeof globalThis & { [globalKey]?: Db };

/**
 * The process-wide client for DATABASE_URL (created on first use; kept on
 * globalThis so Next.js dev reloads do not open a new pool each time).
 */
export function getPrisma(): Db {
  const g = globalThis as GlobalWithPrisma;
  return (g[globalKey] ??= createPrisma({ log: process.env.MYRMEX_DB_LOG_QUERIES === "1" ? ["query", "warn"] : ["warn"] }));
}

/** Closes the process-wide client (CLI exit, tests). */
export async function disconnectPrisma(): Promise<void> {
  const g = globalThis as GlobalWithPrisma;
  const client = g[globalKey];
  g[globalKey] = undefined;
  if (client) await client.$disconnect();
}
