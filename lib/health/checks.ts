/**
 * Health of the web server process: every component (lib/health/components.ts)
 * plus this process's engine heartbeat and event-loop delay. `liveness()` is
 * the minimal anonymous answer of /api/health.
 */
import "server-only";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { getPrisma } from "@/lib/db/client";
import { currentEngine } from "@/lib/runtime/engine-host";
import { checkComponents, type HealthReport } from "./components";

export type { ComponentHealth, HealthReport, HealthStatus } from "./components";

const WINDOW_MS = 10_000;
const KEY = Symbol.for("myrmex.health.loop");
type LoopState = { histogram: IntervalHistogram; last: { p99Ms: number; maxMs: number } | null };
type GlobalWithLoop = typeof globalThis & { [KEY]?: LoopState };

/** Event-loop delay over the last complete 10 s window (the current one until the first completes). */
function loopDelay(): { p99Ms: number; maxMs: number } {
  const g = globalThis as GlobalWithLoop;
  if (!g[KEY]) {
    const histogram = monitorEventLoopDelay({ resolution: 20 });
    histogram.enable();
    const state: LoopState = { histogram, last: null };
    setInterval(() => {
      state.last = { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
      histogram.reset();
    }, WINDOW_MS).unref();
    g[KEY] = state;
  }
  const s = g[KEY];
  return s.last ?? { p99Ms: s.histogram.count ? s.histogram.percentile(99) / 1e6 : 0, maxMs: s.histogram.count ? s.histogram.max / 1e6 : 0 };
}

// Start measuring as soon as the server loads this module.
loopDelay();

/** Every component's health and the worst of them as the overall status. */
export async function checkHealth(): Promise<HealthReport> {
  const engine = await currentEngine()?.catch(() => null);
  return checkComponents(getPrisma(), { selfInstanceId: engine?.instanceId ?? null, eventLoop: loopDelay() });
}

/** Liveness: the process serves and its database answers. No details for anonymous callers. */
export async function liveness(): Promise<{ status: "ok" | "unavailable"; checkedAt: string }> {
  const checkedAt = new Date().toISOString();
  try {
    await getPrisma().$queryRawUnsafe("SELECT 1");
    return { status: "ok", checkedAt };
  } catch {
    return { status: "unavailable", checkedAt };
  }
}
