import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { renderReport } from "@/lib/reports/render-report";
import type { ReportFormat } from "@/lib/validations/reports";
import { CliError, EXIT } from "../errors";
import { execute } from "../context";
import type { Finish } from "../main";
import { positiveInt } from "../parse";

interface Opts {
  format: ReportFormat;
  out?: string;
  project?: string;
  limit?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerReport(program: Command, finish: Finish): void {
  program
    .command("report")
    .description("Performance report of a run (steps, durations, waits, CPU, memory, critical path) or of a workflow's recent runs")
    .argument("<target>", "a run id, or a workflow name/slug/id")
    .addOption(new Option("-f, --format <format>", "report format").choices(["csv", "json", "html"]).default("json"))
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("-p, --project <slug>", "the workflow's project")
    .option("-n, --limit <n>", "workflow reports: most recent runs to include (default 100)", positiveInt)
    .action(async (target: string, opts: Opts, cmd: Command) =>
      finish(
        await execute(cmd, false, async ({ backend: getBackend, out, resolvePath }) => {
          const backend = await getBackend();
          const report = UUID.test(target)
            ? await backend.report({ runId: target })
            : await backend.report({ workflowId: (await backend.findWorkflow(target, opts.project)).id }, opts.limit);
          const rendered = renderReport(report, opts.format);
          if (!opts.out) return void out.out.write(rendered.body);
          try {
            await writeFile(resolvePath(opts.out), rendered.body);
          } catch (err) {
            throw new CliError(`Cannot write ${opts.out} (${(err as { code?: string }).code ?? "error"}).`, EXIT.failure);
          }
          out.line(`Wrote the ${opts.format.toUpperCase()} report of ${report.kind === "run" ? `run ${report.run.id}` : `workflow ${report.workflow.project}/${report.workflow.name}`} to ${opts.out}.`);
        }),
      ),
    );
}
