#!/usr/bin/env node
// A throw-away PostgreSQL 15 server for tests (Debian's `postgresql` package).
//
// startPostgres() creates a data folder under a fresh temp folder, runs
// initdb (as the `postgres` user when we are root — initdb/pg_ctl refuse to
// run as root), starts the server on 127.0.0.1 on a spare port with its socket
// in that temp folder, and returns { url, adminUrl, port, stop }. stop() shuts
// the server down (`pg_ctl stop -m fast`) and deletes the folder. It never
// touches a server it did not start.
//
// Set MYRMEX_TEST_PG_URL=postgresql://user:pass@host:port/db to use an
// existing server instead (that database's server must allow CREATE DATABASE).
//
// CLI:
//   node scripts/pg-test-server.mjs run -- <command …>   start, run the command with
//                                                         DATABASE_URL set, stop
//   node scripts/pg-test-server.mjs check                 start and stop once (smoke test)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, chmodSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

const DEFAULT_BIN = "/usr/lib/postgresql/15/bin";

/** Directory holding initdb/pg_ctl: $MYRMEX_PG_BIN, Debian's PostgreSQL 15, or $PATH. */
export function findPgBin() {
  const candidates = [process.env.MYRMEX_PG_BIN, DEFAULT_BIN].filter(Boolean);
  for (const dir of candidates) if (existsSync(path.join(dir, "initdb"))) return dir;
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return path.dirname(which.stdout.trim());
  return null;
}

/** A free TCP port on 127.0.0.1 (the OS picks; tiny race until the server binds it). */
export function sparePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function pgRun(bin, tool, args, { allowFail = false } = {}) {
  const exe = path.join(bin, tool);
  const res = isRoot()
    ? spawnSync("runuser", ["-u", "postgres", "--", exe, ...args], { encoding: "utf8" })
    : spawnSync(exe, args, { encoding: "utf8" });
  if (res.status !== 0 && !allowFail) {
    const out = `${res.stdout ?? ""}${res.stderr ?? ""}`.trim();
    throw new Error(`${tool} ${args.join(" ")} failed (exit ${res.status ?? res.signal}):\n${out || res.error?.message || ""}`);
  }
  return res;
}

function quoteIdent(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/** Connects as the superuser to `adminUrl`'s database and runs one statement. */
export async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates database `name` (optionally from a template); returns its URL. */
export async function createDatabase(adminUrl, name, { template } = {}) {
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`);
  return withDatabase(adminUrl, name);
}

/** Drops database `name`, disconnecting anyone still connected. */
export async function dropDatabase(adminUrl, name) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/**
 * Starts a private PostgreSQL server (or adopts MYRMEX_TEST_PG_URL).
 * @param {{ database?: string, log?: (msg: string) => void }} [options]
 * @returns {Promise<{ url: string, adminUrl: string, port: number, dataDir: string | null, external: boolean, stop: () => Promise<void> }>}
 */
export async function startPostgres(options = {}) {
  const database = options.database ?? "myrmex_test";
  const log = options.log ?? (() => {});
  const external = process.env.MYRMEX_TEST_PG_URL;
  if (external) {
    const adminUrl = external;
    const url = await createDatabase(adminUrl, `${database}_${process.pid}`).catch(async (err) => {
      throw new Error(`MYRMEX_TEST_PG_URL: cannot create a test database: ${err.message}`);
    });
    return {
      url,
      adminUrl,
      port: Number(new URL(adminUrl).port || 5432),
      dataDir: null,
      external: true,
      stop: async () => dropDatabase(adminUrl, `${database}_${process.pid}`).catch(() => {}),
    };
  }

  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL server binaries not found (looked in $MYRMEX_PG_BIN, /usr/lib/postgresql/15/bin and $PATH).\n" +
        "Install Debian's PostgreSQL 15 (as root: apt-get install -y postgresql), " +
        "or point MYRMEX_TEST_PG_URL at a server the tests may create databases on.",
    );
  }

  const started = Date.now();
  const base = mkdtempSync(path.join(os.tmpdir(), "myrmex-pg-"));
  // The postgres user must be able to reach its data folder and socket dir.
  chmodSync(base, 0o755);
  const dataDir = path.join(base, "data");
  const sockDir = path.join(base, "sock");
  if (isRoot()) {
    for (const dir of [dataDir, sockDir]) {
      const res = spawnSync("install", ["-d", "-o", "postgres", "-g", "postgres", "-m", "700", dir], { encoding: "utf8" });
      if (res.status !== 0) throw new Error(`install -d ${dir} failed: ${res.stderr}`);
    }
  } else {
    spawnSync("mkdir", ["-m", "700", dataDir, sockDir]);
  }

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(dataDir, "postmaster.pid"))) {
      pgRun(bin, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], { allowFail: true });
    }
    rmSync(base, { recursive: true, force: true });
  };
  // Safety net: never leave a server behind if the test process exits abruptly.
  process.once("exit", stopSync);

  try {
    pgRun(bin, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    let port = 0;
    for (let tries = 0; ; tries++) {
      port = await sparePort();
      const opts = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-k ${sockDir}`,
        // Throw-away data: durability is not what tests measure here.
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");
      const res = pgRun(bin, "pg_ctl", ["-D", dataDir, "-l", path.join(sockDir, "server.log"), "-w", "-t", "30", "-o", opts, "start"], {
        allowFail: true,
      });
      if (res.status === 0) break;
      const serverLog = existsSync(path.join(sockDir, "server.log")) ? readFileSync(path.join(sockDir, "server.log"), "utf8") : "";
      if (tries < 3 && /could not bind|Address already in use/i.test(serverLog)) continue;
      throw new Error(`pg_ctl start failed:\n${res.stdout}${res.stderr}\n${serverLog.slice(-2000)}`);
    }
    const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const url = await createDatabase(adminUrl, database);
    log(`PostgreSQL started on 127.0.0.1:${port} in ${Date.now() - started} ms (${dataDir})`);
    return {
      url,
      adminUrl,
      port,
      dataDir,
      external: false,
      stop: async () => {
        process.removeListener("exit", stopSync);
        if (stopped) return;
        stopped = true;
        pgRun(bin, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"], { allowFail: true });
        rmSync(base, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stopSync();
    process.removeListener("exit", stopSync);
    throw err;
  }
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === "check") {
    const server = await startPostgres({ log: console.log });
    const res = await adminQuery(server.url, "select version()");
    console.log(res.rows[0].version);
    await server.stop();
    return 0;
  }
  if (cmd === "run") {
    const command = rest[0] === "--" ? rest.slice(1) : rest;
    if (command.length === 0) throw new Error("usage: pg-test-server.mjs run -- <command …>");
    const server = await startPostgres({ log: (m) => console.error(m) });
    const child = spawn(command[0], command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: server.url, MYRMEX_TEST_PG_ADMIN_URL: server.adminUrl },
    });
    const forward = (sig) => child.kill(sig);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
    await server.stop();
    return code;
  }
  console.error("usage: node scripts/pg-test-server.mjs check | run -- <command …>");
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
