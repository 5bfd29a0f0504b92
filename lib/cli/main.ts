/**
 * `orchestrate` — the Myrmex command line. Parses strictly (unknown options,
 * missing or extra arguments are usage errors, exit 2), delegates to lib/
 * through a local or remote backend, and maps errors to exit codes (see
 * errors.ts). Command modules are small and load database code only when a
 * command runs in local mode, so `--help` and remote commands start fast.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { EXIT, type ExitCode } from "./errors";
import { registerDemo } from "./commands/demo";
import { registerExamples } from "./commands/examples";
import { registerExport } from "./commands/export";
import { registerHealth } from "./commands/health";
import { registerImport } from "./commands/import";
import { registerInit } from "./commands/init";
import { registerListProjects } from "./commands/list-projects";
import { registerListWorkflows } from "./commands/list-workflows";
import { registerLogs } from "./commands/logs";
import { registerPools } from "./commands/pools";
import { registerProjects } from "./commands/projects";
import { registerReport } from "./commands/report";
import { registerRunWorkflow } from "./commands/run-workflow";
import { registerRuns } from "./commands/runs";
import { registerStatus } from "./commands/status";

/** Sets the process exit code from a command's result. */
export type Finish = (code: ExitCode) => void;

function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** Options every command accepts, before or after its name. */
function addGlobalOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--server <url>", "remote mode: the Myrmex server (env MYRMEX_URL)"))
    .addOption(new Option("--url <url>", "same as --server").hideHelp())
    .addOption(new Option("--token <token>", "API token for remote mode (env MYRMEX_TOKEN)"))
    .option("--no-color", "never colour the output (also NO_COLOR=1)");
}

export function buildProgram(finish: Finish): Command {
  const program = addGlobalOptions(
    new Command("orchestrate")
      .description("Myrmex from the terminal: run and follow workflows, manage projects, pools and reports.\nLocal mode (default) uses DATABASE_URL directly; remote mode talks to a server's REST API.")
      .version(version(), "-V, --version"),
  )
    // Program options are read before the command name only, so a command's own options (export --version N) never clash.
    .enablePositionalOptions()
    .showHelpAfterError("(run with --help for usage)")
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      "after",
      `
Exit codes: 0 success · 1 failed run or error · 2 usage/validation error · 3 degraded (health) · 4 server/database unreachable or not authorized · 130 interrupted.
Docs: docs/cli.md`,
    );

  registerListWorkflows(program, finish);
  registerRunWorkflow(program, finish);
  registerListProjects(program, finish);
  registerProjects(program, finish);
  registerStatus(program, finish);
  registerHealth(program, finish);
  registerImport(program, finish);
  registerExport(program, finish);
  registerPools(program, finish);
  registerRuns(program, finish);
  registerLogs(program, finish);
  registerReport(program, finish);
  registerDemo(program, finish);
  registerExamples(program, finish);
  registerInit(program, finish);

  // Strict everywhere: unknown options and stray arguments are errors, never ignored.
  const strict = (cmd: Command) => {
    cmd.exitOverride().allowExcessArguments(false).allowUnknownOption(false);
    if (cmd.commands.length === 0 && cmd !== program) addGlobalOptions(cmd);
    cmd.commands.forEach(strict);
  };
  strict(program);
  return program;
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end with exit code 0; everything else is a usage error.
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? EXIT.ok : EXIT.usage;
    }
    throw err;
  }
  return code;
}
