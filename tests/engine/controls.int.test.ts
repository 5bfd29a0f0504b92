/**
 * Controls across processes: the web server pauses, resumes and cancels a
 * run that a CLI process executes. The server does not own the run, so each
 * control is left in the database for the owner (`deferred`), which applies
 * it within its control poll (1 s) — real SQLite, real shell steps.
 */
import { describe, expect, it } from "vitest";
import { journal, until, type EngineProc } from "./proc";
import { runEnd, startedRun, engineTestbed } from "./testbed";
import { JOURNAL } from "./workflows";

const bed = engineTestbed("controls");

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Sends a control to a process and resolves with its result. */
async function control(p: EngineProc, cmd: "pause" | "resume" | "cancel", runId: string) {
  const before = p.reports.length;
  p.send({ cmd, runId, by: "web-user" });
  const r = await p.waitFor((x) => x.type === "control" && x.cmd === cmd && p.reports.indexOf(x) >= before, 10_000, `${cmd} result`);
  return r.result;
}

describe("controls across engine processes", () => {
  it("the server pauses, resumes and cancels a run the CLI executes; the CLI applies them", async () => {
    // s1..s3 short, s4 long (to be killed by the cancel), s5 never reached.
    const step = (i: number, sleep: number) => ({
      id: `s${i}`,
      kind: "shell",
      run: `echo "$MYRMEX_STEP_ID $MYRMEX_ATTEMPT $ENGINE_NAME $$" >> ${JOURNAL}; sleep ${sleep}`,
      dependsOn: i === 1 ? [] : [`s${i - 1}`],
    });
    const s = await bed.setup({ name: "controlled", steps: [step(1, 0.5), step(2, 0.5), step(3, 0.5), step(4, 60), step(5, 0.1)] });
    const server = bed.spawnEngine({ db: s.url, name: "server", instance: "server" });
    await server.waitFor((r) => r.type === "ready", 20_000, "server ready");
    const cli = bed.spawnEngine({
      db: s.url,
      name: "cli",
      instance: "cli",
      start: { versionId: s.versionId, workDir: s.workDir, exitWhenDone: true },
    });
    const runId = await startedRun(cli);
    const started = () => journal(s.journalFile).map((j) => j.step);
    await until(() => started().includes("s1"), 15_000, "s1 to start");

    // Pause: deferred to the owner, which applies it (running step finishes, nothing new starts).
    expect(await control(server, "pause", runId)).toEqual({ ok: true, deferred: true });
    await until(async () => (await s.store.getRun(runId))?.status === "paused", 5_000, "the run to be paused");
    await until(async () => (await s.store.listTaskRuns(runId)).every((t) => t.status !== "running"), 5_000, "the running step to finish");
    const whilePaused = started();
    await new Promise((r) => setTimeout(r, 1200)); // two steps' worth of time
    expect(started()).toEqual(whilePaused);
    expect((await s.store.getRun(runId))?.controlRequest).toBeNull();

    // Resume: the next step starts.
    expect(await control(server, "resume", runId)).toEqual({ ok: true, deferred: true });
    await until(() => started().length > whilePaused.length, 5_000, "a step to start after resume");

    // Cancel while s4 (60 s) runs: the CLI kills it, settles every step and exits.
    await until(() => started().includes("s4"), 10_000, "s4 to start");
    const s4 = journal(s.journalFile).find((j) => j.step === "s4")!.pid!;
    bed.onCleanup(() => {
      try {
        process.kill(-s4, "SIGKILL");
      } catch {
        // gone, as it should be
      }
    });
    expect(await control(server, "cancel", runId)).toEqual({ ok: true, deferred: true });
    expect((await runEnd(cli, runId, 10_000)).status).toBe("cancelled");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(s4)).toBe(false);

    const run = await s.store.getRun(runId);
    expect(run).toMatchObject({ status: "cancelled", cancelledBy: "web-user", controlRequest: null, ownerInstanceId: "cli" });
    expect((await s.store.listTaskRuns(runId)).map((t) => [t.stepId, t.status])).toEqual([
      ["s1", "succeeded"],
      ["s2", "succeeded"],
      ["s3", "succeeded"],
      ["s4", "cancelled"],
      ["s5", "cancelled"],
    ]);
    expect(await s.store.listOpenAllocations()).toEqual([]);
    const attempts = await s.store.listAttempts(runId);
    expect(attempts.every((a) => a.instanceId === "cli")).toBe(true);
    expect(journal(s.journalFile).map((j) => `${j.step} ${j.attempt} ${j.engine}`)).toEqual(["s1 1 cli", "s2 1 cli", "s3 1 cli", "s4 1 cli"]);
    const controls = (await s.store.listEvents(runId)).filter((e) => e.type === "run.control").map((e) => e.payload);
    expect(controls).toEqual([
      { action: "pause", by: "web-user" },
      { action: "resume", by: "web-user" },
      { action: "cancel", by: "web-user" },
    ]);
    // The server never executed anything of it.
    expect(server.reports.filter((r) => r.type === "task")).toEqual([]);
  });

  /** The CLI starts a run and is SIGKILLed while s2 runs; the server is asked to cancel it at once. */
  async function cancelLeftForDeadOwner() {
    const step = (i: number) => ({
      id: `s${i}`,
      kind: "shell",
      run: `echo "$MYRMEX_STEP_ID $MYRMEX_ATTEMPT $ENGINE_NAME $$" >> ${JOURNAL}; sleep 0.5`,
      dependsOn: i === 1 ? [] : [`s${i - 1}`],
      retry: { maxAttempts: 2, delaySec: 0 },
    });
    const s = await bed.setup({ name: "orphan-cancel", steps: [1, 2, 3, 4, 5, 6].map(step) });
    const server = bed.spawnEngine({ db: s.url, name: "server", instance: "server" });
    await server.waitFor((r) => r.type === "ready", 20_000, "server ready");
    const cli = bed.spawnEngine({ db: s.url, name: "cli", instance: "cli", start: { versionId: s.versionId, workDir: s.workDir } });
    const runId = await startedRun(cli);
    await until(() => journal(s.journalFile).some((j) => j.step === "s2"), 15_000, "s2 to start");
    await cli.kill("SIGKILL");
    // The CLI is dead but its heartbeat has not expired: the cancel waits in the database.
    expect(await control(server, "cancel", runId)).toEqual({ ok: true, deferred: true });
    expect((await s.store.getRun(runId))?.controlRequest).toMatchObject({ action: "cancel", by: "web-user" });
    expect((await runEnd(server, runId, 15_000)).status).toBe("cancelled");
    return { s, runId };
  }

  it("a cancel left for an owner that then dies is applied by the instance that takes the run over", async () => {
    const { s, runId } = await cancelLeftForDeadOwner();
    const run = await s.store.getRun(runId);
    expect(run).toMatchObject({ status: "cancelled", cancelledBy: "web-user", controlRequest: null, ownerInstanceId: "server" });
    expect(await s.store.listOpenAllocations()).toEqual([]);
    const tasks = await s.store.listTaskRuns(runId);
    expect(tasks[0]!.status).toBe("succeeded");
    expect(tasks.every((t) => ["succeeded", "cancelled"].includes(t.status))).toBe(true);
    expect((await s.store.listAttempts(runId)).filter((a) => a.status === "running")).toEqual([]);
  });

  /**
   * Recovery takes the run's pending `controlRequest` and applies it before
   * its first dispatch (not at the next control poll, up to
   * controlPollIntervalMs later): the server starts nothing here — not the
   * lost attempt's retry, not a successor. (A pending `pause` likewise keeps
   * the adopted run from starting anything: lib/engine/recovery.test.ts.)
   */
  it("a pending cancel is applied at takeover, before anything is dispatched", async () => {
    const { s } = await cancelLeftForDeadOwner();
    expect(journal(s.journalFile).filter((j) => j.engine === "server")).toEqual([]);
  });
});
