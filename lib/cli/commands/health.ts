import type { Command } from "commander";
import { healthHistoryQuery, type HealthHistory } from "@/lib/validations/health-history";
import { execute } from "../context";
import { EXIT } from "../errors";
import type { Finish } from "../main";
import type { Output } from "../output";
import { positiveInt } from "../parse";
import { validate } from "../validate";

const pct = (share: number) => `${(share * 100).toFixed(share === 0 || share === 1 ? 0 : 1)} %`;

/** One character per bucket, coloured by its worst sample; a dot where no server was running. */
function strip(out: Output, h: HealthHistory): string {
  return h.buckets
    .map((b) => {
      if (!b.worst) return out.paint("gray", "·");
      const mark = b.worst === "healthy" ? "▆" : b.worst === "degraded" ? "▇" : "█";
      return out.paint(out.statusColor(b.worst) ?? "gray", mark);
    })
    .join("");
}

function printHistory(out: Output, h: HealthHistory, hours: number): void {
  out.line(`${out.paint("bold", `Last ${hours} h:`)} healthy ${pct(h.share.healthy)} · degraded ${pct(h.share.degraded)} · unhealthy ${pct(h.share.unhealthy)} of ${h.samples} samples (one every ${h.sampleIntervalMs / 1000} s)`);
  if (h.samples === 0) return out.line("No samples in this period: the server records its health every 30 s while it runs.");
  out.line(`${h.from.slice(11, 16)} ${strip(out, h)} ${h.to.slice(11, 16)} UTC  (${h.bucketMs / 60_000} min per mark; ▆ healthy ▇ degraded █ unhealthy · none)`);
  const troubled = h.components.filter((c) => c.degraded + c.unhealthy > 0);
  if (troubled.length) out.line(`Not healthy at times: ${troubled.map((c) => `${c.name} (${pct((c.degraded + c.unhealthy) / (c.healthy + c.degraded + c.unhealthy))})`).join(", ")}`);
  out.line();
  out.table(
    ["WHEN (UTC)", "FROM", "TO", "WHY"],
    h.changes.map((c) => [c.at.replace("T", " ").slice(0, 19), c.from ?? "start", c.to, c.reasons.length ? c.reasons.map((r) => `${r.name}: ${r.detail}`).join("; ") : "every component healthy"]),
    (col, v) => (col === 1 || col === 2 ? out.statusColor(v) : null),
  );
}

export function registerHealth(program: Command, finish: Finish): void {
  program
    .command("health")
    .description("Health of each component (database, migrations, scheduler, stuck runs, disk, memory) with reasons; --history for what the server recorded")
    .option("--history", "the recorded history instead: share of time per status, a timeline, and every change with its reasons")
    .option("--hours <n>", "with --history: how far back (1–168, default 24)", positiveInt)
    .option("--json", "print JSON")
    .addHelpText("after", "\nExit code: 0 healthy · 3 degraded · 1 unhealthy (or 4 when the server cannot be reached). With --history: 0.")
    .action(async (opts: { history?: boolean; hours?: number; json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          if (opts.history || opts.hours !== undefined) {
            const { hours } = validate(healthHistoryQuery, { hours: opts.hours });
            const history = await (await backend()).healthHistory(hours);
            if (out.json) out.printJson(history);
            else printHistory(out, history, hours);
            return EXIT.ok;
          }
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
