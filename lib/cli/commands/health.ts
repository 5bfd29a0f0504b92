import type { Command } from "commander";
import { execute } from "../context";
import { EXIT } from "../errors";
import type { Finish } from "../main";

export function registerHealth(program: Command, finish: Finish): void {
  program
    .command("health")
    .description("Health of each component (database, migrations, scheduler, stuck runs, disk, memory) with reasons")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExit code: 0 healthy · 3 degraded · 1 unhealthy (or 4 when the server cannot be reached).")
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const report = await (await backend()).health();
          if (out.json) out.printJson(report);
          else {
            const color = out.statusColor(report.status);
            out.line(`${out.paint("bold", "Overall:")} ${color ? out.paint(color, report.status) : report.status}  ${out.paint("gray", `(checked ${report.checkedAt})`)}`);
            out.table(
              ["COMPONENT", "STATUS", "VALUE", "REASON"],
              report.components.map((c) => [c.name, c.status, c.value ?? "", c.detail]),
              (col, v) => (col === 1 ? out.statusColor(v) : null),
            );
          }
          return report.status === "healthy" ? EXIT.ok : report.status === "degraded" ? EXIT.degraded : EXIT.failure;
        }),
      ),
    );
}
