import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { CliError, EXIT } from "../errors";
import { execute } from "../context";
import type { Finish } from "../main";
import { positiveInt } from "../parse";

interface Opts {
  project?: string;
  format: "yaml" | "json";
  version?: number;
  out?: string;
  json?: boolean;
}

export function registerExport(program: Command, finish: Finish): void {
  program
    .command("export")
    .description("Print (or save) a workflow definition as YAML or JSON")
    .argument("<workflow>", "workflow name, slug or id")
    .option("-p, --project <slug>", "the workflow's project")
    .addOption(new Option("-f, --format <format>", "text format").choices(["yaml", "json"]).default("yaml"))
    .option("--version <n>", "this version (default: the latest)", positiveInt)
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("--json", "print a JSON envelope { workflowId, version, format, fileName, text }")
    .action(async (ref: string, opts: Opts, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out, resolvePath }) => {
          const backend = await getBackend();
          const wf = await backend.findWorkflow(ref, opts.project);
          const res = await backend.exportWorkflow({ workflowId: wf.id, format: opts.format, version: opts.version });
          if (opts.out) {
            try {
              await writeFile(resolvePath(opts.out), res.text);
            } catch (err) {
              throw new CliError(`Cannot write ${opts.out} (${(err as { code?: string }).code ?? "error"}).`, EXIT.failure);
            }
          }
          if (out.json) return out.printJson(res);
          if (opts.out) out.line(`Wrote ${wf.project.slug}/${wf.slug} v${res.version} to ${opts.out}.`);
          else out.out.write(res.text.endsWith("\n") ? res.text : `${res.text}\n`);
        }),
      ),
    );
}
