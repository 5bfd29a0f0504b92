#!/usr/bin/env node
// The `orchestrate` command (package.json "bin"): `npx orchestrate --help`.
// Loads the TypeScript sources through tsx's loader in this same process (no
// build step, no second process) and runs from the repository root, so the
// default database, the examples and the migrations are the app's own.
// Paths given on the command line are resolved against the directory the
// command was typed in (ORCHESTRATE_CWD).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.ORCHESTRATE_CWD ??= process.cwd();
process.chdir(root);
register({ tsconfig: path.join(root, "tsconfig.json") });

const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv);
