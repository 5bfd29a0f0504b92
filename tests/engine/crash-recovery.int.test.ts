/**
 * Durability: an engine PROCESS is SIGKILLed in the middle of a run of real
 * shell steps on a real SQLite file; a new engine process on the same
 * database finishes the run. Steps that had succeeded never run again; the
 * attempt that was running when the process died is recorded as `lost` and
 * retried; every allocation is released.
 */
import { describe, expect, it } from "vitest";
import { journal, until } from "./proc";
import { engineTestbed } from "./testbed";
import { attemptsByStep, expectCleanSuccess, journalChain } from "./workflows";

const STEPS = 6;
const bed = engineTestbed("crash");

describe("crash recovery: SIGKILL of the engine process mid-run", () => {
  it.each([
    { restartAs: "the same instance id", sameId: true, expiryMs: 1000 },
    { restartAs: "a new instance id", sameId: false, expiryMs: 2000 },
  ])("a restart with $restartAs finishes the run; succeeded steps never run again", async ({ sameId, expiryMs }) => {
    const s = await bed.setup(journalChain(STEPS, { sleepSec: 0.5 }));
    const a = bed.spawnEngine({ db: s.url, name: "A", instance: "inst-A", expiryMs, start: { versionId: s.versionId, workDir: s.workDir } });
    const { runId } = (await a.waitFor((r) => r.type === "started", 20_000, "run start")) as unknown as { runId: string };

    // s1 and s2 succeeded, s3's shell is running: crash now.
    await until(() => journal(s.journalFile).some((j) => j.step === "s3"), 15_000, "s3 to start");
    await a.kill("SIGKILL");

    // What the crash left behind: a run owned by a dead instance, s3 `running`, its cpu slot held.
    expect((await s.store.getRun(runId))?.ownerInstanceId).toBe("inst-A");
    expect((await s.store.listTaskRuns(runId)).map((t) => t.status)).toEqual([
      "succeeded",
      "succeeded",
      "running",
      "pending",
      "pending",
      "pending",
    ]);
    expect((await s.store.listOpenAllocations(runId)).map((x) => [x.pool, x.attempt])).toEqual([["cpu", 1]]);
    const deadBeat = (await s.store.getInstance("inst-A"))!.heartbeatAt;

    const b = bed.spawnEngine({ db: s.url, name: "B", instance: sameId ? "inst-A" : "inst-B", expiryMs });
    const ready = await b.waitFor((r) => r.type === "ready", 20_000, "ready");
    // Own runs are claimable at once after a restart with the same id.
    if (sameId) expect(ready.recovered).toEqual([runId]);
    const done = await b.waitFor((r) => r.type === "run" && r.runId === runId, 25_000, "run end");
    expect(done.status).toBe("succeeded");
    await b.kill("SIGTERM");

    const attempts = await expectCleanSuccess(s.store, runId, STEPS);
    const byStep = attemptsByStep(attempts);
    const newId = sameId ? "inst-A" : "inst-B";
    // Exactly one attempt per step, except s3: attempt 1 lost with A, attempt 2 succeeded on the new process.
    expect([...byStep].map(([step, list]) => [step, list.map((x) => `${x.attempt}:${x.status}:${x.instanceId}`)])).toEqual([
      ["s1", ["1:succeeded:inst-A"]],
      ["s2", ["1:succeeded:inst-A"]],
      ["s3", ["1:lost:inst-A", `2:succeeded:${newId}`]],
      ["s4", [`1:succeeded:${newId}`]],
      ["s5", [`1:succeeded:${newId}`]],
      ["s6", [`1:succeeded:${newId}`]],
    ]);
    expect(byStep.get("s3")![0]).toMatchObject({ reason: "lost" });
    // The journal (what really executed) agrees: s3 twice, every other step once.
    expect(journal(s.journalFile).map((j) => `${j.step} ${j.attempt} ${j.engine}`)).toEqual([
      "s1 1 A",
      "s2 1 A",
      "s3 1 A",
      "s3 2 B",
      "s4 1 B",
      "s5 1 B",
      "s6 1 B",
    ]);

    // The event log continues the dead process's sequence without a gap and records the takeover.
    const events = await s.store.listEvents(runId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const recovered = events.find((e) => e.type === "run.recovered")!;
    // (+ `lostAttemptProcesses` when s3's shell was still running and recovery killed it first.)
    expect(recovered.payload).toMatchObject({ instanceId: newId, previousOwner: "inst-A", lostAttempts: 1 });
    // A new instance takes over only once the dead owner's heartbeat expired.
    if (!sameId) expect(recovered.ts - deadBeat).toBeGreaterThanOrEqual(expiryMs);
  });
});
