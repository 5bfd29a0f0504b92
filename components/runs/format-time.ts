/** "2025-01-31 14:05:09 UTC": the same text on the server and in the browser (no hydration mismatch). */
export function formatUtc(ms: number | null | undefined): string {
  if (ms == null) return "—";
  return `${new Date(ms).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** "14:05:09.120" in UTC, for timelines. */
export function formatUtcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}
