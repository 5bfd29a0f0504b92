import type { Command } from "commander";
import { execute } from "../context";
import type { Finish } from "../main";
import { ago } from "../output";

export function registerListWorkflows(program: Command, finish: Finish): void {
  program
    .command("list-workflows")
    .description("List workflows: name, project, steps, latest version and last run")
    .option("-p, --project <slug>", "only this project's workflows")
    .option("--all", "include archived workflows and those of archived projects")
    .option("--json", "print JSON")
    .action(async (opts: { project?: string; all?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const workflows = await (await backend()).listWorkflows({ project: opts.project, includeArchived: opts.all });
          if (out.json) return out.printJson(workflows);
          if (workflows.length === 0) return out.line(opts.project ? `No workflows in project "${opts.project}".` : "No workflows yet. Import one with `orchestrate import FILE --project SLUG`.");
          out.table(
            ["WORKFLOW", "PROJECT", "STEPS", "VERSION", "LAST RUN", ""],
            workflows.map((w) => [
              w.archived ? `${w.slug} (archived)` : w.slug,
              w.project.slug,
              String(w.stepCount),
              w.latestVersion ? `v${w.latestVersion}` : "—",
              w.lastRun?.status ?? "never",
              w.lastRun ? ago(w.lastRun.queuedAt) : "",
            ]),
            (col, v) => (col === 4 ? out.statusColor(v) : null),
          );
        }),
      ),
    );
}
