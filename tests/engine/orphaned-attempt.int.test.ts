/**
 * KNOWN ENGINE GAP (reported to the engine owner; declared with `it.fails`
 * so the suite stays green — drop `.fails` once the engine handles it).
 *
 * When an engine process is SIGKILLed, the shell step it was running does
 * not die with it: the executor spawns each step in its own process group
 * (detached), so nothing signals it. Recovery records the attempt as `lost`
 * and starts the next attempt — while the lost attempt's processes are
 * still running. The step's command then runs twice at the same time (think
 * `deploy`), and the cpu slot of the orphan is counted free although the
 * process still uses it.
 *
 * Expected: before retrying a lost attempt that ran on this host, recovery
 * kills its process group (which needs the attempt's pid/pgid and process
 * start time persisted when it starts, plus the dead instance's host).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEngineStore } from "@/lib/db/engine-store";
import { createPrisma } from "@/lib/db/prisma";
import { copyDb, createDbTemplate, seedWorkflowVersion, type DbTemplate } from "./db";
import { journal, startEngineProcess, until, type EngineProc } from "./proc";
import { JOURNAL } from "./workflows";

let tpl: DbTemplate;
const procs: EngineProc[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  tpl = await createDbTemplate("myrmex-orphan-");
});
afterEach(async () => {
  await Promise.all(procs.splice(0).map((p) => p.kill("SIGKILL")));
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => tpl?.remove());

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("crash recovery and the lost attempt's processes", () => {
  it.fails("kills the lost attempt's process group before retrying the step", async () => {
    const db = copyDb(tpl);
    const prisma = createPrisma({ url: db.url });
    const workDir = mkdtempSync(path.join(os.tmpdir(), "myrmex-orphan-wd-"));
    const pids: number[] = [];
    cleanups.push(async () => {
      for (const pid of pids) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone
        }
      }
      await prisma.$disconnect();
      db.remove();
      rmSync(workDir, { recursive: true, force: true });
    });
    // One quiet, long step: journal "<step> <attempt> <engine> <pid>", sleep 3 s, journal "end <attempt>".
    const versionId = await seedWorkflowVersion(
      prisma,
      {
        name: "long-step",
        retry: { maxAttempts: 2, delaySec: 0 },
        steps: [
          {
            id: "deploy",
            kind: "shell",
            run: `echo "$MYRMEX_STEP_ID $MYRMEX_ATTEMPT $ENGINE_NAME $$" >> ${JOURNAL}; sleep 3; echo "end $MYRMEX_ATTEMPT" >> ${JOURNAL}`,
          },
        ],
      },
      { workingDir: workDir },
    );
    const journalFile = path.join(workDir, JOURNAL);
    const pidOf = (attempt: number) => journal(journalFile).find((j) => j.step === "deploy" && j.attempt === attempt)?.pid;

    const a = startEngineProcess({ db: db.url, name: "A", instance: "inst", start: { versionId, workDir } });
    procs.push(a);
    const runId = (await a.waitFor((r) => r.type === "started", 20_000, "run start")).runId as string;
    const first = await until(() => pidOf(1), 15_000, "attempt 1 to start");
    pids.push(first);
    await a.kill("SIGKILL");

    // Same instance id: recovery at start-up, attempt 2 right away.
    const b = startEngineProcess({ db: db.url, name: "B", instance: "inst" });
    procs.push(b);
    const second = await until(() => pidOf(2), 20_000, "attempt 2 to start");
    pids.push(second);
    const attempts = await createEngineStore(prisma).listAttempts(runId);
    expect(attempts.map((x) => `${x.attempt}:${x.status}`)).toEqual(["1:lost", "2:running"]);

    // The lost attempt's shell must be gone by now — it is not: it still sleeps, then journals "end 1".
    expect(isAlive(first)).toBe(false);
    await b.waitFor((r) => r.type === "run" && r.runId === runId, 20_000, "run end");
    expect(journal(journalFile).filter((j) => j.step === "end").map((j) => j.attempt)).toEqual([2]);
  });
});
