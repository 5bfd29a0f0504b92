import { expect, test, type Page } from "@playwright/test";
import { ANONYMOUS } from "./support/ui";
import { USERS } from "./support/users";

// Sign in here rather than through e2e/.auth/admin.json: suites running in parallel on other
// ports rewrite that shared file with sessions of their own servers.
test.use({ storageState: ANONYMOUS });
test.beforeEach(async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(USERS.admin.email);
  await page.getByLabel("Password").fill(USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

/** Runs an example from its page and waits until every step is done. */
async function runExample(page: Page, slug: string) {
  await page.goto(`/projects/examples/workflows/${slug}`);
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
  const progress = page.getByRole("progressbar", { name: "Steps done" });
  await expect(async () => {
    const max = await progress.getAttribute("aria-valuemax");
    expect(Number(max)).toBeGreaterThan(0);
    expect(await progress.getAttribute("aria-valuenow")).toBe(max);
  }).toPass({ timeout: 45_000 });
  return page.url().split("/").pop()!;
}

const cellsOf = (page: Page, table: string) => page.getByRole("table", { name: table, includeHidden: true }).locator("tbody tr");

test.describe.configure({ mode: "serial" });

test("dashboards show the recorded runs of the examples", async ({ page }) => {
  test.setTimeout(180_000);
  // Other specs may have run this example already (the CLI's demo does): count on top of those.
  const runsOf = async (slug: string) =>
    ((await (await page.request.get("/api/v1/runs?project=examples&limit=500")).json()).runs as { workflow: { slug: string } }[]).filter((r) => r.workflow.slug === slug).length;
  const earlier = await runsOf("resource-management");
  const first = await runExample(page, "resource-management");
  const second = await runExample(page, "resource-management");
  await runExample(page, "basic-workflow");

  // Overview: the outcome chart's data has the runs of today, and the stats agree.
  await page.goto("/?range=24h");
  await expect(page.getByRole("link", { name: "24 h" })).toHaveAttribute("aria-current", "page");
  const outcome = page.getByTestId("runs-outcome-chart");
  await expect(outcome.getByRole("application")).toBeVisible();
  await expect(outcome.locator(".recharts-legend-item-text", { hasText: "Succeeded" })).toBeVisible();
  const rows = cellsOf(page, "Runs by outcome");
  await expect(rows.first()).toBeAttached();
  const succeeded = (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[1]?.textContent ?? 0)))).reduce((a, b) => a + b, 0);
  expect(succeeded).toBeGreaterThanOrEqual(3);
  await expect(page.getByText("Runs (24 h)")).toBeVisible();
  await expect(cellsOf(page, "Run duration percentiles").first()).toBeAttached();
  // A custom range of today's UTC date shows the same runs, hour by hour.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From (UTC)").fill(today);
  await page.getByLabel("To (UTC)").fill(today);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(page.getByText("Runs in range")).toBeVisible();
  expect((await cellsOf(page, "Runs by outcome").evaluateAll((trs) => trs.map((tr) => Number(tr.children[1]?.textContent ?? 0)))).reduce((a, b) => a + b, 0)).toBe(succeeded);

  // Resources: example 4 contended for deploy-slot, so steps waited for it.
  await page.goto("/resources");
  const wait = page.getByRole("table", { name: "Waiting per pool" }).locator('tr[data-pool="deploy-slot"] td[data-wait-ms]');
  await expect(wait).toBeVisible();
  expect(Number(await wait.getAttribute("data-wait-ms"))).toBeGreaterThan(0);
  await expect(page.getByTestId("pool-chart-deploy-slot")).toBeVisible();
  await expect(cellsOf(page, "deploy-slot utilization").first()).toBeAttached();

  // Reports: the workflow report of example 4, its steps and the comparison of two runs.
  await page.goto("/reports");
  const option = page.getByRole("combobox", { name: "Workflow" }).locator("option", { hasText: "resource-management" });
  const workflowId = await option.getAttribute("value");
  await page.getByRole("combobox", { name: "Workflow" }).selectOption(workflowId!);
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByTestId("workflow-report")).toBeVisible();
  await expect(page.getByRole("table", { name: "Step statistics" }).locator('tr[data-step="deploy-eu"]')).toBeVisible();
  await expect(cellsOf(page, "Run durations")).toHaveCount(earlier + 2);
  await expect(cellsOf(page, "Bottlenecks").first()).toBeAttached();
  await page.goto(`/reports?workflow=${workflowId}&a=${first}&b=${second}`);
  await expect(page.getByRole("table", { name: "Run comparison" }).locator('tr[data-step="verify"]')).toBeVisible();

  // Exports download and parse.
  const json = await page.request.get(`/api/v1/workflows/${workflowId}/report?format=json`);
  expect(json.ok()).toBe(true);
  const report = (await json.json()) as { kind: string; runs: unknown[] };
  expect(report.kind).toBe("workflow");
  expect(report.runs).toHaveLength(earlier + 2);
  const html = await page.request.get(`/api/v1/workflows/${workflowId}/report?format=html`);
  expect(await html.text()).toContain('class="bar"');
  const csv = await page.request.get(`/api/v1/workflows/${workflowId}/report?format=csv`);
  expect((await csv.text()).split("\n").filter(Boolean).length).toBeGreaterThan(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByLabel("Export workflow report").getByRole("link", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});

test("pools can be created, resized and deleted; a pool in use by workflows is refused", async ({ page }) => {
  await page.goto("/resources");
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Name").fill("e2e-gpu");
  await form.getByLabel("Capacity").fill("2");
  await form.getByRole("button", { name: "Add pool" }).click();
  await expect(form.getByRole("status")).toHaveText(/Created "e2e-gpu" with capacity 2/);
  const pools = page.getByRole("table", { name: "Pools" });
  const row = pools.locator("tr", { hasText: "e2e-gpu" });
  await row.getByLabel("Capacity of e2e-gpu").fill("5");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("cell").nth(1)).toHaveText("5");

  page.on("dialog", (d) => void d.accept());
  const slot = pools.locator("tr", { hasText: "deploy-slot" });
  await slot.getByRole("button", { name: "Delete" }).click();
  await expect(slot.getByRole("alert")).toContainText("Workflows still ask for");

  await row.getByRole("button", { name: "Delete" }).click();
  await expect(pools.locator("tr", { hasText: "e2e-gpu" })).toHaveCount(0);
  // Built-in pools offer no delete.
  await expect(pools.locator("tr", { hasText: "built-in" }).getByRole("button", { name: "Delete" })).toHaveCount(0);
});

test("the health page charts host samples from the collector", async ({ page }) => {
  await page.goto("/health");
  // The collector samples every 10 s and the page refreshes every 5 s.
  await expect(page.getByTestId("host-chart")).toBeVisible({ timeout: 30_000 });
  await expect(cellsOf(page, "Host samples").first()).toBeAttached();
});
