import type { Command } from "commander";
import { PROJECT_STATUSES } from "@/lib/validations/api";
import { execute } from "../context";
import type { Finish } from "../main";
import { ago } from "../output";
import { csvOf } from "../parse";

export function registerListProjects(program: Command, finish: Finish): void {
  program
    .command("list-projects")
    .description("List projects with their status, workflows and last run")
    .option("-s, --status <statuses>", `only these statuses, comma-separated (${PROJECT_STATUSES.join(", ")}; default: active,paused)`, csvOf(PROJECT_STATUSES))
    .option("--json", "print JSON")
    .action(async (opts: { status?: (typeof PROJECT_STATUSES)[number][]; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const projects = await (await backend()).listProjects({ status: opts.status });
          if (out.json) return out.printJson(projects);
          if (projects.length === 0) return out.line("No projects match.");
          out.table(
            ["PROJECT", "NAME", "STATUS", "WORKFLOWS", "LAST RUN", ""],
            projects.map((p) => [p.slug, p.name, p.status, String(p.workflowCount), p.lastRun?.status ?? "never", p.lastRun ? ago(p.lastRun.queuedAt) : ""]),
            (col, v) => (col === 2 || col === 4 ? out.statusColor(v) : null),
          );
        }),
      ),
    );
}
