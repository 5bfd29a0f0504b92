/**
 * What every command gets: output settings, the backend of the chosen mode
 * (created lazily, closed afterwards) and paths resolved against the
 * directory the command was typed in. Also maps any error to an exit code.
 */
import path from "node:path";
import type { Command } from "commander";
import type { Backend } from "./backend/types";
import { CliError, EXIT, type ExitCode } from "./errors";
import { Output, shouldColor } from "./output";

export interface GlobalOptions {
  server?: string;
  token?: string;
  color?: boolean;
}

export interface Ctx {
  out: Output;
  /** The backend of the chosen mode (local unless --server / MYRMEX_URL). */
  backend(): Promise<Backend>;
  /** Where the user typed the command (the CLI itself runs from the repository root). */
  resolvePath(p: string): string;
  /** The mode without creating a backend. */
  mode: "local" | "remote";
}

/** The directory the user ran the command in (bin/orchestrate.mjs changes to the repo root). */
export function invocationCwd(): string {
  return process.env.ORCHESTRATE_CWD ?? process.cwd();
}

/** --server/--url/--token/--no-color given before or after the command name (the command's own win). */
export function globalOptions(cmd: Command): GlobalOptions {
  const out: GlobalOptions = {};
  for (let c: Command | null = cmd; c; c = c.parent) {
    const o = c.opts<{ server?: string; url?: string; token?: string; color?: boolean }>();
    out.server ??= o.server ?? o.url;
    out.token ??= o.token;
    if (o.color === false) out.color = false;
  }
  return out;
}

/** Runs a command body with its context; returns the exit code (never throws). */
export async function execute(cmd: Command, json: boolean, body: (ctx: Ctx) => Promise<ExitCode | void>): Promise<ExitCode> {
  const g = globalOptions(cmd);
  const out = new Output({ json, color: shouldColor(process.stdout, g.color) });
  const server = g.server ?? process.env.MYRMEX_URL;
  let backend: Backend | null = null;
  let mapError: (err: unknown) => unknown = (e) => e;
  const ctx: Ctx = {
    out,
    mode: server ? "remote" : "local",
    async backend() {
      if (backend) return backend;
      if (server) {
        const { createRemoteBackend } = await import("./backend/remote");
        backend = createRemoteBackend({ url: server, token: g.token ?? process.env.MYRMEX_TOKEN });
      } else {
        const local = await import("./backend/local");
        mapError = local.mapLocalError;
        backend = local.createLocalBackend();
      }
      return backend;
    },
    resolvePath: (p) => path.resolve(invocationCwd(), p),
  };
  let code: ExitCode;
  try {
    code = (await body(ctx)) ?? EXIT.ok;
  } catch (raw) {
    code = report(out, mapError(raw));
  }
  try {
    await (backend as Backend | null)?.close();
  } catch (raw) {
    if (code === EXIT.ok) code = report(out, mapError(raw));
  }
  return code;
}

function report(out: Output, err: unknown): ExitCode {
  if (err instanceof CliError) {
    if (out.json) out.printJson({ error: err.message, ...(err.lines.length ? { problems: err.lines } : {}), ...(err.details !== undefined ? { details: err.details } : {}) });
    out.error(err.message, err.lines);
    return err.exitCode;
  }
  // A bug or an unexpected infrastructure error: one line, the stack only on request.
  const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
  out.error(`unexpected error: ${message}`);
  if (process.env.MYRMEX_DEBUG === "1" && err instanceof Error) out.err.write(`${err.stack}\n`);
  else out.err.write("  (set MYRMEX_DEBUG=1 for details)\n");
  return EXIT.failure;
}
