import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { loadWorkflow } from "@/lib/engine/parse";
import { planWorkflow } from "@/lib/engine/plan";
import { renderReport } from "@/lib/reports/render-report";
import { describeProblem } from "@/lib/workflows/resolve-ref";
import type { Backend } from "../backend/types";
import { execute } from "../context";
import { EXIT } from "../errors";
import { followRun } from "../follow";
import type { Finish } from "../main";
import { ago, formatDuration, type Output } from "../output";
import { pause } from "../prompt";
import { printSummary } from "../run-flow";
import { exampleWorkflows } from "./examples";

const BROKEN = `name: broken-pipeline
steps:
  - id: build
    kind: shell
    run: make
    retry: { maxAttempts: 0 }
  - id: test
    kind: shell
    run: make test
    dependsOn: [build, lint]
  - id: deploy
    kind: shell
    run: ./deploy.sh
    dependsOn: [test, deploy]
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function registerDemo(program: Command, finish: Finish): void {
  program
    .command("demo")
    .description("A guided tour: system discovery, capabilities, interactive features, status reporting, exports and reports")
    .option("-y, --yes", "run straight through without pausing between sections")
    .action(async (opts: { yes?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, false, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          let section = 0;
          const heading = async (title: string, text: string) => {
            if (section > 0 && !opts.yes && (await pause(out)) === "quit") return false;
            section += 1;
            out.line();
            out.line(out.paint("bold", `━━ ${section}. ${title} ━━`));
            out.line(out.paint("gray", text));
            return true;
          };
          const steps: [string, string, () => Promise<void>][] = [
            ["System discovery", "What is here: projects, workflows and engines.", () => discovery(backend, out)],
            ["Capabilities", "Definitions are validated as a whole before anything runs, and planned: critical path first.", () => capabilities(backend, out)],
            ["Interactive features", "A run with live progress, paused and resumed from the terminal.", () => interactive(backend, out)],
            ["Status reporting", "The system status and the health of every component.", () => statusReporting(backend, out)],
            ["Exports and reports", "Definitions out as YAML/JSON; run reports as CSV, JSON and HTML.", () => exportsAndReports(backend, out)],
          ];
          out.line(out.paint("bold", "Myrmex guided tour") + out.paint("gray", ` — ${backend.target}`));
          for (const [title, text, body] of steps) {
            if (!(await heading(title, text))) return EXIT.interrupted;
            await body();
          }
          out.line();
          out.line(out.paint("green", "That was the tour.") + " Next: `orchestrate examples` runs all seven examples; `orchestrate --help` lists every command; docs/cli.md explains them.");
        }),
      ),
    );
}

async function discovery(backend: Backend, out: Output): Promise<void> {
  const examples = await backend.ensureExamples();
  const [projects, workflows, status] = await Promise.all([backend.listProjects({}), backend.listWorkflows({}), backend.status()]);
  out.line(`${projects.length} project(s): ${projects.map((p) => `${p.slug} (${p.status}, ${p.workflowCount} workflows)`).join(", ")}`);
  out.table(
    ["WORKFLOW", "PROJECT", "STEPS", "LAST RUN"],
    workflows.filter((w) => w.project.slug === examples).map((w) => [w.slug, w.project.slug, String(w.stepCount), w.lastRun ? `${w.lastRun.status} ${ago(w.lastRun.queuedAt)}` : "never"]),
  );
  const live = status.workers.filter((w) => w.alive);
  out.line(`Engines alive: ${live.length ? live.map((w) => `${w.kind} on ${w.host}`).join(", ") : "none (runs started here execute in this process)"}`);
}

async function capabilities(backend: Backend, out: Output): Promise<void> {
  out.line("A definition with three mistakes:");
  out.line(out.paint("gray", BROKEN.trimEnd().split("\n").map((l, i) => `  ${String(i + 1).padStart(2)} │ ${l}`).join("\n")));
  const res = loadWorkflow(BROKEN, { format: "yaml" });
  if (!res.ok) {
    out.line(`Validation finds them all at once, each with its step, field and line (import exits with code 2):`);
    for (const p of res.problems) out.line(`  ${out.paint("red", "✗")} ${describeProblem(p)}`);
  }
  const workflows = await exampleWorkflows(backend);
  const complex = workflows.find((w) => w.slug === "complex-multi-stage") ?? workflows[0];
  if (!complex) return;
  const text = (await backend.exportWorkflow({ workflowId: complex.id, format: "json" })).text;
  const loaded = loadWorkflow(text, { format: "json" });
  if (loaded.ok) {
    const plan = planWorkflow(loaded.definition.steps, undefined, loaded.dag);
    out.line();
    out.line(`The plan of ${complex.slug} (${loaded.definition.steps.length} steps), ready steps ordered by priority, then longest remaining path:`);
    plan.levels.forEach((ids, level) => out.line(`  level ${level}: ${ids.join(", ")}`));
    out.line(`  critical path: ${plan.criticalPath.join(" → ")} (${formatDuration(plan.criticalPathSec * 1000)} estimated)`);
  }
}

async function interactive(backend: Backend, out: Output): Promise<void> {
  const workflows = await exampleWorkflows(backend);
  const wf = workflows.find((w) => w.slug === "resource-management") ?? workflows[0];
  if (!wf) return;
  out.line(`Starting ${wf.slug}: its steps compete for CPU slots and a single deploy slot.`);
  const { runId } = await backend.startRun({ workflowId: wf.id, params: {} });
  await sleep(1200);
  const paused = await backend.controlRun(runId, "pause").catch(() => null);
  if (paused) {
    out.line(out.paint("yellow", "Paused it (orchestrate runs pause ID): running steps finish, nothing new starts."));
    await sleep(1500);
    const run = await backend.getRun(runId);
    out.line(`  now: ${run.tasks.map((t) => `${t.stepId}=${t.status}`).join(" ")}`);
    await backend.controlRun(runId, "resume").catch(() => null);
    out.line(out.paint("green", "Resumed it (orchestrate runs resume ID). Following to the end:"));
  }
  const res = await followRun({ backend, out, runId, fromStart: false });
  printSummary(out, res.run);
}

async function statusReporting(backend: Backend, out: Output): Promise<void> {
  const s = await backend.status();
  const fmt = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${v} ${k}`).join(" · ") || "none";
  out.line(`Runs: ${fmt(s.runs.byStatus)}`);
  out.line(`Pools: ${s.pools.map((p) => `${p.name} ${p.inUse}/${p.capacity}`).join(" · ")}`);
  const h = await backend.health();
  out.line(`Health: ${h.status}`);
  for (const c of h.components) {
    const color = out.statusColor(c.status);
    out.line(`  ${c.name.padEnd(11)} ${color ? out.paint(color, c.status.padEnd(9)) : c.status.padEnd(9)} ${c.detail}`);
  }
}

async function exportsAndReports(backend: Backend, out: Output): Promise<void> {
  const workflows = await exampleWorkflows(backend);
  const basic = workflows.find((w) => w.slug === "basic-workflow") ?? workflows[0];
  if (!basic) return;
  const yaml = await backend.exportWorkflow({ workflowId: basic.id, format: "yaml" });
  out.line(`orchestrate export ${basic.slug} (first lines of v${yaml.version}):`);
  out.line(out.paint("gray", yaml.text.split("\n").slice(0, 6).map((l) => `  ${l}`).join("\n")));
  const runs = await backend.listRuns({ status: ["succeeded", "failed"], limit: 1 });
  const last = runs[0];
  if (!last) return out.line("No finished run to report on yet.");
  const dir = await mkdtemp(path.join(os.tmpdir(), "myrmex-demo-"));
  const report = await backend.report({ runId: last.id });
  for (const format of ["csv", "json", "html"] as const) {
    const r = renderReport(report, format);
    await writeFile(path.join(dir, r.fileName), r.body);
  }
  out.line(`Reports of run ${last.id.slice(0, 8)} (${last.workflow.slug}, ${last.status}, ${formatDuration(report.kind === "run" ? report.run.durationMs : null)}) written to ${dir}/ as CSV, JSON and HTML.`);
  if (report.kind === "run") out.line(`  critical path: ${report.run.criticalPath.join(" → ") || "—"}`);
}
