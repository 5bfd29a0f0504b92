import { readFile } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { CliError, EXIT } from "../errors";
import { execute } from "../context";
import type { Finish } from "../main";

interface Opts {
  project: string;
  name?: string;
  format: "yaml" | "json" | "auto";
  json?: boolean;
}

export function registerImport(program: Command, finish: Finish): void {
  program
    .command("import")
    .description("Import a YAML/JSON workflow definition: creates the workflow, or a new version of it")
    .argument("<file>", "definition file (.yaml, .yml or .json; - reads stdin)")
    .requiredOption("-p, --project <slug>", "project to import into")
    .option("-n, --name <name>", "workflow name (default: the definition's name)")
    .addOption(new Option("--format <format>", "text format").choices(["yaml", "json", "auto"]).default("auto"))
    .option("--json", "print JSON")
    .addHelpText("after", "\nExit code: 0 imported (or unchanged) · 2 invalid definition (every problem is listed with its step, field and line) · 1 other errors.")
    .action(async (file: string, opts: Opts, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out, resolvePath }) => {
          const source = await readSource(file, resolvePath);
          const format = opts.format === "auto" ? formatFromName(file) : opts.format;
          const res = await (await backend()).importWorkflow({ project: opts.project, name: opts.name, source, format });
          if (out.json) return out.printJson(res);
          const w = res.workflow;
          if (res.unchanged) out.line(`Unchanged: ${w.project.slug}/${w.slug} v${res.version} already has this definition.`);
          else if (res.created) out.line(`${out.paint("green", "Created")} workflow ${w.project.slug}/${w.slug} (v1, ${w.stepCount} steps).`);
          else out.line(`${out.paint("green", "Saved")} ${w.project.slug}/${w.slug} v${res.version} (${w.stepCount} steps).`);
          out.line(out.paint("gray", `Run it with: orchestrate run-workflow ${w.slug} --project ${w.project.slug}`));
        }),
      ),
    );
}

function formatFromName(file: string): "yaml" | "json" | "auto" {
  const ext = path.extname(file).toLowerCase();
  return ext === ".json" ? "json" : ext === ".yaml" || ext === ".yml" ? "yaml" : "auto";
}

async function readSource(file: string, resolvePath: (p: string) => string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    const text = await readFile(resolvePath(file), "utf8");
    if (!text.trim()) throw new CliError(`${file} is empty.`, EXIT.usage);
    return text;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as { code?: string }).code;
    throw new CliError(code === "ENOENT" ? `No such file: ${file}` : code === "EISDIR" ? `${file} is a directory.` : `Cannot read ${file} (${code ?? "error"}).`, EXIT.usage);
  }
}
