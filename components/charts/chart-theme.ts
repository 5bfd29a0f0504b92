/** One palette for every dashboard chart: run/step states come from the CSS variables in app/globals.css. */
export const STATE_COLOR = {
  succeeded: "var(--color-state-succeeded)",
  failed: "var(--color-state-failed)",
  running: "var(--color-state-running)",
  queued: "var(--color-state-queued)",
  paused: "var(--color-state-paused)",
  cancelled: "var(--color-state-cancelled)",
  waiting: "var(--color-state-waiting)",
} as const;

/** Non-state series (percentiles, pools, host metrics): readable on light and dark backgrounds. */
export const SERIES_COLORS = ["#6366f1", "#f59e0b", "#0ea5e9", "#ec4899", "#14b8a6", "#84cc16"] as const;

export const AXIS = { fontSize: 11, stroke: "currentColor", tick: { fill: "currentColor" } } as const;

/** Tooltip styling that follows the theme (text colour comes from the page). */
export const TOOLTIP_STYLE = { contentStyle: { background: "var(--color-tooltip-bg, #0f172a)", border: "none", borderRadius: 6, color: "#f8fafc", fontSize: 12 }, itemStyle: { color: "#f8fafc" } } as const;

export function formatTick(t: number, bucketMs: number): string {
  const d = new Date(t);
  if (bucketMs >= 86_400_000) return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  const hhmm = d.toISOString().slice(11, 16);
  return bucketMs < 60_000 ? d.toISOString().slice(11, 19) : hhmm;
}
