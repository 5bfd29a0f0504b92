/**
 * Database configuration, parsed once from the environment with zod.
 * Plain module (used by the Next.js server, the CLI, workers and prisma.config.ts).
 *
 *   DATABASE_URL               file:./data/myrmex.db (default) | postgresql://user:pass@host:port/db
 *   MYRMEX_DATA_DIR            ./data — default location of the SQLite file
 *   MYRMEX_ROOT                base for relative paths (default: the current directory)
 *   MYRMEX_DB_BUSY_TIMEOUT_MS  SQLite: how long a writer waits for another process (10000)
 *   MYRMEX_DB_POOL_SIZE        PostgreSQL: connections per process (10)
 */
import path from "node:path";
import { z } from "zod";
import { providerOf, sqlitePathOf, type DbProvider } from "./adapters";

const urlSchema = z
  .string()
  .trim()
  .min(1, "DATABASE_URL is empty")
  .refine((url) => /^postgres(ql)?:\/\//i.test(url) || url.startsWith("file:"), {
    message: 'DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)',
  })
  .refine((url) => !/^postgres/i.test(url) || URL.canParse(url), {
    message: "DATABASE_URL is not a valid postgresql:// URL",
  });

const envSchema = z.object({
  DATABASE_URL: urlSchema.optional(),
  MYRMEX_DATA_DIR: z.string().trim().min(1).optional(),
  MYRMEX_ROOT: z.string().trim().min(1).optional(),
  MYRMEX_DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  MYRMEX_DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
});

export interface DbEnv {
  /** The effective URL (default applied; SQLite paths made absolute). */
  url: string;
  provider: DbProvider;
  /** Absolute SQLite file path (or ":memory:"); null for PostgreSQL. */
  sqlitePath: string | null;
  busyTimeoutMs: number;
  poolSize: number;
}

/** Parses the database settings; throws one readable error listing every problem. */
export function parseDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid database configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const root = path.resolve(/*turbopackIgnore: true*/ e.MYRMEX_ROOT ?? process.cwd());
  const dataDir = path.resolve(/*turbopackIgnore: true*/ root, e.MYRMEX_DATA_DIR ?? "data");
  const raw = e.DATABASE_URL ?? `file:${path.join(dataDir, "myrmex.db")}`;
  const provider = providerOf(raw);
  if (provider === "postgresql") {
    const u = new URL(raw);
    if (!u.searchParams.has("connection_limit")) u.searchParams.set("connection_limit", String(e.MYRMEX_DB_POOL_SIZE));
    return { url: u.toString(), provider, sqlitePath: null, busyTimeoutMs: e.MYRMEX_DB_BUSY_TIMEOUT_MS, poolSize: e.MYRMEX_DB_POOL_SIZE };
  }
  const sqlitePath = sqlitePathOf(raw, root);
  return {
    url: sqlitePath === ":memory:" ? "file::memory:" : `file:${sqlitePath}`,
    provider,
    sqlitePath,
    busyTimeoutMs: e.MYRMEX_DB_BUSY_TIMEOUT_MS,
    poolSize: e.MYRMEX_DB_POOL_SIZE,
  };
}
