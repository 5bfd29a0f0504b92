/**
 * The health history on SQLite: samples are recorded and read back in
 * buckets with the changes of the overall status and their reasons; old
 * samples are pruned; the sampler records at once and on every tick.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import type { HealthReport, HealthStatus } from "@/lib/health/components";
import { bucketSizeFor, HEALTH_RETENTION_MS, loadHealthHistory, pruneHealthSamples, recordHealthSample } from "@/lib/health/history";
import { startHealthSampler } from "@/lib/health/sampler";
import { copyDb, createDbTemplate, type DbTemplate } from "../engine/db";

const NOW = Date.UTC(2026, 10, 24, 12);
const MIN = 60_000;
let template: DbTemplate;
let db: { url: string; remove(): void };
let prisma: Db;

function report(at: number, disk: HealthStatus, scheduler: HealthStatus = "healthy"): HealthReport {
  const worst = [disk, scheduler].includes("unhealthy") ? "unhealthy" : [disk, scheduler].includes("degraded") ? "degraded" : "healthy";
  return {
    status: worst,
    checkedAt: new Date(at).toISOString(),
    components: [
      { name: "database", status: "healthy", detail: "answers queries (sqlite)", value: "0.3 ms" },
      { name: "scheduler", status: scheduler, detail: scheduler === "healthy" ? "1 live engine (server)" : "no engine has sent a heartbeat" },
      { name: "disk", status: disk, detail: disk === "healthy" ? "40.0 % free" : "8.0 % free in the data directory" },
    ],
  };
}

beforeAll(async () => {
  template = await createDbTemplate("myrmex-health-");
});
afterAll(() => template?.remove());
beforeEach(async () => {
  await prisma?.$disconnect();
  db?.remove();
  db = copyDb(template);
  prisma = createPrisma({ url: db.url });
});
afterAll(async () => {
  await prisma?.$disconnect();
  db?.remove();
});

describe("health history", () => {
  it("buckets the samples of the range and lists the changes newest first, with the components to blame", async () => {
    // Two hours ago: healthy for 30 min, then the disk degraded for 10 min, then healthy again.
    const start = NOW - 2 * 60 * MIN;
    for (let t = start, i = 0; t < NOW; t += MIN / 2, i++) {
      const minute = (t - start) / MIN;
      await recordHealthSample(prisma, report(t, minute >= 30 && minute < 40 ? "degraded" : "healthy"), { instanceId: "server-1" });
    }
    // A sample from before the range is not counted.
    await recordHealthSample(prisma, report(NOW - 30 * 60 * MIN, "unhealthy"), { instanceId: "server-1" });

    const h = await loadHealthHistory(prisma, { now: NOW, rangeMs: 3 * 60 * MIN });
    expect(h.bucketMs).toBe(bucketSizeFor(3 * 60 * MIN));
    expect(h.samples).toBe(240);
    expect(h.share.degraded).toBeCloseTo(20 / 240);
    expect(h.share.unhealthy).toBe(0);
    const counted = h.buckets.reduce((n, b) => n + b.healthy + b.degraded + b.unhealthy, 0);
    expect(counted).toBe(240);
    // The first hour of the range had no server: empty buckets, no verdict.
    expect(h.buckets[0]).toMatchObject({ healthy: 0, degraded: 0, unhealthy: 0, worst: null });
    expect(h.buckets.some((b) => b.worst === "degraded")).toBe(true);
    expect(h.components.find((c) => c.name === "disk")).toEqual({ name: "disk", healthy: 220, degraded: 20, unhealthy: 0 });

    expect(h.changes.map((c) => [c.at, c.from, c.to])).toEqual([
      [new Date(start + 40 * MIN).toISOString(), "degraded", "healthy"],
      [new Date(start + 30 * MIN).toISOString(), "healthy", "degraded"],
      [new Date(start).toISOString(), null, "healthy"],
    ]);
    expect(h.changes[1]!.reasons).toEqual([{ name: "disk", status: "degraded", detail: "8.0 % free in the data directory" }]);
    expect(h.changes[0]!.reasons).toEqual([]);
  });

  it("keeps each server's changes apart", async () => {
    await recordHealthSample(prisma, report(NOW - 3 * MIN, "healthy"), { instanceId: "a" });
    await recordHealthSample(prisma, report(NOW - 3 * MIN + 1, "healthy", "degraded"), { instanceId: "b" });
    await recordHealthSample(prisma, report(NOW - 2 * MIN, "healthy"), { instanceId: "a" });
    await recordHealthSample(prisma, report(NOW - 2 * MIN + 1, "healthy", "degraded"), { instanceId: "b" });
    const h = await loadHealthHistory(prisma, { now: NOW, rangeMs: 60 * MIN });
    expect(h.changes.map((c) => c.to)).toEqual(["degraded", "healthy"]);
    expect(h.bucketMs).toBe(MIN);
  });

  it("prunes samples older than the retention (7 days by default)", async () => {
    for (const ageDays of [10, 8, 6, 1]) await recordHealthSample(prisma, report(NOW - ageDays * 86_400_000, "healthy"));
    expect(await pruneHealthSamples(prisma, { now: NOW })).toBe(2);
    expect(HEALTH_RETENTION_MS).toBe(7 * 86_400_000);
    const left = await prisma.healthSample.findMany({ orderBy: { ts: "asc" }, select: { ts: true } });
    expect(left.map((r) => (NOW - r.ts.getTime()) / 86_400_000)).toEqual([6, 1]);
    expect(await pruneHealthSamples(prisma, { now: NOW, retentionMs: 2 * 86_400_000 })).toBe(1);
  });

  it("the sampler records at once, then every interval, and prunes past the retention", async () => {
    await recordHealthSample(prisma, report(Date.now() - 3 * 86_400_000, "healthy"));
    let checks = 0;
    const stop = startHealthSampler(prisma, {
      instanceId: "sampler-test",
      intervalMs: 50,
      retentionMs: 86_400_000,
      check: async () => {
        checks++;
        return report(Date.now(), checks === 2 ? "degraded" : "healthy");
      },
    });
    try {
      await expect.poll(() => prisma.healthSample.count({ where: { instanceId: "sampler-test" } }), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    } finally {
      stop();
    }
    // The old sample went with the first tick's pruning.
    expect(await prisma.healthSample.count({ where: { instanceId: null } })).toBe(0);
    const h = await loadHealthHistory(prisma, { rangeMs: 60 * MIN });
    expect(h.changes.map((c) => c.to).reverse().slice(0, 3)).toEqual(["healthy", "degraded", "healthy"]);
    // Idempotent per process: a second start while running returns the same stop function.
    const again = startHealthSampler(prisma, { check: async () => report(Date.now(), "healthy"), intervalMs: 60_000 });
    const same = startHealthSampler(prisma, { check: async () => report(Date.now(), "healthy"), intervalMs: 60_000 });
    expect(same).toBe(again);
    again();
  });
});
