/**
 * The dashboards' time window from search params: a preset (?range=24h|7d|30d)
 * or a custom span of UTC days (?from=2026-11-01&to=2026-11-07, both
 * inclusive, at most 92 days). Anything invalid falls back to the default.
 */
import { DAY_MS, HOUR_MS } from "./stats";

export const RANGES = {
  "24h": { ms: DAY_MS, bucketMs: HOUR_MS, label: "24 h" },
  "7d": { ms: 7 * DAY_MS, bucketMs: DAY_MS, label: "7 d" },
  "30d": { ms: 30 * DAY_MS, bucketMs: DAY_MS, label: "30 d" },
} as const;
export type RangeKey = keyof typeof RANGES;

export const MAX_CUSTOM_DAYS = 92;

export interface TimeWindow {
  key: RangeKey | "custom";
  /** ms epoch, inclusive */
  from: number;
  /** ms epoch, exclusive */
  to: number;
  bucketMs: number;
  label: string;
}

export function parseRange(v: string | string[] | undefined, fallback: RangeKey = "7d"): RangeKey {
  return typeof v === "string" && v in RANGES ? (v as RangeKey) : fallback;
}

export function presetWindow(key: RangeKey, now: number): TimeWindow {
  const r = RANGES[key];
  return { key, from: now - r.ms, to: now, bucketMs: r.bucketMs, label: r.label };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(v: string | string[] | undefined): number | null {
  if (typeof v !== "string" || !DAY_RE.test(v)) return null;
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(t) ? t : null;
}

/** The window the params ask for; `now` caps a custom end in the future. */
export function resolveWindow(params: { range?: string | string[]; from?: string | string[]; to?: string | string[] }, now = Date.now(), fallback: RangeKey = "7d"): TimeWindow {
  const from = parseDay(params.from);
  const toDay = parseDay(params.to);
  if (from !== null && toDay !== null && toDay >= from && (toDay - from) / DAY_MS < MAX_CUSTOM_DAYS) {
    const to = Math.min(toDay + DAY_MS, Math.max(now, from + 1));
    const days = Math.round((toDay - from) / DAY_MS) + 1;
    return { key: "custom", from, to, bucketMs: days <= 2 ? HOUR_MS : DAY_MS, label: `${new Date(from).toISOString().slice(0, 10)} – ${new Date(toDay).toISOString().slice(0, 10)}` };
  }
  return presetWindow(parseRange(params.range, fallback), now);
}
