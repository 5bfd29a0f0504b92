/**
 * Ownership: several engine PROCESSES on one SQLite database (the web
 * server, a CLI running a workflow). A run belongs to the process that
 * started it; the others leave it alone while its owner's heartbeat is
 * fresh, take it over once it expired (SIGKILL) or at once when the owner
 * handed it back (graceful stop). Each step attempt executes exactly once —
 * checked both in the database and in a journal the shell steps append to.
 *
 * "A run started from the CLI while the server is up is neither lost nor
 * executed twice" is the same rule: the CLI process owns the run it starts;
 * the server only ever adopts runs whose owner is dead or that were released.
 */
import { describe, expect, it } from "vitest";
import { journal, until, type EngineProc } from "./proc";
import { runEnd, startedRun, engineTestbed } from "./testbed";
import { attemptsByStep, expectCleanSuccess, journalChain } from "./workflows";

const bed = engineTestbed("owner");

const journalLines = (file: string) => journal(file).map((j) => `${j.step} ${j.attempt} ${j.engine}`);
/** Step reports (running/final) a process made about a run. */
const taskReports = (p: EngineProc, runId: string) => p.reports.filter((r) => r.type === "task" && r.runId === runId);

describe("two engine processes on one database", () => {
  it("each attempt runs once while both live; the survivor takes over after the owner is SIGKILLed", async () => {
    const STEPS = 7;
    const s = await bed.setup(journalChain(STEPS, { sleepSec: 0.4 }));
    const b = bed.spawnEngine({ db: s.url, name: "B", instance: "inst-B" });
    await b.waitFor((r) => r.type === "ready", 20_000, "B ready");
    const a = bed.spawnEngine({ db: s.url, name: "A", instance: "inst-A", start: { versionId: s.versionId, workDir: s.workDir } });
    const runId = await startedRun(a);

    // Both alive for s1..s3 (≥ 1.2 s: B heartbeats and looks for orphans every 200 ms).
    await until(() => journal(s.journalFile).some((j) => j.step === "s4"), 15_000, "s4 to start");
    expect(b.alive && a.alive).toBe(true);
    expect(taskReports(b, runId)).toEqual([]);
    expect((await s.store.getRun(runId))?.ownerInstanceId).toBe("inst-A");

    await a.kill("SIGKILL");
    const deadBeat = (await s.store.getInstance("inst-A"))!.heartbeatAt;
    expect((await runEnd(b, runId)).status).toBe("succeeded");

    const attempts = await expectCleanSuccess(s.store, runId, STEPS);
    expect([...attemptsByStep(attempts)].map(([step, list]) => [step, list.map((x) => `${x.attempt}:${x.status}:${x.instanceId}`)])).toEqual([
      ["s1", ["1:succeeded:inst-A"]],
      ["s2", ["1:succeeded:inst-A"]],
      ["s3", ["1:succeeded:inst-A"]],
      ["s4", ["1:lost:inst-A", "2:succeeded:inst-B"]],
      ["s5", ["1:succeeded:inst-B"]],
      ["s6", ["1:succeeded:inst-B"]],
      ["s7", ["1:succeeded:inst-B"]],
    ]);
    expect(journalLines(s.journalFile)).toEqual(["s1 1 A", "s2 1 A", "s3 1 A", "s4 1 A", "s4 2 B", "s5 1 B", "s6 1 B", "s7 1 B"]);
    const recovered = (await s.store.listEvents(runId)).find((e) => e.type === "run.recovered")!;
    // (+ `lostAttemptProcesses` if s4's shell was still running and B killed it first.)
    expect(recovered.payload).toMatchObject({ instanceId: "inst-B", previousOwner: "inst-A", lostAttempts: 1 });
    // B waited for A's heartbeat to expire (1 s) before taking over.
    expect(recovered.ts - deadBeat).toBeGreaterThanOrEqual(1000);
  });

  it("an owner that stalls past its heartbeat expiry (SIGSTOP) is fenced off when it wakes: nothing runs twice", async () => {
    const STEPS = 6;
    const s = await bed.setup(journalChain(STEPS, { sleepSec: 0.4 }));
    const b = bed.spawnEngine({ db: s.url, name: "B", instance: "inst-B" });
    await b.waitFor((r) => r.type === "ready", 20_000, "B ready");
    const a = bed.spawnEngine({ db: s.url, name: "A", instance: "inst-A", start: { versionId: s.versionId, workDir: s.workDir } });
    const runId = await startedRun(a);
    await until(() => journal(s.journalFile).some((j) => j.step === "s3"), 15_000, "s3 to start");

    // A freezes while s3 runs (its shell, a separate process, finishes meanwhile); B takes over.
    a.child.kill("SIGSTOP");
    await until(() => journal(s.journalFile).some((j) => j.step === "s3" && j.engine === "B"), 15_000, "B to retry s3");
    // A wakes up with s3's exit queued: its commit is fenced, it drops the run and starts nothing.
    a.child.kill("SIGCONT");
    await a.waitFor((r) => r.type === "lost" && r.runId === runId, 10_000, "A to notice it lost the run");
    expect((await runEnd(b, runId)).status).toBe("succeeded");
    expect(a.alive).toBe(true);

    const attempts = await expectCleanSuccess(s.store, runId, STEPS);
    expect([...attemptsByStep(attempts)].map(([step, list]) => [step, list.map((x) => `${x.attempt}:${x.status}:${x.instanceId}`)])).toEqual([
      ["s1", ["1:succeeded:inst-A"]],
      ["s2", ["1:succeeded:inst-A"]],
      // A's late "succeeded" for attempt 1 was refused: the row keeps B's verdict.
      ["s3", ["1:lost:inst-A", "2:succeeded:inst-B"]],
      ["s4", ["1:succeeded:inst-B"]],
      ["s5", ["1:succeeded:inst-B"]],
      ["s6", ["1:succeeded:inst-B"]],
    ]);
    expect(journalLines(s.journalFile)).toEqual(["s1 1 A", "s2 1 A", "s3 1 A", "s3 2 B", "s4 1 B", "s5 1 B", "s6 1 B"]);
    // After waking, A reported no step of the run as running again.
    const aRunning = taskReports(a, runId).filter((r) => r.status === "running").map((r) => r.stepId);
    expect(aRunning).toEqual(["s1", "s2", "s3"]);
    const seqs = (await s.store.listEvents(runId)).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it("a run started from a CLI process while the server is up runs once, on the CLI, and is never touched by the server", async () => {
    const STEPS = 6;
    const s = await bed.setup(journalChain(STEPS, { sleepSec: 0.25 }));
    const server = bed.spawnEngine({ db: s.url, name: "server", instance: "server" });
    await server.waitFor((r) => r.type === "ready", 20_000, "server ready");
    const cli = bed.spawnEngine({
      db: s.url,
      name: "cli",
      instance: "cli",
      start: { versionId: s.versionId, workDir: s.workDir, exitWhenDone: true },
    });
    const runId = await startedRun(cli);
    expect((await runEnd(cli, runId)).status).toBe("succeeded");
    expect(await cli.exited).toEqual({ code: 0, signal: null });

    const attempts = await expectCleanSuccess(s.store, runId, STEPS);
    expect(attempts.map((x) => `${x.stepId} ${x.attempt} ${x.status} ${x.instanceId}`)).toEqual(
      Array.from({ length: STEPS }, (_, i) => `s${i + 1} 1 succeeded cli`),
    );
    expect(journalLines(s.journalFile)).toEqual(Array.from({ length: STEPS }, (_, i) => `s${i + 1} 1 cli`));
    // The server saw nothing of it, is still up and heartbeating; the CLI deregistered cleanly.
    await new Promise((r) => setTimeout(r, 500));
    expect(taskReports(server, runId)).toEqual([]);
    expect(server.alive).toBe(true);
    expect((await s.store.getInstance("server"))!.heartbeatAt).toBeGreaterThan(Date.now() - 1000);
    expect(await s.store.getInstance("cli")).toBeNull();
    expect((await s.store.listEvents(runId)).some((e) => e.type === "run.recovered")).toBe(false);
  });

  it("a CLI stopped gracefully mid-run hands the run back; the server adopts it at once without using up a retry", async () => {
    const STEPS = 5;
    // maxAttempts 1: the interrupted attempt must not count as a failure.
    const s = await bed.setup(journalChain(STEPS, { sleepSec: 0.4, maxAttempts: 1 }));
    // A long expiry: adopting the released run must not wait for it.
    const expiryMs = 20_000;
    const server = bed.spawnEngine({ db: s.url, name: "server", instance: "server", expiryMs });
    await server.waitFor((r) => r.type === "ready", 20_000, "server ready");
    const cli = bed.spawnEngine({ db: s.url, name: "cli", instance: "cli", expiryMs, start: { versionId: s.versionId, workDir: s.workDir } });
    const runId = await startedRun(cli);
    await until(() => journal(s.journalFile).some((j) => j.step === "s2"), 15_000, "s2 to start");

    const stoppedAt = Date.now();
    await cli.kill("SIGTERM"); // Ctrl-C: engine.stop()
    expect((await cli.exited).code).toBe(0);
    expect((await runEnd(server, runId)).status).toBe("succeeded");
    expect(Date.now() - stoppedAt).toBeLessThan(expiryMs);

    const attempts = await expectCleanSuccess(s.store, runId, STEPS);
    expect([...attemptsByStep(attempts)].map(([step, list]) => [step, list.map((x) => `${x.attempt}:${x.status}:${x.instanceId}`)])).toEqual([
      ["s1", ["1:succeeded:cli"]],
      ["s2", ["1:cancelled:cli", "2:succeeded:server"]],
      ["s3", ["1:succeeded:server"]],
      ["s4", ["1:succeeded:server"]],
      ["s5", ["1:succeeded:server"]],
    ]);
    expect(attemptsByStep(attempts).get("s2")![0]).toMatchObject({ reason: "engine-stopped" });
    expect(journalLines(s.journalFile)).toEqual(["s1 1 cli", "s2 1 cli", "s2 2 server", "s3 1 server", "s4 1 server", "s5 1 server"]);
    const recovered = (await s.store.listEvents(runId)).find((e) => e.type === "run.recovered")!;
    expect(recovered.payload).toEqual({ instanceId: "server", previousOwner: null, lostAttempts: 0 });
  });
});
