import type { Command } from "commander";
import type { RunDto, WorkflowDto } from "@/lib/validations/api";
import type { Backend } from "../backend/types";
import { execute } from "../context";
import { CliError, EXIT } from "../errors";
import { followRun } from "../follow";
import type { Finish } from "../main";
import { durationBetween, formatDuration, type Output } from "../output";
import { stepCounts } from "../run-flow";

/** The seven examples in the order of lib/examples (a tour from simple to complex). */
export const EXAMPLE_ORDER = [
  "basic-workflow",
  "project-management",
  "task-orchestration",
  "resource-management",
  "complex-multi-stage",
  "performance-monitoring",
  "health-check",
];

export interface ExampleOutcome {
  workflow: string;
  runId: string | null;
  status: string;
  durationMs: number | null;
  steps: number;
  succeededSteps: number;
  failedSteps: number;
  attempts: number;
  error: string | null;
}

export async function exampleWorkflows(backend: Backend): Promise<WorkflowDto[]> {
  const project = await backend.ensureExamples();
  const all = await backend.listWorkflows({ project });
  // Only the seven seeded examples, in tour order (workflows a user added to the project are not examples).
  const found = EXAMPLE_ORDER.map((slug) => all.find((w) => w.slug === slug)).filter((w): w is WorkflowDto => w !== undefined);
  if (found.length === 0) throw new CliError(`The "${project}" project has none of the seven examples any more (${EXAMPLE_ORDER.join(", ")}).`, EXIT.failure);
  return found;
}

function outcomeOf(w: WorkflowDto, run: RunDto): ExampleOutcome {
  return {
    workflow: w.slug,
    runId: run.id,
    status: run.status,
    durationMs: durationBetween(run.startedAt, run.finishedAt),
    steps: run.tasks.length,
    succeededSteps: run.tasks.filter((t) => t.status === "succeeded" || t.status === "cached").length,
    failedSteps: run.tasks.filter((t) => t.status === "failed").length,
    attempts: run.tasks.reduce((n, t) => n + t.attempts, 0),
    error: run.error,
  };
}

/** Runs each workflow to its end, one after another; a line per workflow (or per step with `verbose`). */
export async function runExamples(backend: Backend, out: Output, workflows: WorkflowDto[], opts: { verbose?: boolean } = {}): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  for (const [i, w] of workflows.entries()) {
    out.info(`${out.paint("gray", `[${i + 1}/${workflows.length}]`)} ${out.paint("bold", w.slug)} — ${w.description || `${w.stepCount} steps`}`);
    try {
      const { runId } = await backend.startRun({ workflowId: w.id, params: {} });
      const res = await followRun({ backend, out, runId, fromStart: true, quiet: out.json || !opts.verbose });
      const o = outcomeOf(w, res.run);
      outcomes.push(o);
      if (res.kind === "detached") break;
      const color = out.statusColor(o.status);
      out.info(`      ${color ? out.paint(color, o.status) : o.status} in ${formatDuration(o.durationMs)} · ${stepCounts(res.run)}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      outcomes.push({ workflow: w.slug, runId: null, status: "not started", durationMs: null, steps: w.stepCount, succeededSteps: 0, failedSteps: 0, attempts: 0, error: message });
      out.info(`      ${out.paint("red", "not started")}: ${message}`);
    }
  }
  return outcomes;
}

export function printOutcomes(out: Output, outcomes: ExampleOutcome[]): void {
  out.table(
    ["WORKFLOW", "OUTCOME", "DURATION", "STEPS OK", "FAILED", "ATTEMPTS", "RUN"],
    outcomes.map((o) => [o.workflow, o.status, formatDuration(o.durationMs), `${o.succeededSteps}/${o.steps}`, String(o.failedSteps), String(o.attempts), o.runId ?? "—"]),
    (col, v) => (col === 1 ? out.statusColor(v) : null),
  );
}

export function registerExamples(program: Command, finish: Finish): void {
  program
    .command("examples")
    .description("Run the seven example workflows of the Examples project one after another and print a table of outcomes")
    .option("--only <names>", "comma-separated subset (e.g. basic-workflow,health-check)")
    .option("-v, --verbose", "print every step state change")
    .option("--json", "print the outcomes as JSON")
    .addHelpText("after", "\nExit code: 0 when every run succeeded, 1 otherwise. health-check calls the server's /api/health: it fails when no server is running.")
    .action(async (opts: { only?: string; verbose?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          let workflows = await exampleWorkflows(backend);
          if (opts.only) {
            const wanted = opts.only.split(",").map((s) => s.trim()).filter(Boolean);
            const unknown = wanted.filter((n) => !workflows.some((w) => w.slug === n));
            if (unknown.length) {
              throw new CliError(`Unknown example${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Examples: ${workflows.map((w) => w.slug).join(", ")}.`, EXIT.usage);
            }
            workflows = workflows.filter((w) => wanted.includes(w.slug));
          }
          const outcomes = await runExamples(backend, out, workflows, { verbose: opts.verbose });
          if (out.json) out.printJson(outcomes);
          else {
            out.line();
            printOutcomes(out, outcomes);
          }
          return outcomes.length === workflows.length && outcomes.every((o) => o.status === "succeeded") ? EXIT.ok : EXIT.failure;
        }),
      ),
    );
}
