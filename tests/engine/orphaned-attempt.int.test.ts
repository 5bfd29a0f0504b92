/**
 * Crash recovery and the processes of a lost attempt.
 *
 * When an engine process is SIGKILLed, the shell step it was running does
 * not die with it: the executor spawns each step in its own process group
 * (detached), so nothing signals it. Recovery must not start the next
 * attempt next to it (the command would run twice at the same time — think
 * `deploy` — and the orphan's cpu slot would be counted free): the attempt
 * records its process group, the leader's start time and the host when it
 * starts, and recovery on the same host kills that group (TERM, then KILL)
 * and waits until it is gone before retrying.
 */
import { describe, expect, it } from "vitest";
// Not `process.kill(pid, 0)`: the killed orphan was reparented to PID 1, which
// may reap it late; a zombie runs nothing (this isAlive says false for one).
import { isAlive } from "@/lib/engine/executors/process-tree";
import { journal, until } from "./proc";
import { runEnd, startedRun, engineTestbed } from "./testbed";
import { JOURNAL } from "./workflows";

const bed = engineTestbed("orphan");

describe("crash recovery and the lost attempt's processes", () => {
  it("kills the lost attempt's process group before retrying the step", async () => {
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
    // (If the crash comes before the attempt's process group is committed,
    // recovery finds the processes by their MYRMEX_* environment instead.)
    await a.kill("SIGKILL");

    // Same instance id: recovery at start-up, attempt 2 right away.
    const b = bed.spawnEngine({ db: s.url, name: "B", instance: "inst" });
    const second = await until(() => pidOf(2), 20_000, "attempt 2 to start");
    pids.push(second);
    const attempts = await s.store.listAttempts(runId);
    expect(attempts.map((x) => `${x.attempt}:${x.status}`)).toEqual(["1:lost", "2:running"]);
    expect(attempts[0]!.error).toMatch(/still running on .* and were killed \(SIGTERM\)/);

    // The lost attempt's shell is gone (it would sleep, then journal "end 1").
    expect(isAlive(first)).toBe(false);
    const recovered = (await s.store.listEvents(runId)).find((e) => e.type === "run.recovered");
    expect(recovered?.payload).toMatchObject({ lostAttempts: 1, lostAttemptProcesses: [{ stepId: "deploy", attempt: 1, outcome: "killed", pids: expect.arrayContaining([first]) }] });
    await runEnd(b, runId);
    expect(journal(s.journalFile).filter((j) => j.step === "end").map((j) => j.attempt)).toEqual([2]);
    // Each attempt records its process group (the shell's pid), the leader's start identity and the host.
    const last = (await s.store.listAttempts(runId))[1];
    expect(last).toMatchObject({ status: "succeeded", processGroupId: second, host: expect.any(String), processStartTime: expect.stringMatching(/^[0-9a-f-]+:\d+$/) });
  });
});
