/** Human-readable duration: 850 ms, 12.3 s, 4 m 05 s, 2 h 03 m. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${String(Math.floor(s % 60)).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} m`;
}

export function durationBetween(start: Date | null | undefined, end: Date | null | undefined, now = new Date()): number | null {
  if (!start) return null;
  return (end ?? now).getTime() - start.getTime();
}

const REL = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 minutes ago" style, falling back to a date for anything older than a week. */
export function formatRelative(date: Date | null | undefined, now = new Date()): string {
  if (!date) return "never";
  const diff = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return "just now";
  if (abs < 3600) return REL.format(Math.round(diff / 60), "minute");
  if (abs < 86400) return REL.format(Math.round(diff / 3600), "hour");
  if (abs < 7 * 86400) return REL.format(Math.round(diff / 86400), "day");
  return date.toISOString().slice(0, 10);
}
