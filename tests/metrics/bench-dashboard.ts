/**
 * `npx tsx tests/metrics/bench-dashboard.ts [reps]`: seeds 100,000 task runs
 * (10,000 runs × 10 steps) into a fresh SQLite database and times the
 * Overview (30 d) and a workflow report, warm, `reps` times each. Prints the
 * `dashboard_100k_taskruns_ms` entry for bench/results/latest.json;
 * bench/run.ts can import {@link benchDashboard} to record it.
 */
import { createPrisma } from "@/lib/db/prisma";
import { loadOverview } from "@/lib/metrics/overview-query";
import { loadWorkflowInsights } from "@/lib/metrics/workflow-insights";
import { summarize, type Summary } from "../../bench/stats";
import { copyDb, createDbTemplate } from "../engine/db";
import { seedHistory } from "./seed-history";

export async function benchDashboard(reps = 5): Promise<Summary & { unit: "ms"; target: string; met: boolean; overview: Summary; workflowReport: Summary }> {
  const template = await createDbTemplate("myrmex-dash-bench-");
  const prisma = createPrisma({ url: copyDb(template).url });
  try {
    const now = Date.now();
    const { workflowIds } = await seedHistory(prisma, { runs: 10_000, steps: 10, workflows: 5, now });
    const time = async (fn: () => Promise<unknown>) => {
      await fn();
      const out: number[] = [];
      for (let i = 0; i < reps; i++) {
        const t = performance.now();
        await fn();
        out.push(Math.round((performance.now() - t) * 10) / 10);
      }
      return out;
    };
    const overview = await time(() => loadOverview(prisma, { range: "30d", now }));
    const report = await time(() => loadWorkflowInsights(prisma, { workflowId: workflowIds[0]!, limit: 500 }));
    const worst = overview.map((o, i) => Math.max(o, report[i] ?? 0));
    const s = summarize(worst);
    return { ...s, unit: "ms", target: "< 1000", met: s.max < 1000, overview: summarize(overview), workflowReport: summarize(report) };
  } finally {
    await prisma.$disconnect();
    template.remove();
  }
}

if (process.argv[1]?.endsWith("bench-dashboard.ts")) {
  const reps = Number(process.argv[2]) || 5;
  console.log(JSON.stringify({ dashboard_100k_taskruns_ms: await benchDashboard(reps) }, null, 2));
}
