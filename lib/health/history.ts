/**
 * Health over time: the server records the overall verdict and each
 * component's status every 30 s (./sampler.ts) into HealthSample, keeps 7 days,
 * and the Health page (and GET /api/v1/health/history) reads them back in
 * buckets with the changes of the overall status. Plain module: no Next.js.
 */
import type { Db } from "@/lib/db/prisma";
import type { HealthHistory } from "@/lib/validations/health-history";
import type { HealthReport, HealthStatus } from "./components";

export const HEALTH_SAMPLE_INTERVAL_MS = 30_000;
export const HEALTH_RETENTION_MS = 7 * 86_400_000;
/** At most this many samples are read for one history (24 h of 30 s samples is 2,880 per server). */
const MAX_ROWS = 50_000;
const MAX_CHANGES = 50;

interface StoredComponent {
  name: string;
  status: HealthStatus;
  detail: string;
}

const STATUSES: readonly HealthStatus[] = ["healthy", "degraded", "unhealthy"];
const isStatus = (s: unknown): s is HealthStatus => typeof s === "string" && (STATUSES as readonly string[]).includes(s);

export async function recordHealthSample(prisma: Db, report: HealthReport, opts: { instanceId?: string | null } = {}): Promise<void> {
  const components: StoredComponent[] = report.components.map((c) => ({ name: c.name, status: c.status, detail: c.detail }));
  await prisma.healthSample.create({ data: { instanceId: opts.instanceId ?? null, ts: new Date(report.checkedAt), status: report.status, components: components as object[] } });
}

/** Deletes samples older than the retention; returns how many went. */
export async function pruneHealthSamples(prisma: Db, opts: { now?: number; retentionMs?: number } = {}): Promise<number> {
  const before = new Date((opts.now ?? Date.now()) - (opts.retentionMs ?? HEALTH_RETENTION_MS));
  return (await prisma.healthSample.deleteMany({ where: { ts: { lt: before } } })).count;
}

/** About 96 buckets over the range, whole minutes, never narrower than a minute. */
export function bucketSizeFor(rangeMs: number): number {
  return Math.max(60_000, Math.ceil(rangeMs / 96 / 60_000) * 60_000);
}

function parseComponents(value: unknown): StoredComponent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: unknown) => {
    const o = c as Partial<StoredComponent> | null;
    return o && typeof o.name === "string" && isStatus(o.status) ? [{ name: o.name, status: o.status, detail: typeof o.detail === "string" ? o.detail : "" }] : [];
  });
}

export async function loadHealthHistory(prisma: Db, opts: { now?: number; rangeMs?: number } = {}): Promise<HealthHistory> {
  const to = opts.now ?? Date.now();
  const rangeMs = opts.rangeMs ?? 86_400_000;
  const bucketMs = bucketSizeFor(rangeMs);
  const from = to - rangeMs;
  const rows = await prisma.healthSample.findMany({
    where: { ts: { gte: new Date(from), lte: new Date(to) } },
    orderBy: [{ ts: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
    select: { ts: true, instanceId: true, status: true, components: true },
  });

  const first = Math.floor(from / bucketMs) * bucketMs;
  const buckets: HealthHistory["buckets"] = [];
  for (let t = first; t <= to; t += bucketMs) buckets.push({ t, healthy: 0, degraded: 0, unhealthy: 0, worst: null });
  const share = { healthy: 0, degraded: 0, unhealthy: 0 };
  const perComponent = new Map<string, { name: string; healthy: number; degraded: number; unhealthy: number }>();
  const changes: HealthHistory["changes"] = [];
  // Changes are per server process: two servers with different verdicts are not a flapping system.
  const previous = new Map<string, HealthStatus>();
  let samples = 0;

  for (const row of rows) {
    if (!isStatus(row.status)) continue;
    samples++;
    const status = row.status;
    share[status]++;
    const bucket = buckets[Math.floor((row.ts.getTime() - first) / bucketMs)];
    if (bucket) {
      bucket[status]++;
      if (!bucket.worst || STATUSES.indexOf(status) > STATUSES.indexOf(bucket.worst)) bucket.worst = status;
    }
    const components = parseComponents(row.components);
    for (const c of components) {
      const entry = perComponent.get(c.name) ?? { name: c.name, healthy: 0, degraded: 0, unhealthy: 0 };
      entry[c.status]++;
      perComponent.set(c.name, entry);
    }
    const key = row.instanceId ?? "";
    const before = previous.get(key) ?? null;
    if (before !== status) {
      changes.push({ at: row.ts.toISOString(), from: before, to: status, reasons: components.filter((c) => c.status !== "healthy") });
    }
    previous.set(key, status);
  }

  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    bucketMs,
    sampleIntervalMs: HEALTH_SAMPLE_INTERVAL_MS,
    samples,
    share: {
      healthy: samples ? share.healthy / samples : 0,
      degraded: samples ? share.degraded / samples : 0,
      unhealthy: samples ? share.unhealthy / samples : 0,
    },
    buckets,
    components: [...perComponent.values()],
    changes: changes.reverse().slice(0, MAX_CHANGES),
  };
}
