/**
 * Per-file testbed of the engine-process tests: a migrated template
 * database, a fresh copy + working directory per test, engine processes that
 * are SIGKILLed after each test whatever happened.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createEngineStore, type PrismaEngineStore } from "@/lib/db/engine-store";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { copyDb, createDbTemplate, seedWorkflowVersion, type DbTemplate } from "./db";
import { startEngineProcess, type EngineProc, type EngineProcOptions } from "./proc";
import { JOURNAL } from "./workflows";

/** One test's database, working directory and workflow version. */
export interface TestSetup {
  /** `file:` URL of the database. */
  url: string;
  prisma: Db;
  store: PrismaEngineStore;
  workDir: string;
  versionId: string;
  /** The journal the steps append to (tests/engine/workflows.ts). */
  journalFile: string;
}

/** Registers the hooks; call at the top of a test file. */
export function engineTestbed(prefix: string) {
  let tpl: DbTemplate | undefined;
  const procs: EngineProc[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    tpl = await createDbTemplate(`myrmex-${prefix}-`);
  });
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.kill("SIGKILL")));
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(() => tpl?.remove());

  return {
    /** A fresh database with `workflow` as a version, and a working directory. */
    async setup(workflow: object): Promise<TestSetup> {
      if (!tpl) throw new Error("testbed not ready (use inside tests)");
      const db = copyDb(tpl);
      const prisma = createPrisma({ url: db.url });
      const workDir = mkdtempSync(path.join(os.tmpdir(), `myrmex-${prefix}-wd-`));
      cleanups.push(async () => {
        await prisma.$disconnect();
        db.remove();
        rmSync(workDir, { recursive: true, force: true });
      });
      const versionId = await seedWorkflowVersion(prisma, workflow, { workingDir: workDir });
      return { url: db.url, prisma, store: createEngineStore(prisma), workDir, versionId, journalFile: path.join(workDir, JOURNAL) };
    },
    /** Starts an engine process, killed after the test. */
    spawnEngine(opts: EngineProcOptions): EngineProc {
      const p = startEngineProcess(opts);
      procs.push(p);
      return p;
    },
    /** Runs `fn` after the test (before the database is removed). */
    onCleanup(fn: () => Promise<void> | void): void {
      cleanups.push(fn);
    },
  };
}

/** Resolves with the run id the process reported starting. */
export async function startedRun(p: EngineProc): Promise<string> {
  return (await p.waitFor((r) => r.type === "started", 20_000, "run start")).runId as string;
}

/** Resolves with the process's report of the run's final status. */
export function runEnd(p: EngineProc, runId: string, ms = 25_000) {
  return p.waitFor((r) => r.type === "run" && r.runId === runId, ms, `end of run ${runId}`);
}
