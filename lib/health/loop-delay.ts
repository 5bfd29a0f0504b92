/**
 * Event-loop delay of this process over 10 s windows (plain module: the
 * health checks of the web server and its health sampler share one monitor).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

const WINDOW_MS = 10_000;
const KEY = Symbol.for("myrmex.health.loop");
type LoopState = { histogram: IntervalHistogram; last: { p99Ms: number; maxMs: number } | null };
type GlobalWithLoop = typeof globalThis & { [KEY]?: LoopState };

/** Event-loop delay over the last complete 10 s window (the current one until the first completes). Starts measuring on first call. */
export function loopDelay(): { p99Ms: number; maxMs: number } {
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
