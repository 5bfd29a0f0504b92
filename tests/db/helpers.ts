/**
 * Per-file databases for the data-layer tests, on every provider the global
 * setup prepared. Typical use:
 *
 *   describe.each(PROVIDERS)("%s", (provider) => {
 *     const t = useTestDb(provider);
 *     it("…", async () => { await t.prisma.project.create(…) });
 *   });
 */
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import type { DbProvider } from "@/lib/db/adapters";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { createDatabase, dropDatabase } from "../../scripts/pg-test-server.mjs";

export const PROVIDERS: DbProvider[] = inject("pgAdminUrl") ? ["sqlite", "postgresql"] : ["sqlite"];

export interface TestDb {
  provider: DbProvider;
  url: string;
  prisma: Db;
  /** Disconnects and deletes the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database (copy of the global setup's template). */
export async function createTestDb(provider: DbProvider): Promise<TestDb> {
  if (!inject("sqliteTemplate")) {
    throw new Error("tests/db needs its global setup: run them with `npx vitest run --config vitest.db.config.ts`");
  }
  const name = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  if (provider === "sqlite") {
    const file = path.join(inject("sqliteDir"), `${name}.db`);
    copyFileSync(inject("sqliteTemplate"), file);
    const url = `file:${file}`;
    const prisma = createPrisma({ url });
    return {
      provider,
      url,
      prisma,
      drop: async () => {
        await prisma.$disconnect();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const adminUrl = inject("pgAdminUrl");
  if (!adminUrl) throw new Error("PostgreSQL was not started by the global setup");
  const url = await createDatabase(adminUrl, name, { template: inject("pgTemplate") });
  const prisma = createPrisma({ url });
  return {
    provider,
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** Creates a database before the suite's tests and drops it after them. */
export function useTestDb(provider: DbProvider): { readonly prisma: Db; readonly db: TestDb } {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDb(provider);
  });
  afterAll(async () => {
    await db?.drop();
  });
  return {
    get prisma() {
      if (!db) throw new Error("test database not ready (use inside tests/hooks)");
      return db.prisma;
    },
    get db() {
      if (!db) throw new Error("test database not ready (use inside tests/hooks)");
      return db;
    },
  };
}

let counter = 0;
/** A short unique suffix for slugs and names. */
export function uniq(prefix = "x"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Project → workflow → version, the minimum a run needs. */
export async function seedWorkflow(prisma: Db, opts: { definition?: object; projectSlug?: string } = {}) {
  const project = await prisma.project.create({
    data: { name: "Test project", slug: opts.projectSlug ?? uniq("p"), workingDir: "/tmp" },
  });
  const workflow = await prisma.workflow.create({ data: { projectId: project.id, name: "Test workflow", slug: uniq("w") } });
  const version = await prisma.workflowVersion.create({
    data: {
      workflowId: workflow.id,
      number: 1,
      definition: opts.definition ?? { name: "test", steps: [{ id: "a", kind: "noop" }] },
      source: "name: test\n",
    },
  });
  return { project, workflow, version };
}
