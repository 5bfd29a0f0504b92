/**
 * "Rerun from a step" on real SQLite with real shell steps: exactly the
 * previewed steps run again (one new attempt each), the kept steps do not,
 * and kept outputs flow into the steps that run again.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngineStore } from "@/lib/db/engine-store";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { defaultExecutors, Engine, planRerunFrom, RealClock } from "@/lib/engine";
import { copyDb, createDbTemplate, seedWorkflowVersion, type DbTemplate } from "./db";

let tpl: DbTemplate;
beforeAll(async () => {
  tpl = await createDbTemplate("myrmex-rerun-");
});
afterAll(() => tpl?.remove());

const line = (id: string, extra = "") => `echo "${id} $MYRMEX_ATTEMPT${extra}" >> journal.log`;

// make → build → test, make → docs
const WORKFLOW = {
  name: "rerun-from",
  steps: [
    { id: "make", kind: "shell", run: `${line("make")}; echo "token=t$$" >> "$MYRMEX_OUTPUT"` },
    {
      id: "build",
      kind: "shell",
      dependsOn: ["make"],
      env: { TOKEN: "{{ steps.make.outputs.token }}" },
      run: `${line("build", " $MYRMEX_OUT_MAKE_TOKEN $TOKEN")}; echo "artifact=a$MYRMEX_ATTEMPT" >> "$MYRMEX_OUTPUT"`,
    },
    { id: "test", kind: "shell", dependsOn: ["build"], run: `${line("test", " $MYRMEX_OUT_BUILD_ARTIFACT")}` },
    { id: "docs", kind: "shell", dependsOn: ["make"], run: line("docs") },
  ],
};

describe("rerun from a step (SQLite, shell steps)", () => {
  it("runs again exactly the previewed steps; kept steps keep their attempts and outputs", async () => {
    const db = copyDb(tpl);
    const prisma: Db = createPrisma({ url: db.url });
    const workDir = mkdtempSync(path.join(os.tmpdir(), "myrmex-rerun-wd-"));
    const store = createEngineStore(prisma);
    const engine = new Engine({
      store,
      instanceId: "rerun-test",
      clock: new RealClock(),
      executors: defaultExecutors({ shell: { killGraceMs: 500 } }),
      pools: { cpu: 2, memory: 1024 },
      heartbeatIntervalMs: 60_000,
    });
    try {
      const versionId = await seedWorkflowVersion(prisma, WORKFLOW, { workingDir: workDir });
      const started = await engine.startRun({ workflowVersionId: versionId, definition: WORKFLOW, workingDir: workDir, trigger: "api" });
      if (!started.ok) throw new Error(JSON.stringify(started));
      const runId = started.runId;
      expect((await engine.waitForRun(runId)).status).toBe("succeeded");
      const before = await store.listTaskRuns(runId);
      const token = before.find((r) => r.stepId === "make")!.outputs!.token as string;

      const plan = planRerunFrom(WORKFLOW, "build")!;
      expect(plan).toEqual({ stepId: "build", rerun: ["build", "test"], keep: ["make", "docs"] });
      expect(await engine.rerunFrom(runId, "build", { by: "web-user" })).toEqual({ ok: true });
      const end = await engine.waitForRun(runId);
      expect(end).toMatchObject({ status: "succeeded", error: null, finishedAt: expect.any(Number) });

      // Attempt counts: 2 for the previewed steps, 1 for the kept ones.
      const counts: Record<string, number> = {};
      for (const a of await store.listAttempts(runId)) counts[a.stepId] = (counts[a.stepId] ?? 0) + 1;
      expect(counts).toEqual({ make: 1, build: 2, test: 2, docs: 1 });
      const rows = Object.fromEntries((await store.listTaskRuns(runId)).map((r) => [r.stepId, r]));
      expect(Object.fromEntries(plan.rerun.map((id) => [id, rows[id]!.attempt]))).toEqual({ build: 2, test: 2 });
      expect(Object.fromEntries(plan.keep.map((id) => [id, rows[id]!.attempt]))).toEqual({ make: 1, docs: 1 });
      expect(rows.make!.outputs).toEqual({ token });
      expect(rows.build!.outputs).toEqual({ artifact: "a2" });

      // The journal: the first run, then build and test again, reading make's kept token (environment and template) and build's new artifact.
      const journal = readFileSync(path.join(workDir, "journal.log"), "utf8").trim().split("\n");
      expect(journal.slice(-2)).toEqual([`build 2 ${token} ${token}`, "test 2 a2"]);
      expect(journal.slice(0, -2).sort()).toEqual([`build 1 ${token} ${token}`, "docs 1", "make 1", "test 1 a1"]);

      const events = await store.listEvents(runId);
      expect(events.find((e) => e.type === "run.rerun")?.payload).toEqual({ stepId: "build", rerun: ["build", "test"], keep: ["make", "docs"], by: "web-user" });
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      await engine.stop();
      await prisma.$disconnect();
      db.remove();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
