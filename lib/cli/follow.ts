/**
 * Following a run until it ends: one line per step state change, a live
 * progress bar on a TTY, a timeout, and Ctrl-C asking whether to cancel the
 * run or just stop following. Reads the run's persisted event log through
 * the backend, so local and remote mode print exactly the same thing.
 */
import type { RunDto, RunEventDto, TaskDto } from "@/lib/validations/api";
import type { Backend } from "./backend/types";
import { formatDuration, type Output } from "./output";
import { ask } from "./prompt";

export type FollowResult = { kind: "finished"; run: RunDto; timedOut: boolean } | { kind: "detached"; run: RunDto };

export interface FollowOptions {
  backend: Backend;
  out: Output;
  runId: string;
  /** Replay the run's whole event log (a run just started) instead of only what happens next. */
  fromStart: boolean;
  /** Follow from this earlier snapshot (e.g. taken just before a retry) instead of the current state. */
  since?: RunDto;
  /** Cancel the run after this many seconds. */
  timeoutSec?: number;
  /** Print nothing while following (`--json`). */
  quiet?: boolean;
  pollMs?: number;
}

const FINAL_RUN = new Set(["succeeded", "failed", "cancelled"]);
const SILENT_TASK_STATES = new Set(["pending", "ready"]);
const SYMBOL: Record<string, string> = {
  running: "▶",
  succeeded: "✓",
  failed: "✗",
  upstream_failed: "⊘",
  skipped: "↷",
  cancelled: "■",
  cached: "≡",
  waiting: "…",
};

interface StepState {
  status: string;
  attempt: number;
  startedAt: number | null;
}

/** "waiting: retry 2 in 3 s" etc. for a task.status event. */
function describe(data: Record<string, unknown>, step: StepState | undefined, ts: number): string {
  const status = String(data.status);
  const attempt = Number(data.attempt ?? 0);
  switch (status) {
    case "running":
      return attempt > 1 ? `running (attempt ${attempt})` : "running";
    case "succeeded":
      return `succeeded${step?.startedAt ? ` in ${formatDuration(ts - step.startedAt)}` : ""}`;
    case "failed": {
      const bits = [data.exitCode !== null && data.exitCode !== undefined ? `exit ${String(data.exitCode)}` : null, data.reason ? String(data.reason) : null].filter(Boolean);
      const err = typeof data.error === "string" && data.error ? ` — ${data.error.split("\n")[0]!.slice(0, 160)}` : "";
      return `failed${bits.length ? ` (${bits.join(", ")})` : ""}${err}`;
    }
    case "waiting": {
      const r = data.waitReason as { type?: string; until?: number; attempt?: number; pool?: string; needed?: number; free?: number; capacity?: number } | null;
      const why = typeof data.reason === "string" ? `${data.reason}; ` : "";
      if (r?.type === "backoff") return `waiting: ${why}retry ${r.attempt ?? attempt + 1} in ${formatDuration(Math.max(0, (r.until ?? ts) - ts))}`;
      if (r?.type === "resource") return `waiting for ${r.needed} ${r.pool} (${r.free} free of ${r.capacity})`;
      return "waiting";
    }
    case "upstream_failed":
      return "not run: an upstream step failed";
    default:
      return status.replace("_", " ");
  }
}

class ProgressBar {
  private shown = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly out: Output,
    private readonly text: () => string,
  ) {}

  start(): void {
    if (!this.out.tty) return;
    this.draw();
    this.timer = setInterval(() => this.draw(), 500);
    this.timer.unref();
  }

  draw(): void {
    if (!this.out.tty) return;
    this.out.out.write(`\r\x1b[2K${this.text()}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.out.out.write("\r\x1b[2K");
    this.shown = false;
  }

  /** Prints a line above the bar. */
  print(line: string): void {
    this.clear();
    this.out.line(line);
    if (this.timer) this.draw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }
}

export async function followRun(o: FollowOptions): Promise<FollowResult> {
  const { backend, out } = o;
  const initial = o.since ?? (await backend.getRun(o.runId));
  const steps = new Map<string, StepState>(
    initial.tasks.map((t: TaskDto) => [
      t.stepId,
      o.fromStart ? { status: "pending", attempt: 0, startedAt: null } : { status: t.status, attempt: t.attempts, startedAt: t.startedAt ? Date.parse(t.startedAt) : null },
    ]),
  );
  const width = Math.min(24, Math.max(8, ...[...steps.keys()].map((s) => s.length)));
  const started = initial.startedAt ? Date.parse(initial.startedAt) : Date.now();
  let runStatus: string = o.fromStart ? "running" : initial.status;
  let after = o.fromStart ? 0 : initial.lastEventSeq;

  const counts = () => {
    let done = 0;
    let running = 0;
    for (const s of steps.values()) {
      if (s.status === "running") running++;
      else if (!["pending", "ready", "waiting"].includes(s.status)) done++;
    }
    return { done, running };
  };
  const bar = new ProgressBar(out, () => {
    const { done, running } = counts();
    const total = steps.size || 1;
    const filled = Math.round((done / total) * 20);
    return `${out.paint("cyan", "█".repeat(filled))}${out.paint("gray", "░".repeat(20 - filled))} ${done}/${steps.size} steps · ${running} running · ${runStatus} · ${formatDuration(Date.now() - started)}`;
  });
  const print = (text: string) => {
    if (!o.quiet) bar.print(text);
  };
  const stamp = (ts: string) => out.paint("gray", ts.slice(11, 23));

  const apply = (e: RunEventDto) => {
    const ts = Date.parse(e.ts);
    if (e.type === "task.status") {
      const stepId = String(e.data.stepId);
      const status = String(e.data.status);
      const prev = steps.get(stepId);
      if (prev && prev.status === status && prev.attempt === Number(e.data.attempt ?? prev.attempt)) return;
      const line = describe(e.data, prev, ts);
      const next: StepState = { status, attempt: Number(e.data.attempt ?? prev?.attempt ?? 0), startedAt: status === "running" ? ts : (prev?.startedAt ?? null) };
      steps.set(stepId, next);
      if (SILENT_TASK_STATES.has(status)) return;
      const color = out.statusColor(status);
      print(`${stamp(e.ts)}  ${color ? out.paint(color, SYMBOL[status] ?? "·") : (SYMBOL[status] ?? "·")} ${stepId.padEnd(width)}  ${color ? out.paint(color, line) : line}`);
    } else if (e.type === "run.status") {
      runStatus = String(e.data.status);
      const previous = String(e.data.previous);
      if (previous === "queued" && runStatus === "running") return;
      const what = runStatus !== "running" ? `run ${runStatus}` : previous === "paused" ? "run resumed" : FINAL_RUN.has(previous) ? "run reopened" : "run running";
      const err = typeof e.data.error === "string" && e.data.error ? ` — ${e.data.error}` : "";
      print(`${stamp(e.ts)}  ${out.paint("bold", what)}${err}`);
    } else if (e.type === "run.control") {
      print(`${stamp(e.ts)}  ${e.data.action} requested${e.data.by ? ` by ${String(e.data.by)}` : ""}`);
    } else if (e.type === "run.recovered") {
      print(`${stamp(e.ts)}  run taken over by another engine (${String(e.data.lostAttempts ?? 0)} attempt(s) interrupted)`);
    }
  };

  // Interrupts: Ctrl-C asks (on a terminal); elsewhere local runs are cancelled, remote ones left running.
  let decision = "none" as "none" | "cancel" | "detach";
  let asking = false;
  let cancelRequested = false;
  const requestCancel = async (why: string) => {
    if (cancelRequested) return;
    cancelRequested = true;
    print(out.paint("yellow", why));
    try {
      await backend.controlRun(o.runId, "cancel");
    } catch (err) {
      print(out.paint("red", `could not cancel: ${(err as Error).message}`));
    }
  };
  const onInterrupt = (signal: NodeJS.Signals) => {
    if (asking) return;
    const interactive = process.stdin.isTTY === true && out.err.isTTY === true && signal === "SIGINT";
    if (!interactive) {
      decision = backend.executesRuns === "here" ? "cancel" : "detach";
      if (decision === "cancel") void requestCancel(`${signal}: cancelling the run (it executes in this process)`);
      return;
    }
    asking = true;
    bar.stop();
    void ask(out, `\nRun ${o.runId.slice(0, 8)} is ${runStatus}. [c]ancel it, [d]etach and leave it running, or keep [f]ollowing? `, ["c", "d", "f"], "d")
      .then(async (answer) => {
        asking = false;
        if (answer === "c") {
          decision = "cancel";
          await requestCancel("cancelling the run…");
        } else if (answer === "d") decision = "detach";
        if (decision !== "detach" && !o.quiet) bar.start();
      });
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onInterrupt);

  let timedOut = false;
  const timeout =
    o.timeoutSec !== undefined
      ? setTimeout(() => {
          timedOut = true;
          void requestCancel(`timeout: the run did not finish within ${o.timeoutSec} s; cancelling it`);
        }, o.timeoutSec * 1000)
      : null;

  if (!o.quiet) bar.start();
  const pollMs = o.pollMs ?? (backend.mode === "local" ? 150 : 500);
  let idlePolls = 0;
  try {
    for (;;) {
      while (asking) await new Promise((r) => setTimeout(r, 100));
      if (decision === "detach") return { kind: "detached", run: await backend.getRun(o.runId) };
      const events = await backend.runEvents(o.runId, after);
      for (const e of events) {
        apply(e);
        after = e.seq;
      }
      if (FINAL_RUN.has(runStatus)) break;
      if (events.length > 0) idlePolls = 0;
      else {
        // A run that ended before we looked (or whose final event we missed) must not hang the follower.
        if (++idlePolls % 10 === 0) {
          const now = await backend.getRun(o.runId);
          if (FINAL_RUN.has(now.status) && now.lastEventSeq <= after) {
            runStatus = now.status;
            break;
          }
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    }
    return { kind: "finished", run: await backend.getRun(o.runId), timedOut };
  } finally {
    bar.stop();
    if (timeout) clearTimeout(timeout);
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  }
}
