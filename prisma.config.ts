/**
 * Prisma CLI configuration (only the CLI loads this file).
 *
 * Prisma 6.19 runs offline here through the driver-adapter, Rust-free setup
 * (../shared/STACK-NOTES.md): `engine: "js"` + an adapter factory make the CLI
 * use its bundled WASM schema engine. DATABASE_URL's scheme selects the
 * provider, its schema and its migrations folder:
 *
 *   file:…            prisma/schema.prisma             prisma/migrations
 *   postgresql://…    prisma/postgresql/schema.prisma  prisma/postgresql/migrations
 *
 * Without DATABASE_URL the default SQLite file (./data/myrmex.db, or
 * $MYRMEX_DATA_DIR/myrmex.db) is used. `--schema` still overrides the schema
 * (e.g. `prisma generate --schema prisma/postgresql/schema.prisma`).
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./lib/db/adapters";
import { parseDbEnv } from "./lib/db/env";

// Any existing file: keeps the CLI from attempting an (unreachable) engine
// download when the schema fails to parse, so the real error is shown.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
process.env.CHECKPOINT_DISABLE ??= "1";

// The WASM schema engine leaves 10 s / 60 s timers pending; unref'ing long
// timers lets commands exit ~1 s after they finish instead of up to a minute.
unrefLongTimers(5_000);

const root = import.meta.dirname ?? process.cwd();
const db = parseDbEnv({ ...process.env, MYRMEX_ROOT: root });
// The schemas' datasource reads env("DATABASE_URL"): give it the effective URL.
process.env.DATABASE_URL = db.url;

const dir = db.provider === "sqlite" ? "prisma" : path.join("prisma", "postgresql");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, dir, "schema.prisma"),
  migrations: { path: path.join(root, dir, "migrations") },
  adapter: async () => createAdapterFactory(db.url, root, { busyTimeoutMs: db.busyTimeoutMs }),
});

function unrefLongTimers(minMs: number): void {
  const g = globalThis as unknown as { __myrmexTimersPatched?: boolean };
  if (g.__myrmexTimersPatched) return;
  g.__myrmexTimersPatched = true;
  const origTimeout = globalThis.setTimeout;
  const origInterval = globalThis.setInterval;
  const patchedTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = origTimeout(fn, ms, ...args);
    if ((ms ?? 0) >= minMs) t.unref?.();
    return t;
  }) as typeof setTimeout;
  const patchedInterval = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = origInterval(fn, ms, ...args);
    if ((ms ?? 0) >= minMs) t.unref?.();
    return t;
  }) as typeof setInterval;
  Object.assign(patchedTimeout, origTimeout);
  Object.assign(patchedInterval, origInterval);
  globalThis.setTimeout = patchedTimeout;
  globalThis.setInterval = patchedInterval;
}
