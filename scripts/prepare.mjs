#!/usr/bin/env node
// Brings a checkout to a runnable state, doing only what is missing:
//   1. Prisma clients (both providers) when the schemas changed;
//   2. database migrations for the provider in DATABASE_URL;
//   3. a production build when the sources changed since the last one.
// The first-run seed happens inside the server at start-up (idempotent).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fingerprint } from "./lib/fingerprint.mjs";
import { providerOf, root, runtimeEnv } from "./lib/env.mjs";

const bin = (name) => path.join(root, "node_modules", ".bin", name);

function sh(cmd, args, env, label) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (res.status !== 0) {
    process.stderr.write(res.stdout ?? "");
    process.stderr.write(res.stderr ?? "");
    throw new Error(`${label} failed (exit ${res.status ?? res.signal})`);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return res.stdout;
}

function readStamp(file) {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : "";
}

export function ensureClients(env) {
  const stampFile = path.join(root, "lib", "generated", ".fingerprint");
  const want = fingerprint(root, ["prisma/schema.prisma", "prisma/postgresql/schema.prisma", "package-lock.json"]);
  if (readStamp(stampFile) === want && existsSync(path.join(root, "lib/generated/sqlite")) && existsSync(path.join(root, "lib/generated/postgresql"))) return;
  sh(bin("prisma"), ["generate", "--schema", "prisma/schema.prisma"], { ...env, DATABASE_URL: "file:./data/generate.db" }, "Prisma client (SQLite)");
  sh(bin("prisma"), ["generate", "--schema", "prisma/postgresql/schema.prisma"], { ...env, DATABASE_URL: "postgresql://localhost/generate" }, "Prisma client (PostgreSQL)");
  writeFileSync(stampFile, want);
}

export function migrate(env) {
  const provider = providerOf(env.DATABASE_URL);
  const migrations = provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations";
  const want = fingerprint(root, [migrations]);
  let stampFile;
  if (provider === "sqlite") {
    const file = env.DATABASE_URL.slice("file:".length);
    const dbPath = path.resolve(root, file);
    mkdirSync(path.dirname(dbPath), { recursive: true });
    stampFile = `${dbPath}.migrated`;
    // A recorded migration state is only trusted while the database file itself exists.
    if (existsSync(dbPath) && readStamp(stampFile) === want) return;
  }
  sh(bin("prisma"), ["migrate", "deploy"], env, `Database migrations (${provider})`);
  if (stampFile) writeFileSync(stampFile, want);
}

const BUILD_INPUTS = [
  "app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "postcss.config.mjs",
  "tsconfig.json", "package-lock.json",
];

export function build(env) {
  const distDir = path.join(root, env.MYRMEX_DIST_DIR || ".next");
  const stampFile = path.join(distDir, "myrmex-fingerprint");
  const want = fingerprint(root, BUILD_INPUTS);
  if (existsSync(path.join(distDir, "BUILD_ID")) && readStamp(stampFile) === want) return;
  console.log("… building the app (first start or sources changed)");
  sh(bin("next"), ["build"], env, "Production build");
  writeFileSync(stampFile, want);
}

/** Everything `npm start` needs before serving. */
export async function prepare({ env = runtimeEnv(), build: withBuild = true, migrateOnly = false, clientsOnly = false } = {}) {
  mkdirSync(env.MYRMEX_DATA_DIR, { recursive: true });
  ensureClients(env);
  if (clientsOnly) return;
  migrate(env);
  if (migrateOnly || !withBuild) return;
  build(env);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await prepare({
      migrateOnly: process.argv.includes("--migrate-only"),
      clientsOnly: process.argv.includes("--clients-only"),
      build: !process.argv.includes("--no-build"),
    });
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
