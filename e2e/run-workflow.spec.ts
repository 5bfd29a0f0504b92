import { expect, test } from "@playwright/test";

test("running an example from its page shows every step finish, with the flaky step retried", async ({ page }) => {
  await page.goto("/projects/examples/workflows/complex-multi-stage");
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);

  const header = page.locator("main");
  await expect(header.locator('[data-status="succeeded"]').first()).toBeVisible();
  // The whole run settles: status badge in the header says succeeded.
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "12", { timeout: 30_000 });
  const steps = page.getByRole("table", { name: "Step states" });
  const flaky = steps.locator('tr[data-step="flaky-fetch"]');
  await expect(flaky.locator('[data-status="succeeded"]')).toBeVisible();
  await expect(flaky.getByRole("cell").nth(2)).toHaveText("2");
  await expect(steps.locator('tr[data-step="coverage"] [data-status="failed"]')).toBeVisible();
  await expect(steps.locator('tr[data-step="notify"] [data-status="succeeded"]')).toBeVisible();

  // The run is listed on the runs page.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("table", { name: "Runs" }).getByRole("link", { name: "complex-multi-stage" }).first()).toBeVisible();
});

test("a paused run starts nothing new until it is resumed, and cancel settles every step", async ({ page }) => {
  await page.goto("/projects/examples/workflows/resource-management");
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.locator("main header, main").locator('[data-status="paused"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume" })).toBeEnabled();

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator('[data-status="cancelled"]').first()).toBeVisible({ timeout: 20_000 });
  const steps = page.getByRole("table", { name: "Step states" });
  // Nothing is left pending or running after a cancel.
  await expect(steps.locator('[data-status="running"], [data-status="pending"], [data-status="ready"], [data-status="waiting"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Resume" })).toBeDisabled();
});
