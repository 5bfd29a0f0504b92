/**
 * Start (or retry) a run, follow it, summarise it: shared by run-workflow,
 * runs retry, examples and demo.
 */
import type { RunDto, WorkflowDto } from "@/lib/validations/api";
import type { Backend } from "./backend/types";
import { EXIT, type ExitCode } from "./errors";
import { followRun, type FollowResult } from "./follow";
import { durationBetween, formatDuration, type Output } from "./output";

/** The `--json` shape of a finished run (stable: scripts depend on it). */
export interface RunJson {
  id: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  tasks: { stepId: string; status: string; attempts: number; startedAt: string | null; finishedAt: string | null; exitCode: number | null }[];
}

export function runJson(run: RunDto): RunJson {
  return {
    id: run.id,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    tasks: run.tasks.map((t) => ({ stepId: t.stepId, status: t.status, attempts: t.attempts, startedAt: t.startedAt, finishedAt: t.finishedAt, exitCode: t.exitCode })),
  };
}

/** 0 succeeded, 1 failed or cancelled. */
export function exitForRun(run: RunDto): ExitCode {
  return run.status === "succeeded" ? EXIT.ok : EXIT.failure;
}

/** "3 succeeded, 1 failed, 2 upstream failed". */
export function stepCounts(run: RunDto): string {
  const counts = new Map<string, number>();
  for (const t of run.tasks) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  return [...counts.entries()].map(([s, n]) => `${n} ${s.replace("_", " ")}`).join(", ");
}

export function printSummary(out: Output, run: RunDto): void {
  const took = formatDuration(durationBetween(run.startedAt, run.finishedAt));
  const color = out.statusColor(run.status);
  out.line();
  out.line(`${out.paint("bold", `Run ${run.id}`)} ${color ? out.paint(color, run.status) : run.status} in ${took}  ${out.paint("gray", `(${run.workflow.slug} v${run.version}, project ${run.project.slug})`)}`);
  out.table(
    ["STEP", "STATUS", "ATTEMPTS", "DURATION", "EXIT"],
    run.tasks.map((t) => [t.stepId, t.status, String(t.attempts), formatDuration(durationBetween(t.startedAt, t.finishedAt)), t.exitCode === null ? "—" : String(t.exitCode)]),
    (col, v) => (col === 1 ? out.statusColor(v) : null),
  );
  out.line(`${run.tasks.length} steps: ${stepCounts(run)}`);
  if (run.error) out.line(out.paint("red", run.error));
  const failed = run.tasks.filter((t) => t.status === "failed");
  for (const t of failed) {
    if (t.error) out.line(`${out.paint("red", `✗ ${t.stepId}:`)} ${t.error.split("\n")[0]}`);
  }
  if (failed[0]) out.line(out.paint("gray", `See the output with: orchestrate logs ${run.id} ${failed[0].stepId}`));
}

export interface FollowUpOptions {
  detach?: boolean;
  timeoutSec?: number;
  /** Replay the run's event log from the beginning (a run just started). */
  fromStart: boolean;
  /** Follow from this earlier snapshot (taken before a retry). */
  since?: RunDto;
}

/**
 * Follows a run and prints what `run-workflow` prints; returns the exit code.
 * In local mode a detached run is handed to the server when this process exits.
 */
export async function followAndReport(backend: Backend, out: Output, runId: string, opts: FollowUpOptions): Promise<{ code: ExitCode; run: RunDto | null; outcome: FollowResult["kind"] | "started" }> {
  if (opts.detach) {
    const run = await backend.getRun(runId);
    if (out.json) out.printJson(runJson(run));
    else {
      out.line(`Started run ${runId} (${run.workflow.slug} v${run.version}).`);
      out.line(out.paint("gray", `Follow it with: orchestrate runs show ${runId} · cancel with: orchestrate runs cancel ${runId}`));
    }
    if (backend.executesRuns === "here") await explainHandOver(backend, out);
    return { code: EXIT.ok, run, outcome: "started" };
  }
  const res = await followRun({ backend, out, runId, fromStart: opts.fromStart, since: opts.since, timeoutSec: opts.timeoutSec, quiet: out.json });
  if (res.kind === "detached") {
    if (out.json) out.printJson(runJson(res.run));
    else out.info(`Stopped following run ${runId}; it is ${res.run.status}.`);
    if (backend.executesRuns === "here") await explainHandOver(backend, out);
    return { code: EXIT.interrupted, run: res.run, outcome: "detached" };
  }
  if (out.json) out.printJson(runJson(res.run));
  else {
    printSummary(out, res.run);
    if (res.timedOut) out.line(out.paint("yellow", `Cancelled after the --timeout of ${opts.timeoutSec} s.`));
  }
  return { code: exitForRun(res.run), run: res.run, outcome: "finished" };
}

/** Local mode: the run leaves with this process; say who continues it. */
async function explainHandOver(backend: Backend, out: Output): Promise<void> {
  const status = await backend.status().catch(() => null);
  const server = status?.workers.find((w) => w.alive && w.kind === "server");
  out.info(
    server
      ? out.paint("gray", `This process hands the run over to the server (${server.host}, pid ${server.pid}), which continues it within seconds.`)
      : out.paint("yellow", "No server is running: the run waits until one starts (`npm start`), which then continues it."),
  );
}

/** "examples/basic-workflow v3". */
export function workflowLabel(w: WorkflowDto): string {
  return `${w.project.slug}/${w.slug}${w.latestVersion ? ` v${w.latestVersion}` : ""}`;
}
