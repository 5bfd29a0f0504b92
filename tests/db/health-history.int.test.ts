/**
 * The health history on every provider: samples with their component JSON
 * are written, read back in buckets with the changes, and pruned.
 */
import { describe, expect, it } from "vitest";
import type { HealthReport, HealthStatus } from "@/lib/health/components";
import { loadHealthHistory, pruneHealthSamples, recordHealthSample } from "@/lib/health/history";
import { PROVIDERS, uniq, useTestDb } from "./helpers";

const NOW = Date.UTC(2026, 10, 24, 12);

function report(at: number, status: HealthStatus): HealthReport {
  return {
    status,
    checkedAt: new Date(at).toISOString(),
    components: [
      { name: "database", status: "healthy", detail: "answers queries" },
      { name: "stuck-runs", status, detail: status === "healthy" ? "none stuck" : "1 stuck: abcd1234 past its deadline" },
    ],
  };
}

describe.each(PROVIDERS)("%s", (provider) => {
  const t = useTestDb(provider);

  it("records, reads back with changes and reasons, and prunes health samples", async () => {
    const instanceId = uniq("server");
    const statuses: HealthStatus[] = ["healthy", "healthy", "degraded", "degraded", "healthy"];
    for (const [i, s] of statuses.entries()) await recordHealthSample(t.prisma, report(NOW - (5 - i) * 60_000, s), { instanceId });
    await recordHealthSample(t.prisma, report(NOW - 8 * 86_400_000, "unhealthy"), { instanceId });

    const h = await loadHealthHistory(t.prisma, { now: NOW, rangeMs: 3_600_000 });
    expect(h.samples).toBe(5);
    expect(h.changes.map((c) => c.to)).toEqual(["healthy", "degraded", "healthy"]);
    expect(h.changes[1]!.reasons).toEqual([{ name: "stuck-runs", status: "degraded", detail: "1 stuck: abcd1234 past its deadline" }]);
    expect(h.components).toEqual([
      { name: "database", healthy: 5, degraded: 0, unhealthy: 0 },
      { name: "stuck-runs", healthy: 3, degraded: 2, unhealthy: 0 },
    ]);

    expect(await pruneHealthSamples(t.prisma, { now: NOW })).toBe(1);
    expect(await t.prisma.healthSample.count()).toBe(5);
  });
});
