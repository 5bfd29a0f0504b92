/**
 * Records the server's health every `intervalMs` (default 30 s) into
 * HealthSample and prunes samples past the retention (default 7 days) every
 * 20 samples. Started once per server process from lib/runtime/boot.ts; the
 * first sample is taken at once. A failed check or write is logged (once per
 * streak of failures) and the next tick tries again.
 */
import type { Db } from "@/lib/db/prisma";
import type { HealthReport } from "./components";
import { HEALTH_RETENTION_MS, HEALTH_SAMPLE_INTERVAL_MS, pruneHealthSamples, recordHealthSample } from "./history";

const KEY = Symbol.for("myrmex.healthSampler");
type GlobalWithSampler = typeof globalThis & { [KEY]?: () => void };

export interface HealthSamplerOptions {
  check: () => Promise<HealthReport>;
  instanceId?: string | null;
  intervalMs?: number;
  retentionMs?: number;
}

/** Starts the sampler (idempotent per process); returns a stop function. */
export function startHealthSampler(prisma: Db, opts: HealthSamplerOptions): () => void {
  const g = globalThis as GlobalWithSampler;
  if (g[KEY]) return g[KEY];
  const retentionMs = opts.retentionMs ?? HEALTH_RETENTION_MS;
  let ticks = 0;
  let busy = false;
  let failing = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await recordHealthSample(prisma, await opts.check(), { instanceId: opts.instanceId });
      if (ticks++ % 20 === 0) await pruneHealthSamples(prisma, { retentionMs });
      failing = false;
    } catch (err) {
      // Once per streak of failures, not every 30 s.
      if (!failing) console.warn(`[health] sample not recorded: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
      failing = true;
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? HEALTH_SAMPLE_INTERVAL_MS);
  timer.unref();
  void tick();
  const stop = () => {
    clearInterval(timer);
    delete g[KEY];
  };
  g[KEY] = stop;
  return stop;
}
