/**
 * Crash recovery of shell attempts: the processes of an attempt whose engine
 * died keep running (they are in their own process group, nothing signals
 * them). Before the step is retried, an instance on the same host finds them
 * and kills them (SIGTERM, then SIGKILL after a grace period) and waits until
 * they are really gone.
 *
 * They are found two ways (Linux /proc):
 * - the recorded process group, if its leader is the recorded process (same
 *   boot id and start time: a recycled pid is never signalled; while any
 *   member of the old group lives, Linux does not hand its id out again);
 * - the environment the executor gave every process of the attempt
 *   (`MYRMEX_RUN_ID`, `MYRMEX_STEP_ID`, `MYRMEX_ATTEMPT`), which also finds
 *   descendants that left the group (setsid) and attempts whose group was not
 *   recorded yet when the engine died.
 * Without /proc only the group's existence can be checked.
 */
import { readFileSync } from "node:fs";
import { bootId, hasProcFs, listProcesses, processTree, type ProcStat } from "./process-tree";
import type { LostAttempt, OrphanOutcome } from "./types";

/** Options of {@link terminateLostAttempt}. */
export interface TerminateOptions {
  /** SIGTERM → SIGKILL delay (default 5000 ms). */
  graceMs?: number;
  /** How long to wait for the processes to vanish after SIGKILL (default 2000 ms). */
  killWaitMs?: number;
  /** Poll period (default 25 ms). */
  pollMs?: number;
}

const live = (p: ProcStat) => p.state !== "Z" && p.state !== "X";

/** Live processes found (pid → start ticks) and the verified group to signal, if any. */
interface Found {
  procs: Map<number, number>;
  group: number | null;
}
const EMPTY: Found = { procs: new Map(), group: null };

function environHas(pid: number, needles: readonly string[]): boolean {
  let env: string;
  try {
    env = `\0${readFileSync(`/proc/${pid}/environ`, "latin1")}`;
  } catch {
    return false; // gone, or not ours to read
  }
  return needles.every((n) => env.includes(n));
}

/** Whether the recorded group (leader identity) is still the attempt's. */
function groupIsOurs(attempt: LostAttempt, all: ProcStat[]): boolean {
  const pgid = attempt.processGroupId;
  if (pgid === null || attempt.processStartTime === null) return false;
  const sep = attempt.processStartTime.lastIndexOf(":");
  const boot = attempt.processStartTime.slice(0, sep);
  const ticks = Number(attempt.processStartTime.slice(sep + 1));
  if (boot !== bootId()) return false; // rebooted since: the group died with that boot
  const leader = all.find((p) => p.pid === pgid);
  // A live leader must be the recorded process; with the leader gone, the id is
  // still held by the old group as long as any member lives.
  return leader === undefined || leader.startTicks === ticks;
}

/**
 * Live processes of the lost attempt: its verified group's tree, plus (with
 * `scanEnv`) every process carrying its environment, plus the `known` pids
 * still alive. Returns the group to signal too, if verified and non-empty.
 */
function findProcesses(attempt: LostAttempt, scanEnv: boolean, known: Found = EMPTY): Found {
  const all = listProcesses();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const found = new Set<number>();
  let group: number | null = null;
  if (groupIsOurs(attempt, all)) {
    const tree = processTree(attempt.processGroupId!, all);
    if (tree.length > 0) group = attempt.processGroupId;
    for (const p of tree) found.add(p.pid);
  }
  if (scanEnv) {
    const needles = [`\0MYRMEX_RUN_ID=${attempt.runId}\0`, `\0MYRMEX_STEP_ID=${attempt.stepId}\0`, `\0MYRMEX_ATTEMPT=${attempt.attempt}\0`];
    for (const p of all) {
      if (p.pid === process.pid || found.has(p.pid) || !live(p)) continue;
      if (environHas(p.pid, needles)) found.add(p.pid);
    }
  }
  // Known pids count only while they are the same processes (start time).
  for (const [pid, ticks] of known.procs) if (byPid.get(pid)?.startTicks === ticks) found.add(pid);
  const procs = new Map<number, number>();
  for (const pid of found) {
    const p = byPid.get(pid);
    if (p !== undefined && live(p)) procs.set(pid, p.startTicks);
  }
  return { procs, group };
}

function signal({ procs, group }: Found, sig: NodeJS.Signals): void {
  if (group !== null) {
    try {
      process.kill(-group, sig);
    } catch {
      // group gone
    }
  }
  for (const pid of procs.keys()) {
    try {
      process.kill(pid, sig);
    } catch {
      // gone
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until nothing of the attempt is alive; returns what is left at the deadline. */
async function waitGone(attempt: LostAttempt, known: Found, ms: number, pollMs: number): Promise<Found> {
  const deadline = Date.now() + ms;
  for (;;) {
    // The group's tree and the known processes on every poll; the environment
    // scan (every process's environ) once more before declaring them gone.
    let left = findProcesses(attempt, false, known);
    if (left.procs.size === 0) left = findProcesses(attempt, true, known);
    if (left.procs.size === 0 || Date.now() >= deadline) return left;
    await sleep(pollMs);
  }
}

/** Finds the lost attempt's processes on this host and kills them. */
export async function terminateLostAttempt(attempt: LostAttempt, options: TerminateOptions = {}): Promise<OrphanOutcome> {
  const graceMs = options.graceMs ?? 5000;
  const killWaitMs = options.killWaitMs ?? 2000;
  const pollMs = options.pollMs ?? 25;
  if (!hasProcFs) return withoutProcFs(attempt);
  const first = findProcesses(attempt, true);
  if (first.procs.size === 0) return { status: "gone" };
  const pids = [...first.procs.keys()];
  signal(first, "SIGTERM");
  const afterTerm = await waitGone(attempt, first, graceMs, pollMs);
  if (afterTerm.procs.size === 0) return { status: "killed", signal: "SIGTERM", pids };
  signal(afterTerm, "SIGKILL");
  const afterKill = await waitGone(attempt, afterTerm, killWaitMs, pollMs);
  if (afterKill.procs.size === 0) return { status: "killed", signal: "SIGKILL", pids: [...new Set([...pids, ...afterTerm.procs.keys()])] };
  return { status: "survived", pids: [...afterKill.procs.keys()] };
}

/** Without /proc: a group that no longer exists is gone; an existing one cannot be verified. */
function withoutProcFs(attempt: LostAttempt): OrphanOutcome {
  if (attempt.processGroupId === null) {
    return { status: "unverifiable", message: "its process group was not recorded" };
  }
  try {
    process.kill(-attempt.processGroupId, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return { status: "gone" };
  }
  return { status: "unverifiable", message: `process group ${attempt.processGroupId} exists but cannot be verified without /proc` };
}
