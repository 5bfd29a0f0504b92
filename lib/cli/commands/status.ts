import type { Command } from "commander";
import { execute } from "../context";
import type { Finish } from "../main";
import { ago, durationBetween, formatDuration } from "../output";

const order = (o: Record<string, number>, keys: readonly string[]) =>
  keys.filter((k) => o[k]).map((k) => `${o[k]} ${k.replace("_", " ")}`).join(" · ") || "none";

export function registerStatus(program: Command, finish: Finish): void {
  program
    .command("status")
    .description("System status: runs and steps by state, active runs, engines, pool utilization, projects")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend, out }) => {
          const s = await (await backend()).status();
          if (out.json) return out.printJson(s);
          const h = (t: string) => out.line(out.paint("bold", t));
          h("Runs");
          out.line(`  ${order(s.runs.byStatus, ["running", "paused", "queued", "succeeded", "failed", "cancelled"])}`);
          h("Steps of active runs");
          out.line(`  ${order(s.steps.byStatus, ["running", "ready", "waiting", "pending", "succeeded", "failed", "upstream_failed", "skipped", "cancelled", "cached"])}`);
          h(`Active runs (${s.runs.active.length})`);
          if (s.runs.active.length) {
            out.table(
              ["  RUN", "WORKFLOW", "STATUS", "PROGRESS", "RUNNING FOR"],
              s.runs.active.map((r) => [`  ${r.id.slice(0, 8)}`, `${r.project.slug}/${r.workflow.slug}`, r.status, `${r.stepsDone}/${r.stepsTotal}`, formatDuration(durationBetween(r.startedAt ?? r.queuedAt, null))]),
              (col, v) => (col === 2 ? out.statusColor(v) : null),
            );
          }
          h(`Engines (${s.workers.filter((w) => w.alive).length} live)`);
          if (s.workers.length) {
            out.table(
              ["  KIND", "HOST", "PID", "STATE", "HEARTBEAT", "ACTIVE RUNS"],
              s.workers.map((w) => [`  ${w.kind}`, w.host, String(w.pid), w.alive ? "alive" : "dead", ago(w.heartbeatAt), String(w.activeRuns)]),
              (col, v) => (col === 3 ? (v === "alive" ? "green" : "red") : null),
            );
          } else out.line("  none: no server or CLI engine is running");
          h("Pools");
          out.table(
            ["  POOL", "CAPACITY", "IN USE", "UTILIZATION"],
            s.pools.map((p) => [`  ${p.name}`, String(p.capacity), String(p.inUse), p.capacity ? `${Math.round((p.inUse / p.capacity) * 100)} %` : "—"]),
          );
          h("Projects");
          out.line(`  ${order(s.projects.byStatus, ["active", "paused", "archived"])}`);
        }),
      ),
    );
}
