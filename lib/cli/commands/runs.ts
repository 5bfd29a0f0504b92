import type { Command } from "commander";
import { RUN_STATUSES, type RunDto } from "@/lib/validations/api";
import { execute } from "../context";
import type { Finish } from "../main";
import { ago, durationBetween, formatDuration, formatTime, type Output } from "../output";
import { csvOf, positiveInt } from "../parse";
import { followAndReport, runJson } from "../run-flow";

function printRun(out: Output, run: RunDto): void {
  const color = out.statusColor(run.status);
  out.line(`${out.paint("bold", `Run ${run.id}`)}  ${color ? out.paint(color, run.status) : run.status}`);
  out.line(`  workflow  ${run.project.slug}/${run.workflow.slug} v${run.version}`);
  out.line(`  trigger   ${run.trigger}${run.triggeredBy ? ` by ${run.triggeredBy}` : ""}`);
  out.line(`  queued    ${formatTime(run.queuedAt)}   started ${formatTime(run.startedAt)}   finished ${formatTime(run.finishedAt)}`);
  if (Object.keys(run.params).length) out.line(`  params    ${Object.entries(run.params).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  if (run.error) out.line(`  error     ${out.paint("red", run.error)}`);
  out.line();
  out.table(
    ["STEP", "STATUS", "ATTEMPTS", "DURATION", "EXIT", "NOTE"],
    run.tasks.map((t) => [
      t.stepId,
      t.status,
      String(t.attempts),
      t.startedAt ? formatDuration(durationBetween(t.startedAt, t.finishedAt)) : "—",
      t.exitCode === null ? "—" : String(t.exitCode),
      t.error?.split("\n")[0]?.slice(0, 80) ?? (t.waitReason ? describeWait(t.waitReason) : ""),
    ]),
    (col, v) => (col === 1 ? out.statusColor(v) : null),
  );
}

function describeWait(r: NonNullable<RunDto["tasks"][number]["waitReason"]>): string {
  switch (r.type) {
    case "dependencies":
      return `waiting for ${r.waitingFor.join(", ")}`;
    case "resource":
      return `needs ${r.needed} ${r.pool} (${r.free} free of ${r.capacity})`;
    case "concurrency":
      return `${r.scope} concurrency limit ${r.limit}`;
    case "paused":
      return "run paused";
    case "backoff":
      return `retry ${r.attempt} at ${new Date(r.until).toISOString().slice(11, 19)}`;
  }
}

export function registerRuns(program: Command, finish: Finish): void {
  const runs = program.command("runs").description("Runs: list, show, pause, resume, cancel, retry, rerun");

  runs
    .command("list")
    .description("Runs, newest first")
    .option("-s, --status <statuses>", `only these statuses, comma-separated (${RUN_STATUSES.join(", ")})`, csvOf(RUN_STATUSES))
    .option("-p, --project <slug>", "only this project's runs")
    .option("-w, --workflow <workflow>", "only this workflow's runs (name, slug or id)")
    .option("-n, --limit <n>", "at most this many (≤ 500)", positiveInt, 20)
    .option("--json", "print JSON")
    .action(async (opts: { status?: RunDto["status"][]; project?: string; workflow?: string; limit: number; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          const workflow = opts.workflow ? (await backend.findWorkflow(opts.workflow, opts.project)).id : undefined;
          const list = await backend.listRuns({ status: opts.status, project: opts.project, workflow, limit: Math.min(500, opts.limit) });
          if (out.json) return out.printJson(list);
          if (list.length === 0) return out.line("No runs match.");
          out.table(
            ["RUN", "WORKFLOW", "STATUS", "STEPS", "TRIGGER", "QUEUED", "DURATION"],
            list.map((r) => [r.id, `${r.project.slug}/${r.workflow.slug} v${r.version}`, r.status, `${r.stepsDone}/${r.stepsTotal}`, r.trigger, ago(r.queuedAt), formatDuration(durationBetween(r.startedAt, r.finishedAt))]),
            (col, v) => (col === 2 ? out.statusColor(v) : null),
          );
        }),
      ),
    );

  runs
    .command("show")
    .description("A run with every step")
    .argument("<id>", "run id")
    .option("-f, --follow", "follow the run until it ends (like run-workflow)")
    .option("--json", "print JSON (the full run)")
    .action(async (id: string, opts: { follow?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          if (opts.follow) {
            const run = await backend.getRun(id);
            if (!out.json) printRun(out, run);
            if (["succeeded", "failed", "cancelled"].includes(run.status)) {
              if (out.json) out.printJson(runJson(run));
              return run.status === "succeeded" ? 0 : 1;
            }
            if (!out.json) out.line();
            return (await followAndReport(backend, out, id, { fromStart: false })).code;
          }
          const run = await backend.getRun(id);
          if (out.json) return out.printJson(run);
          printRun(out, run);
        }),
      ),
    );

  for (const action of ["pause", "resume", "cancel"] as const) {
    runs
      .command(action)
      .description(
        action === "pause" ? "Pause a run: no new steps start; running ones finish" : action === "resume" ? "Resume a paused run" : "Cancel a run: running steps are killed, the rest settle",
      )
      .argument("<id>", "run id")
      .option("--json", "print JSON")
      .action(async (id: string, opts: { json?: boolean }, cmd: Command) =>
        finish(
          await execute(cmd, !!opts.json, async ({ backend, out }) => {
            const res = await (await backend()).controlRun(id, action);
            if (out.json) return out.printJson(res);
            const done = { pause: "Paused", resume: "Resumed", cancel: "Cancelled" }[action];
            if (!res.deferred) out.line(`${done} run ${id}.`);
            else if (res.ownerAlive) out.line(`Asked the process executing run ${id} to ${action} it (applied within about a second).`);
            else out.line(`Recorded: no live engine executes run ${id} right now; the ${action} applies when the server takes the run over.`);
          }),
        ),
      );
  }

  runs
    .command("rerun")
    .description("Rerun a finished run from a step: the step and everything downstream of it run again, the other steps keep their results; then follow it")
    .argument("<id>", "run id")
    .requiredOption("--from <step>", "the step to rerun from")
    .option("--dry-run", "only show which steps would run again and which keep their results")
    .option("-d, --detach", "do not follow")
    .option("--json", "print JSON (the preview with --dry-run, else the run at the end)")
    .action(async (id: string, opts: { from: string; dryRun?: boolean; detach?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          const preview = await backend.previewRerun(id, opts.from);
          if (opts.dryRun) {
            if (out.json) return out.printJson(preview);
            out.line(`Rerun of ${id} from ${out.paint("bold", preview.stepId)}${preview.refusal ? `: ${out.paint("red", `refused now — ${preview.refusal}`)}` : ""}`);
            out.line(`  will run again (${preview.rerun.length})    ${preview.rerun.join(", ")}`);
            out.line(`  keeps its result (${preview.keep.length})  ${preview.keep.join(", ") || "—"}`);
            return;
          }
          const before = await backend.getRun(id);
          const res = await backend.rerunFrom(id, opts.from);
          if (!out.json && !opts.detach) out.line(`Rerunning run ${id} from ${res.stepId}: ${res.rerun.length} steps run again, ${res.keep.length} keep their results`);
          return (await followAndReport(backend, out, id, { detach: opts.detach, fromStart: false, since: before })).code;
        }),
      ),
    );

  runs
    .command("retry")
    .description("Re-run the failed, upstream-failed and cancelled steps of a failed or cancelled run, and follow it")
    .argument("<id>", "run id")
    .option("-d, --detach", "do not follow")
    .option("--json", "print the run as JSON at the end")
    .action(async (id: string, opts: { detach?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          const before = await backend.getRun(id);
          await backend.controlRun(id, "retry");
          if (!out.json && !opts.detach) out.line(`Retrying run ${id} (${before.tasks.filter((t) => ["failed", "upstream_failed", "cancelled"].includes(t.status)).length} steps to re-run)`);
          const res = await followAndReport(backend, out, id, { detach: opts.detach, fromStart: false, since: before });
          return res.code;
        }),
      ),
    );
}

