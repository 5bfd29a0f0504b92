/**
 * The dashboards over 100,000 task runs on SQLite answer in under a second
 * (issue 8): the Overview for every range, a workflow report, and the
 * resources history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { loadOverview } from "@/lib/metrics/overview-query";
import { loadWorkflowInsights } from "@/lib/metrics/workflow-insights";
import { loadPoolHistory } from "@/lib/metrics/pool-history";
import { copyDb, createDbTemplate, type DbTemplate } from "../engine/db";
import { streamWorkflowRunsCsv } from "@/lib/reports/stream-workflow-csv";
import { seedHistory } from "./seed-history";

const NOW = Date.UTC(2026, 10, 24, 12);
let template: DbTemplate;
let prisma: Db;
let workflowIds: string[] = [];

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

beforeAll(async () => {
  template = await createDbTemplate("myrmex-dash-");
  prisma = createPrisma({ url: copyDb(template).url });
  ({ workflowIds } = await seedHistory(prisma, { runs: 10_000, steps: 10, workflows: 5, now: NOW }));
}, 600_000);

afterAll(async () => {
  await prisma?.$disconnect();
  template?.remove();
});

describe("dashboards over 100,000 task runs", () => {
  it("seeded what the test claims", async () => {
    expect(await prisma.taskRun.count()).toBe(100_000);
  });

  it.each(["24h", "7d", "30d"] as const)("overview %s answers in under 1 s", async (range) => {
    await loadOverview(prisma, { range, now: NOW }); // warm the connection and page cache
    const { ms, value } = await timed(() => loadOverview(prisma, { range, now: NOW }));
    console.log(`overview ${range}: ${ms.toFixed(0)} ms (${value.trend.total} runs)`);
    expect(value.trend.total).toBeGreaterThan(0);
    expect(value.failingSteps[0]?.stepId).toBe("s9");
    expect(ms).toBeLessThan(1000);
  });

  it("30 d overview counts every run and failure", async () => {
    const o = await loadOverview(prisma, { range: "30d", now: NOW });
    expect(o.trend.total).toBe(10_000);
    expect(o.trend.finished).toBe(10_000);
    expect(o.trend.successRate).toBeCloseTo(0.9, 5);
    expect(o.failingSteps.reduce((a, s) => a + s.failures, 0)).toBe(1000);
  });

  it("a workflow report answers in under 1 s", async () => {
    const { ms, value } = await timed(() => loadWorkflowInsights(prisma, { workflowId: workflowIds[0]!, limit: 500 }));
    console.log(`workflow report: ${ms.toFixed(0)} ms`);
    expect(value?.runs.length).toBe(500);
    expect(value?.bottlenecks[0]?.criticalShare).toBe(1);
    expect(ms).toBeLessThan(1000);
  });

  it("the resources history answers in under 1 s", async () => {
    const { ms, value } = await timed(() => loadPoolHistory(prisma, { now: NOW, rangeMs: 7 * 86_400_000 }));
    console.log(`pool history: ${ms.toFixed(0)} ms`);
    expect(value.pools.find((p) => p.name === "deploy")?.points.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });

  it("streams a CSV of every run of a workflow in batches", async () => {
    const reader = streamWorkflowRunsCsv(prisma, { workflowId: workflowIds[0]!, batch: 300 }).getReader();
    let text = "";
    let chunks = 0;
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value);
    }
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("id,version,status,trigger,startedAt,finishedAt,durationMs,steps,failedSteps");
    expect(lines).toHaveLength(1 + 2000);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(2000);
    expect(lines[1]).toMatch(/,10,[01]$/);
    expect(chunks).toBeGreaterThan(5);
  });
});
