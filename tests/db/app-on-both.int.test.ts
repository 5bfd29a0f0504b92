/**
 * The product, not just the data layer, on both providers: the real CLI seeds
 * a migrated database, runs an example workflow with real shell steps through
 * its own engine, and reads the outcome back.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv } from "../cli/cli";
import { PROVIDERS, createTestDb, type TestDb } from "./helpers";

describe.each(PROVIDERS)("Myrmex on %s", (provider) => {
  let db: TestDb | undefined;
  const projects = mkdtempSync(path.join(os.tmpdir(), "myrmex-both-"));
  afterAll(async () => {
    await db?.drop();
    rmSync(projects, { recursive: true, force: true });
  });

  it("seeds the examples and runs one end to end with the CLI", async () => {
    db = await createTestDb(provider);
    const cli = cliEnv();
    const env = { DATABASE_URL: db.url, MYRMEX_PROJECTS_ROOT: projects };
    try {
      const init = await cli.run(["init"], { env });
      expect(init.code, init.stderr).toBe(0);

      const run = await cli.run(["run-workflow", "complex-multi-stage", "--project", "examples", "--json"], { env, timeoutMs: 60_000 });
      expect(run.code, run.stderr).toBe(0);
      const result = run.json<{ status: string; tasks: { stepId: string; status: string; attempts: number }[] }>();
      expect(result.status).toBe("succeeded");
      expect(result.tasks).toHaveLength(12);
      expect(result.tasks.find((t) => t.stepId === "flaky-fetch")).toMatchObject({ status: "succeeded", attempts: 2 });
      expect(result.tasks.find((t) => t.stepId === "coverage")).toMatchObject({ status: "failed" });

      const attempts = await db.prisma.taskAttempt.count({ where: { run: { workflow: { slug: "complex-multi-stage" } } } });
      expect(attempts).toBe(13);
      const open = await db.prisma.resourceAllocation.count({ where: { releasedAt: null } });
      expect(open).toBe(0);
    } finally {
      cli.remove();
    }
  });
});
