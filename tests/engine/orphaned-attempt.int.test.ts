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
import { describe, expect, it } from "vitest";
import { journal, until } from "./proc";
import { runEnd, startedRun, engineTestbed } from "./testbed";
import { JOURNAL } from "./workflows";

const bed = engineTestbed("orphan");

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
    const pids: number[] = [];
    bed.onCleanup(() => {
      for (const pid of pids) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone
        }
      }
    });
    // One quiet, long step: journal "<step> <attempt> <engine> <pid>", sleep 3 s, journal "end <attempt>".
    const s = await bed.setup({
      name: "long-step",
      retry: { maxAttempts: 2, delaySec: 0 },
      steps: [
        {
          id: "deploy",
          kind: "shell",
          run: `echo "$MYRMEX_STEP_ID $MYRMEX_ATTEMPT $ENGINE_NAME $$" >> ${JOURNAL}; sleep 3; echo "end $MYRMEX_ATTEMPT" >> ${JOURNAL}`,
        },
      ],
    });
    const pidOf = (attempt: number) => journal(s.journalFile).find((j) => j.step === "deploy" && j.attempt === attempt)?.pid;

    const a = bed.spawnEngine({ db: s.url, name: "A", instance: "inst", start: { versionId: s.versionId, workDir: s.workDir } });
    const runId = await startedRun(a);
    const first = await until(() => pidOf(1), 15_000, "attempt 1 to start");
    pids.push(first);
    await a.kill("SIGKILL");

    // Same instance id: recovery at start-up, attempt 2 right away.
    const b = bed.spawnEngine({ db: s.url, name: "B", instance: "inst" });
    const second = await until(() => pidOf(2), 20_000, "attempt 2 to start");
    pids.push(second);
    const attempts = await s.store.listAttempts(runId);
    expect(attempts.map((x) => `${x.attempt}:${x.status}`)).toEqual(["1:lost", "2:running"]);

    // The lost attempt's shell must be gone by now — it is not: it still sleeps, then journals "end 1".
    expect(isAlive(first)).toBe(false);
    await runEnd(b, runId);
    expect(journal(s.journalFile).filter((j) => j.step === "end").map((j) => j.attempt)).toEqual([2]);
  });
});
