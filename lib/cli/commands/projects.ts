import type { Command } from "commander";
import type { ProjectDependenciesDto, ProjectDto } from "@/lib/validations/api";
import { createProjectBody, deleteProjectQuery, PROJECT_ACTIONS, updateProjectBody, type ProjectAction } from "@/lib/validations/project-api";
import { PROJECT_TEMPLATES } from "@/lib/validations/projects";
import { execute } from "../context";
import type { Finish } from "../main";
import type { Output } from "../output";
import { positiveInt } from "../parse";
import { validate } from "../validate";

function printProject(out: Output, p: ProjectDto): void {
  out.line(`${out.paint("bold", p.name)} (${p.slug})`);
  out.line(`  status       ${out.paint(out.statusColor(p.status) ?? "dim", p.status)}`);
  out.line(`  version      ${p.version}`);
  out.line(`  workflows    ${p.workflowCount}`);
  out.line(`  last run     ${p.lastRun ? `${p.lastRun.status} (${p.lastRun.id})` : "never"}`);
  if (p.description) out.line(`  description  ${p.description}`);
}

function printDependencies(out: Output, deps: ProjectDependenciesDto): void {
  const list = (edges: ProjectDependenciesDto["dependsOn"]) => (edges.length ? edges.map((e) => `${e.slug} (${e.status})`).join(", ") : "—");
  out.line(`  depends on       ${list(deps.dependsOn)}`);
  out.line(`  depended on by   ${list(deps.dependents)}`);
}

const VERB: Record<ProjectAction, { done: string; help: string }> = {
  pause: { done: "paused: it starts no new runs", help: "Pause a project: no new runs start (running ones finish)" },
  resume: { done: "active again", help: "Resume a paused project" },
  archive: { done: "archived: read-only and hidden from lists", help: "Archive a project: read-only, hidden from lists, can be restored" },
  restore: { done: "restored and active", help: "Restore an archived project" },
};

export function registerProjects(program: Command, finish: Finish): void {
  const projects = program.command("projects").description("Projects: show, create, edit, pause, resume, archive, restore, delete, dependencies, depend, undepend (list with list-projects)");

  projects
    .command("show")
    .description("One project with its status and version")
    .argument("<slug>", "project slug")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const p = await (await backend()).getProject(slug);
          if (out.json) return out.printJson(p);
          printProject(out, p);
        }),
      ),
    );

  projects
    .command("create")
    .description("Create a project from a template (with its sample workflows and files)")
    .argument("<name>", "the project's name")
    .option("--slug <slug>", "URL name (default: derived from the name)")
    .option("--description <text>", "what the project is for")
    .option("--template <template>", `one of ${PROJECT_TEMPLATES.join(", ")}`, "empty")
    .option("--working-dir <dir>", "folder inside the projects root (default: the slug)")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { slug?: string; description?: string; template: string; workingDir?: string; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const input = validate(createProjectBody, { name, slug: opts.slug, description: opts.description, template: opts.template, workingDir: opts.workingDir });
          const p = await (await backend()).createProject(input);
          if (out.json) return out.printJson(p);
          out.line(`Created project ${p.name} (${p.slug}) from the ${input.template} template: ${p.workflowCount} workflow${p.workflowCount === 1 ? "" : "s"}.`);
        }),
      ),
    );

  projects
    .command("edit")
    .description("Rename or re-describe a project; refused if someone saved since --version")
    .argument("<slug>", "project slug")
    .option("--name <name>", "new name")
    .option("--description <text>", "new description (\"\" to clear)")
    .option("--version <n>", "the version you last saw (default: the current one)", positiveInt)
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { name?: string; description?: string; version?: number; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          // Validate before reading the version, so a bad edit fails the same way with or without --version.
          validate(updateProjectBody, { version: opts.version ?? 1, name: opts.name, description: opts.description });
          const b = await backend();
          const version = opts.version ?? (await b.getProject(slug)).version;
          const p = await b.updateProject(slug, validate(updateProjectBody, { version, name: opts.name, description: opts.description }));
          if (out.json) return out.printJson(p);
          out.line(`Saved project ${p.name} (${p.slug}): now version ${p.version}.`);
        }),
      ),
    );

  for (const action of PROJECT_ACTIONS) {
    projects
      .command(action)
      .description(VERB[action].help)
      .argument("<slug>", "project slug")
      .option("--json", "print JSON")
      .action(async (slug: string, opts: { json?: boolean }, cmd: Command) =>
        finish(
          await execute(cmd, !!opts.json, async ({ backend, out }) => {
            const res = await (await backend()).changeProjectStatus(slug, action);
            if (out.json) return out.printJson(res);
            out.line(`Project ${res.project.name} (${res.project.slug}) is ${VERB[action].done}.`);
            if (res.dependents.length && action !== "resume" && action !== "restore") out.warn(`projects that depend on it: ${res.dependents.join(", ")}`);
          }),
        ),
      );
  }

  projects
    .command("dependencies")
    .description("What a project depends on and what depends on it")
    .argument("<slug>", "project slug")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const deps = await (await backend()).projectDependencies(slug);
          if (out.json) return out.printJson(deps);
          printDependencies(out, deps);
        }),
      ),
    );

  for (const [verb, add] of [["depend", true], ["undepend", false]] as const) {
    projects
      .command(verb)
      .description(add ? "Make a project depend on another (refused if it would close a cycle)" : "Remove a project's dependency on another")
      .argument("<slug>", "project slug")
      .requiredOption("--on <slug>", add ? "the project it depends on" : "the project it no longer depends on")
      .option("--json", "print JSON")
      .action(async (slug: string, opts: { on: string; json?: boolean }, cmd: Command) =>
        finish(
          await execute(cmd, !!opts.json, async ({ backend, out }) => {
            const deps = await (await backend()).setProjectDependency(slug, opts.on, add);
            if (out.json) return out.printJson(deps);
            out.line(add ? `${slug} now depends on ${opts.on}.` : `${slug} no longer depends on ${opts.on}.`);
            printDependencies(out, deps);
          }),
        ),
      );
  }

  projects
    .command("delete")
    .description("Delete an archived project with its workflows, runs and logs")
    .argument("<slug>", "project slug")
    .requiredOption("--confirm <name>", "the project's exact name, as a safeguard")
    .option("--delete-files", "also delete its folder inside the projects root")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { confirm: string; deleteFiles?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const q = validate(deleteProjectQuery, { confirmName: opts.confirm });
          const res = await (await backend()).deleteProject(slug, { confirmName: q.confirmName, deleteFiles: !!opts.deleteFiles });
          if (out.json) return out.printJson(res);
          out.line(`Deleted project ${res.name} (${res.slug})${opts.deleteFiles ? " and its files" : ""}.`);
        }),
      ),
    );
}
