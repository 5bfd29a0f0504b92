/**
 * Throwaway SQLite databases for the engine's integration tests and the
 * benchmark (no vitest imports: the engine fixture processes and bench/ use
 * it too). Same approach as the data-layer tests (tests/db/global-setup.ts):
 * `prisma migrate deploy` into a template file once, fold the WAL into it,
 * then every test/repetition copies the file (a fresh migrated database in
 * about a millisecond).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { validateWorkflow } from "@/lib/engine";
import type { Db } from "@/lib/db/prisma";
import { migrateDeploy } from "../db/prisma-cli";

/** A folder holding a migrated template database. */
export interface DbTemplate {
  dir: string;
  template: string;
  /** Deletes the folder and every database copied into it. */
  remove(): void;
}

/** Migrates a template database in a new temp folder (one `prisma migrate deploy`, ~1–2 s). */
export async function createDbTemplate(prefix = "myrmex-engine-"): Promise<DbTemplate> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = path.join(dir, "template.db");
  try {
    await migrateDeploy(`file:${template}`);
    const db = new Database(template);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("journal_mode = DELETE");
    db.close();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, template, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let counter = 0;

/** A fresh copy of the template; returns its `file:` URL and path. */
export function copyDb(t: DbTemplate, name = `db${++counter}-${process.pid}`): { url: string; file: string; remove(): void } {
  const file = path.join(t.dir, `${name}.db`);
  copyFileSync(t.template, file);
  return {
    url: `file:${file}`,
    file,
    remove: () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/**
 * Project → workflow → version holding `definition` (validated first and
 * stored with defaults applied, as the app's importer does), the minimum a
 * run needs. Returns the version id.
 */
export async function seedWorkflowVersion(prisma: Db, definition: unknown, opts: { workingDir?: string; slug?: string } = {}): Promise<string> {
  const res = validateWorkflow(definition);
  if (!res.ok) throw new Error(`invalid test workflow: ${JSON.stringify(res.problems)}`);
  const slug = opts.slug ?? `p-${Date.now().toString(36)}-${++counter}`;
  const project = await prisma.project.create({ data: { name: `Project ${slug}`, slug, workingDir: opts.workingDir ?? os.tmpdir() } });
  const workflow = await prisma.workflow.create({ data: { projectId: project.id, name: res.definition.name, slug: "w" } });
  const version = await prisma.workflowVersion.create({
    data: { workflowId: workflow.id, number: 1, definition: res.definition as object, source: "" },
  });
  return version.id;
}
