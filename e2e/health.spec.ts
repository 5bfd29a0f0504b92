/**
 * The Health page's history: the server records its health at start and
 * every 30 s; the page charts the last 24 h and lists the changes with their
 * reasons. GET /api/v1/health/history answers the same data.
 */
import { expect, test } from "@playwright/test";

test("the Health page shows the recorded history as a chart with the changes", async ({ page }) => {
  await page.goto("/health");
  await expect(page.getByRole("heading", { name: "Health", exact: true })).toBeVisible();
  await expect(page.getByTestId("health-history-chart")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("health-history-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("health-history-summary")).toContainText(/Healthy [\d.]+ % · degraded [\d.]+ % · unhealthy [\d.]+ % of [\d,]+ samples/);
  // The first sample of this server is a change from "start".
  const changes = page.getByTestId("health-changes");
  await expect(changes.getByRole("row").last()).toContainText("start");
  // How shell steps start on this machine (the native helper: `cc` is part of the requirements).
  await expect(page.getByText("shell steps start through the native spawn helper (posix_spawn)")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("health.png"), fullPage: true });
});

test("GET /api/v1/health/history: buckets, components and changes; 422 for a bad range", async ({ request }) => {
  const res = await request.get("/api/v1/health/history?hours=1");
  expect(res.status()).toBe(200);
  const h = await res.json();
  expect(h).toMatchObject({ bucketMs: 60_000, sampleIntervalMs: 30_000 });
  expect(h.samples).toBeGreaterThanOrEqual(1);
  expect(h.buckets.length).toBeGreaterThanOrEqual(60);
  expect(h.components.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(["database", "scheduler", "event-loop"]));
  expect(h.changes.at(-1)).toMatchObject({ from: null });
  const bad = await request.get("/api/v1/health/history?hours=500");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error).toContain("query.hours: must be at most 168");
});
