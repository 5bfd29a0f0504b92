import { describe, expect, it } from "vitest";
import type { RunReport, WorkflowReport } from "./build-report";
import { percentile } from "./build-report";
import { renderReport, toCsv } from "./render-report";

const report: RunReport = {
  kind: "run",
  generatedAt: "2026-01-01T00:00:00.000Z",
  run: {
    id: "0f0e0d0c-0000-4000-8000-000000000000",
    workflow: "demo",
    project: "p",
    version: 2,
    status: "failed",
    trigger: "cli",
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:10.000Z",
    durationMs: 10_000,
    criticalPath: ["a", "b"],
    criticalPathMs: 9000,
    meanParallelism: 1.2,
    totalQueueWaitMs: 0,
  },
  steps: [
    { stepId: "a", status: "succeeded", attempts: 1, queuedAt: null, startedAt: "2026-01-01T00:00:00.000Z", finishedAt: "2026-01-01T00:00:04.000Z", durationMs: 4000, waitMs: 0, exitCode: 0, cpuSeconds: 1.5, peakMemoryMb: 20, onCriticalPath: true, error: null },
    { stepId: "<b>", status: "failed", attempts: 2, queuedAt: null, startedAt: "2026-01-01T00:00:04.000Z", finishedAt: "2026-01-01T00:00:10.000Z", durationMs: 6000, waitMs: 10, exitCode: 1, cpuSeconds: null, peakMemoryMb: null, onCriticalPath: true, error: '=HYPERLINK("x"), "quoted"' },
  ],
};

describe("reports", () => {
  it("CSV quotes, escapes and neutralises formulas", () => {
    const csv = renderReport(report, "csv").body.trim().split("\n");
    expect(csv[0]!.startsWith("stepId,status,attempts")).toBe(true);
    expect(csv[2]).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    expect(toCsv([{ a: -3, b: "x,y" }], ["a", "b"])).toBe('a,b\n-3,"x,y"\n');
  });

  it("HTML is self-contained and escapes step names", () => {
    const r = renderReport(report, "html");
    expect(r.contentType).toContain("text/html");
    expect(r.body).toContain("&lt;b&gt;");
    expect(r.body).not.toContain("<b>");
    expect(r.body).not.toMatch(/<script|src=/);
    expect(r.fileName).toBe("run-0f0e0d0c.html");
  });

  it("JSON is the report itself", () => {
    expect(JSON.parse(renderReport(report, "json").body)).toEqual(report);
  });

  it("percentiles use the nearest rank", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
  });
});

describe("workflow reports", () => {
  const wf: WorkflowReport = {
    kind: "workflow",
    generatedAt: "2026-01-01T00:00:00.000Z",
    workflow: { id: "w", name: "demo", project: "p" },
    summary: { runs: 1, succeeded: 1, failed: 0, cancelled: 0, successRate: 1, p50Ms: 10, p95Ms: 10 },
    runs: [{ id: "r1", version: 1, status: "succeeded", trigger: "ui", startedAt: null, finishedAt: null, durationMs: 10, steps: 1, failedSteps: 0, regression: true }],
    steps: [{ stepId: "a", runs: 1, failures: 0, meanMs: 10, p50Ms: 10, p95Ms: 10, maxMs: 10, criticalShare: 1, failureRate: 0, makespanShare: 0.5, meanCpuSeconds: 0.25, maxPeakMemoryMb: 12 }],
  };
  it("HTML marks regressions and shows each step's share of the makespan, CPU and memory", () => {
    const html = renderReport(wf, "html").body;
    expect(html).toContain("▲ regression");
    expect(html).toContain("<td class=\"num\">50 %</td><td class=\"num\">0.25</td><td class=\"num\">12</td>");
  });
  it("CSV keeps its columns (the streamed export uses the same)", () => {
    expect(renderReport(wf, "csv").body.split("\n")[0]).toBe("id,version,status,trigger,startedAt,finishedAt,durationMs,steps,failedSteps");
  });
});
