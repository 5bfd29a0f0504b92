import type { Command } from "commander";
import { execute } from "../context";
import type { Finish } from "../main";
import { collectParam, positiveNumber } from "../parse";
import { followAndReport, workflowLabel } from "../run-flow";

interface Opts {
  project?: string;
  param?: Record<string, string>;
  detach?: boolean;
  timeout?: number;
  json?: boolean;
}

export function registerRunWorkflow(program: Command, finish: Finish): void {
  program
    .command("run-workflow")
    .description("Start a run of a workflow's latest version and follow it to the end")
    .argument("<workflow>", "workflow name, slug or id")
    .option("-p, --project <slug>", "the workflow's project (when the name exists in several)")
    .option("--param <key=value>", "run parameter (repeatable)", collectParam)
    .option("-d, --detach", "start the run and return at once")
    .option("--timeout <sec>", "cancel the run if it has not finished after this many seconds", positiveNumber)
    .option("--json", "print one JSON object at the end: { id, status, startedAt, finishedAt, tasks }")
    .addHelpText(
      "after",
      `
Exit code: 0 the run succeeded · 1 it failed or was cancelled · 2 usage or validation error.
While following, Ctrl-C asks whether to cancel the run or stop following.
In local mode the run executes in this process; with --detach (or when you stop following) it is handed over to the server.`,
    )
    .action(async (workflowRef: string, opts: Opts, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          const workflow = await backend.findWorkflow(workflowRef, opts.project);
          const { runId } = await backend.startRun({ workflowId: workflow.id, params: opts.param ?? {} });
          if (!out.json && !opts.detach) out.line(`Run ${out.paint("bold", runId)} of ${workflowLabel(workflow)} (${workflow.stepCount} steps)`);
          const res = await followAndReport(backend, out, runId, { detach: opts.detach, timeoutSec: opts.timeout, fromStart: true });
          return res.code;
        }),
      ),
    );
}
