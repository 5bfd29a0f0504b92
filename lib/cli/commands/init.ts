import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Command } from "commander";
import { CliError, EXIT } from "../errors";
import { execute } from "../context";
import type { Finish } from "../main";

export function registerInit(program: Command, finish: Finish): void {
  program
    .command("init")
    .description("Prepare the local database: apply migrations, create the built-in pools and seed the Examples project (idempotent)")
    .option("--no-examples", "do not seed the Examples project")
    .option("--json", "print JSON")
    .action(async (opts: { examples: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ mode, out }) => {
          if (mode === "remote") throw new CliError("init prepares a local database; the server prepares its own at start-up.", EXIT.usage);
          const started = Date.now();
          // The same preparation `npm start` does (migrations only: no build).
          const res = spawnSync(process.execPath, [path.join(process.cwd(), "scripts", "prepare.mjs"), "--migrate-only"], { env: process.env, encoding: "utf8" });
          if (res.status !== 0) {
            const detail = `${res.stderr ?? ""}${res.stdout ?? ""}`.trim().split("\n").slice(-5);
            throw new CliError("Migrations failed.", EXIT.unavailable, detail);
          }
          const { getPrisma } = await import("@/lib/db/prisma");
          const { ensurePools, seedExamples } = await import("@/lib/seed/examples");
          const prisma = getPrisma();
          await ensurePools(prisma);
          const seeded = opts.examples ? await seedExamples(prisma, { port: process.env.PORT ?? "3000" }) : "skipped";
          const { disconnectPrisma } = await import("@/lib/db/prisma");
          await disconnectPrisma();
          const result = { database: process.env.DATABASE_URL ?? "file:./data/myrmex.db", migrated: true, examples: seeded, ms: Date.now() - started };
          if (out.json) return out.printJson(result);
          for (const line of (res.stdout ?? "").trim().split("\n").filter(Boolean)) out.line(line);
          out.line(`✓ Database ready (${result.database})`);
          if (seeded === "seeded") out.line("✓ Seeded the Examples project (7 workflows): try `orchestrate examples`");
          else if (seeded === "already-seeded") out.line("· Examples were seeded before");
        }),
      ),
    );
}
