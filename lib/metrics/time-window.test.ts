import { describe, expect, it } from "vitest";
import { resolveWindow } from "./time-window";
import { DAY_MS, HOUR_MS } from "./stats";

const NOW = Date.UTC(2026, 10, 24, 12);

describe("resolveWindow", () => {
  it("uses presets and falls back to 7 d", () => {
    expect(resolveWindow({ range: "24h" }, NOW)).toMatchObject({ key: "24h", from: NOW - DAY_MS, to: NOW, bucketMs: HOUR_MS });
    expect(resolveWindow({ range: "nope" }, NOW)).toMatchObject({ key: "7d", from: NOW - 7 * DAY_MS });
  });
  it("takes a custom span of whole UTC days, inclusive, capped at now", () => {
    expect(resolveWindow({ from: "2026-11-01", to: "2026-11-07" }, NOW)).toMatchObject({ key: "custom", from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 8), bucketMs: DAY_MS, label: "2026-11-01 – 2026-11-07" });
    expect(resolveWindow({ from: "2026-11-24", to: "2026-11-24" }, NOW)).toMatchObject({ from: Date.UTC(2026, 10, 24), to: NOW, bucketMs: HOUR_MS });
  });
  it("rejects reversed, malformed and too long spans", () => {
    expect(resolveWindow({ from: "2026-11-07", to: "2026-11-01" }, NOW).key).toBe("7d");
    expect(resolveWindow({ from: "2026-1-1", to: "2026-11-01" }, NOW).key).toBe("7d");
    expect(resolveWindow({ from: "2025-01-01", to: "2026-11-01" }, NOW).key).toBe("7d");
  });
});
