/**
 * Process-tree helpers for shell steps: find every descendant of a step's
 * process (same process group, or reachable through parent pids — which also
 * catches children that called setsid), sample their CPU time and RSS, kill
 * them all, and wait until they are really gone.
 *
 * On Linux this reads /proc directly (cumulative CPU including reaped
 * children, so short-lived grandchildren are counted). Elsewhere it falls
 * back to `pidusage` on the root process only.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import pidusage from "pidusage";

const HAS_PROC = process.platform === "linux" && existsSync("/proc/self/stat");
/** USER_HZ: /proc times are in these ticks (100 on every mainstream Linux). */
const CLOCK_TICKS = 100;
let pageSize: number | null = null;

function pageBytes(): number {
  if (pageSize === null) {
    try {
      pageSize = Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

/** The fields of /proc/<pid>/stat the engine uses. */
export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
  /** utime + stime + cutime + cstime, in seconds. */
  cpuSeconds: number;
  rssBytes: number;
  /** Start time in clock ticks after boot (field 22): with the boot id, identifies the process. */
  startTicks: number;
}

/** Parses /proc/<pid>/stat; null if the process is gone. */
export function readProcStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name may contain spaces and parentheses: split after the last ')'.
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const num = (i: number) => Number(f[i] ?? 0);
  return {
    pid,
    state: f[0] ?? "?",
    ppid: num(1),
    pgrp: num(2),
    cpuSeconds: (num(11) + num(12) + num(13) + num(14)) / CLOCK_TICKS,
    rssBytes: num(21) * pageBytes(),
    startTicks: num(19),
  };
}

let bootIdCache: string | null | undefined;

/** This boot's id (/proc/sys/kernel/random/boot_id); null without /proc. */
export function bootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = HAS_PROC ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null : null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

/**
 * Start identity of a live process, `"<boot id>:<starttime ticks>"`: a pid
 * recycled later (or after a reboot) gets a different one. Null without /proc
 * or if the process is gone.
 */
export function processStartIdentity(pid: number): string | null {
  const boot = bootId();
  if (boot === null) return null;
  const st = readProcStat(pid);
  return st ? `${boot}:${st.startTicks}` : null;
}

/** Every process on the machine (Linux only; empty elsewhere). */
export function listProcesses(): ProcStat[] {
  if (!HAS_PROC) return [];
  const out: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const st = readProcStat(Number(name));
    if (st) out.push(st);
  }
  return out;
}

/** Live (non-zombie) processes of the tree rooted at `root`: its group plus ppid descendants. */
export function processTree(root: number, all: ProcStat[] = listProcesses()): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of all) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const seen = new Map<number, ProcStat>();
  for (const p of all) if (p.pgrp === root || p.pid === root) seen.set(p.pid, p);
  const stack = [...seen.values()];
  while (stack.length > 0) {
    const p = stack.pop()!;
    for (const c of children.get(p.pid) ?? []) {
      if (!seen.has(c.pid)) {
        seen.set(c.pid, c);
        stack.push(c);
      }
    }
  }
  return [...seen.values()].filter((p) => p.state !== "Z" && p.state !== "X");
}

/** Whether a pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  if (HAS_PROC) {
    const st = readProcStat(pid);
    return st !== null && st.state !== "Z" && st.state !== "X";
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to the process group `pgid` and to the given pids, ignoring the gone ones. */
export function signalTree(pgid: number, pids: readonly number[], signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // group already gone
  }
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** A CPU/memory reading of a whole tree. */
export interface TreeSample {
  /** Cumulative CPU seconds of the tree (live processes incl. their reaped children). */
  cpuSeconds: number;
  rssMb: number;
  pids: number[];
}

/** Samples the tree rooted at `root`. */
export async function sampleTree(root: number): Promise<TreeSample | null> {
  if (HAS_PROC) {
    const tree = processTree(root);
    if (tree.length === 0) return null;
    let cpu = 0;
    let rss = 0;
    for (const p of tree) {
      cpu += p.cpuSeconds;
      rss += p.rssBytes;
    }
    return { cpuSeconds: cpu, rssMb: rss / (1024 * 1024), pids: tree.map((p) => p.pid) };
  }
  try {
    const s = await pidusage(root);
    return { cpuSeconds: s.ctime / 1000, rssMb: s.memory / (1024 * 1024), pids: [root] };
  } catch {
    return null;
  }
}

/** Forgets pidusage's per-pid history (closes its cached file descriptors). */
export function clearUsageHistory(): void {
  if (!HAS_PROC) pidusage.clear();
}

/** Whether /proc-based tree tracking is available. */
export const hasProcFs = HAS_PROC;
