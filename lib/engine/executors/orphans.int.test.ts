import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { terminateLostAttempt } from "./orphans";
import { hasProcFs, isAlive, processStartIdentity } from "./process-tree";
import type { LostAttempt } from "./types";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
});

let seq = 0;
/** A detached `/bin/sh -c script` like the shell executor's, with an attempt's environment. */
function startGroup(script: string, env: Record<string, string> = {}) {
  const child = spawn("/bin/sh", ["-c", script], { detached: true, stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, ...env } });
  child.stdout!.setEncoding("utf8");
  children.push(child);
  return child;
}

/** Pids a script reports (one per line) once it has printed `n` of them. */
function pidsOf(child: ChildProcess, n: number): Promise<number[]> {
  return new Promise((resolve) => {
    let text = "";
    child.stdout!.on("data", (d: string) => {
      text += d;
      const pids = text.split("\n").filter(Boolean).map(Number);
      if (pids.length >= n) resolve(pids);
    });
  });
}

function attemptEnv() {
  const a = { runId: `run-${process.pid}-${++seq}`, stepId: "deploy", attempt: 1 };
  return { a, env: { MYRMEX_RUN_ID: a.runId, MYRMEX_STEP_ID: a.stepId, MYRMEX_ATTEMPT: String(a.attempt) } };
}

const lost = (a: { runId: string; stepId: string; attempt: number }, over: Partial<LostAttempt> = {}): LostAttempt => ({
  ...a,
  taskRunId: `${a.runId}:0`,
  processGroupId: null,
  processStartTime: null,
  ...over,
});

describe.skipIf(!hasProcFs)("terminateLostAttempt (real processes, /proc)", () => {
  it("kills the recorded group (TERM) and waits until every process is gone", async () => {
    const g = startGroup("sleep 30 & echo $!; sleep 30");
    const [bg] = await pidsOf(g, 1);
    const res = await terminateLostAttempt(
      lost({ runId: "r-none", stepId: "x", attempt: 1 }, { processGroupId: g.pid!, processStartTime: processStartIdentity(g.pid!) }),
      { graceMs: 2000 },
    );
    expect(res).toMatchObject({ status: "killed", signal: "SIGTERM" });
    expect((res as { pids: number[] }).pids).toEqual(expect.arrayContaining([g.pid!, bg!]));
    expect(isAlive(g.pid!)).toBe(false);
    expect(isAlive(bg!)).toBe(false);
  });

  it("escalates to SIGKILL when TERM is ignored", async () => {
    const g = startGroup("trap '' TERM; echo ready; sleep 30");
    await pidsOf(g, 1);
    const t0 = Date.now();
    const res = await terminateLostAttempt(
      lost({ runId: "r-none", stepId: "x", attempt: 1 }, { processGroupId: g.pid!, processStartTime: processStartIdentity(g.pid!) }),
      { graceMs: 300 },
    );
    expect(res).toMatchObject({ status: "killed", signal: "SIGKILL" });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(isAlive(g.pid!)).toBe(false);
  });

  it("never signals a group whose leader is another process now (recycled pid)", async () => {
    const g = startGroup("echo ready; sleep 30");
    await pidsOf(g, 1);
    const identity = processStartIdentity(g.pid!)!;
    const ticks = Number(identity.slice(identity.lastIndexOf(":") + 1));
    const recycled = `${identity.slice(0, identity.lastIndexOf(":"))}:${ticks - 1}`;
    expect(await terminateLostAttempt(lost({ runId: "r-none", stepId: "x", attempt: 1 }, { processGroupId: g.pid!, processStartTime: recycled }))).toEqual({
      status: "gone",
    });
    expect(await terminateLostAttempt(lost({ runId: "r-none", stepId: "x", attempt: 1 }, { processGroupId: g.pid!, processStartTime: `other-boot:${ticks}` }))).toEqual({
      status: "gone",
    });
    expect(isAlive(g.pid!)).toBe(true);
  });

  it("finds the processes by their environment when no group was recorded, including ones that left the group", async () => {
    const { a, env } = attemptEnv();
    // A child that starts its own session (setsid) leaves the group but keeps the environment.
    const g = startGroup("setsid sh -c 'echo $$; exec sleep 30' & sleep 30", env);
    const [escaped] = await pidsOf(g, 1);
    const res = await terminateLostAttempt(lost(a), { graceMs: 2000 });
    expect(res).toMatchObject({ status: "killed", signal: "SIGTERM" });
    expect((res as { pids: number[] }).pids).toEqual(expect.arrayContaining([g.pid!, escaped!]));
    expect(isAlive(g.pid!)).toBe(false);
    expect(isAlive(escaped!)).toBe(false);
  });

  it("reports `gone` when nothing of the attempt runs", async () => {
    const { a } = attemptEnv();
    const g = startGroup("exit 0");
    await new Promise((r) => g.once("exit", r));
    expect(await terminateLostAttempt(lost(a, { processGroupId: g.pid!, processStartTime: "x:1" }))).toEqual({ status: "gone" });
  });
});
