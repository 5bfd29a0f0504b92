import type { Command } from "commander";
import { poolNameSchema } from "@/lib/validations/pools";
import { CliError, EXIT } from "../errors";
import { execute } from "../context";
import type { Finish } from "../main";
import { nonNegativeNumber } from "../parse";

function checkName(name: string): string {
  const r = poolNameSchema.safeParse(name);
  if (!r.success) throw new CliError(`Pool name "${name}" ${r.error.issues[0]?.message ?? "is invalid"}.`, EXIT.usage);
  return r.data;
}

export function registerPools(program: Command, finish: Finish): void {
  const pools = program.command("pools").description("Resource pools: list, set capacity, delete");

  pools
    .command("list")
    .description("Pools with capacity and current use")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const list = await (await backend()).listPools();
          if (out.json) return out.printJson(list);
          out.table(
            ["POOL", "CAPACITY", "IN USE", "HOLDERS", "KIND", "DESCRIPTION"],
            list.map((p) => [p.name, String(p.capacity), String(p.inUse), String(p.holders), p.builtin ? "built-in" : "named", p.description]),
          );
        }),
      ),
    );

  pools
    .command("set")
    .description("Create a pool or change its capacity (applies to live runs within seconds)")
    .argument("<name>", "pool name")
    .requiredOption("-c, --capacity <n>", "capacity (0 or more)", nonNegativeNumber)
    .option("--description <text>", "what the pool stands for")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { capacity: number; description?: string; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const res = await (await backend()).setPool({ name: checkName(name), capacity: opts.capacity, description: opts.description });
          if (out.json) return out.printJson(res.pool);
          out.line(`${res.created ? "Created" : "Updated"} pool ${res.pool.name}: capacity ${res.pool.capacity} (${res.pool.inUse} in use).`);
        }),
      ),
    );

  pools
    .command("delete")
    .description("Delete a pool (refused while steps hold it or workflows ask for it)")
    .argument("<name>", "pool name")
    .option("--force", "delete even if workflows still ask for it (their runs will be refused)")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { force?: boolean; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          await (await backend()).deletePool({ name: checkName(name), force: !!opts.force });
          if (out.json) return out.printJson({ deleted: name });
          out.line(`Deleted pool ${name}.`);
        }),
      ),
    );
}
