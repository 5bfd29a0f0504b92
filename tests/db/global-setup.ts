/**
 * Global setup of the data-layer tests (vitest.db.config.ts):
 *  - SQLite: `prisma migrate deploy` into a template file once; each test
 *    file copies it (fresh, migrated database in ~1 ms);
 *  - PostgreSQL: starts a private PostgreSQL 15 on 127.0.0.1 (spare port,
 *    temp data folder; scripts/pg-test-server.mjs), deploys the migrations
 *    into a template database; each test file clones it with
 *    CREATE DATABASE … TEMPLATE. The server is stopped afterwards.
 *
 * MYRMEX_TEST_PG=0 skips PostgreSQL (SQLite only, with a warning);
 * MYRMEX_TEST_PG_URL uses an existing server instead of starting one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { createDatabase, startPostgres, type PgTestServer } from "../../scripts/pg-test-server.mjs";
import { migrateDeploy } from "./prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    /** Migrated SQLite template file to copy. */
    sqliteTemplate: string;
    /** Folder for per-file SQLite databases. */
    sqliteDir: string;
    /** Superuser URL of the test PostgreSQL ("" when PostgreSQL is skipped). */
    pgAdminUrl: string;
    /** Name of the migrated template database. */
    pgTemplate: string;
  }
}

export const PG_TEMPLATE = "myrmex_template";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-dbtest-"));
  const template = path.join(dir, "template.db");

  let server: PgTestServer | null = null;
  const cleanup = async () => {
    if (server) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const sqliteDeploy = migrateDeploy(`file:${template}`);
    let pgAdminUrl = "";
    if (process.env.MYRMEX_TEST_PG === "0") {
      console.warn("⚠ MYRMEX_TEST_PG=0: data-layer tests run on SQLite only.");
    } else {
      server = await startPostgres({ database: "myrmex_bootstrap" });
      pgAdminUrl = server.adminUrl;
      const templateUrl = await createDatabase(server.adminUrl, PG_TEMPLATE);
      await migrateDeploy(templateUrl);
    }
    await sqliteDeploy;
    // Fold the WAL into the main file so a plain file copy is a complete database.
    const db = new Database(template);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("journal_mode = DELETE");
    db.close();

    project.provide("sqliteTemplate", template);
    project.provide("sqliteDir", dir);
    project.provide("pgAdminUrl", pgAdminUrl);
    project.provide("pgTemplate", PG_TEMPLATE);
    console.log(
      `db tests: SQLite${server ? ` + PostgreSQL (127.0.0.1:${server.port})` : ""} ready in ${Date.now() - started} ms`,
    );
  } catch (err) {
    await cleanup();
    throw err;
  }
  return cleanup;
}
