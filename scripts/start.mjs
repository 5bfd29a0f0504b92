#!/usr/bin/env node
// `npm start`: prepare what is missing (database client, migrations, production
// build) and serve the app. `--dev` serves with `next dev` instead.
import { spawn } from "node:child_process";
import path from "node:path";
import { prepare } from "./prepare.mjs";
import { root, runtimeEnv } from "./lib/env.mjs";

const dev = process.argv.includes("--dev");
const env = runtimeEnv();
const port = env.PORT ?? "3000";

try {
  await prepare({ env, build: !dev });
} catch (err) {
  console.error(`\nMyrmex could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const next = path.join(root, "node_modules", ".bin", "next");
const args = dev ? ["dev", "-p", port] : ["start", "-p", port];
// Loopback only unless the operator opts in: the app runs shell commands on this host.
args.push("-H", env.MYRMEX_HOST ?? "127.0.0.1");
console.log(`▶ Myrmex on http://${env.MYRMEX_HOST ?? "127.0.0.1"}:${port} (${dev ? "development" : "production"})`);
const child = spawn(next, args, { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
