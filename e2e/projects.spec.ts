import { expect, test } from "@playwright/test";
import { ALERT } from "./support/ui";

test("create a project from a template, run its workflow, find it in the list", async ({ page }) => {
  await page.goto("/projects");
  await page.getByRole("link", { name: "New project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New project" })).toBeVisible();

  // Bad input: errors next to the fields, nothing lost.
  await page.getByLabel("Name", { exact: true }).fill("Weather Data");
  await expect(page.getByLabel("Slug")).toHaveValue("weather-data");
  await page.getByLabel("Working directory").fill("../../etc");
  await page.getByLabel("Data pipeline").check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Working directory must stay inside the projects root")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Weather Data");

  await page.getByLabel("Working directory").fill("");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/weather-data$/);
  await expect(page.getByRole("heading", { level: 1, name: "Weather Data" })).toBeVisible();
  await page.getByRole("table", { name: "Workflows" }).getByRole("link", { name: "pipeline" }).click();
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "3", { timeout: 20_000 });
  await expect(page.getByRole("table", { name: "Step states" }).locator('[data-status="succeeded"]')).toHaveCount(3);

  // A second project with the same slug is refused.
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill("Weather Data");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Slug is already used by another project")).toBeVisible();

  await page.goto("/projects?q=weather");
  const table = page.getByRole("table", { name: "Projects" });
  await expect(table.getByRole("link", { name: "Weather Data" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Examples" })).toHaveCount(0);
  await expect(table.locator("tr", { hasText: "Weather Data" })).toContainText("100 %");
});

test("two people editing one project: the second save is refused, never silently overwritten", async ({ page, browser }) => {
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill("Shared Notes");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/shared-notes$/);

  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/projects\/shared-notes\/settings$/);
  const other = await browser.newPage();
  await other.goto("/projects/shared-notes/settings");

  await page.getByLabel("Project name", { exact: true }).fill("Shared Notes (A)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await other.getByLabel("Project name", { exact: true }).fill("Shared Notes (B)");
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.locator(ALERT)).toContainText("Someone else saved this project since you opened it");
  await other.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Shared Notes (A)" })).toBeVisible();
  await other.close();
});

test("lifecycle: paused refuses runs, archived is hidden and read-only, delete needs the typed name", async ({ page }) => {
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill("Lifecycle Demo");
  await page.getByLabel("Web application").check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/lifecycle-demo$/);

  await page.goto("/projects/lifecycle-demo/settings");
  await page.getByRole("button", { name: "Pause project" }).click();
  await expect(page.locator('[data-status="paused"]').first()).toBeVisible();
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("table", { name: "Workflows" }).getByRole("link", { name: "build-and-test" }).click();
  await expect(page.getByRole("button", { name: "▶ Run" })).toBeDisabled();
  await expect(page.getByText("This project is paused: no new runs start until it is resumed.")).toBeVisible();

  await page.goto("/projects/lifecycle-demo/settings");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Archive project" }).click();
  await expect(page.locator('[data-status="archived"]').first()).toBeVisible();
  await page.goto("/projects");
  await expect(page.getByRole("table", { name: "Projects" }).getByRole("link", { name: "Lifecycle Demo" })).toHaveCount(0);

  await page.goto("/projects/lifecycle-demo/settings");
  await page.getByLabel("Project name to confirm").fill("wrong name");
  await page.getByRole("button", { name: "Delete project" }).click();
  await expect(page.getByText('Project name to confirm must be exactly "Lifecycle Demo"')).toBeVisible();
  await page.getByLabel("Project name to confirm").fill("Lifecycle Demo");
  await page.getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const res = await page.goto("/projects/lifecycle-demo");
  expect(res?.status()).toBe(404);
});

test("every template creates its workflows; the analysis one runs green", async ({ page }) => {
  const tag = Date.now().toString(36).slice(-5);
  const expected: [string, string[]][] = [
    ["Empty", []],
    ["Web application", ["build-and-test", "deploy"]],
    ["Data pipeline", ["pipeline"]],
    ["Analysis", ["analysis"]],
  ];
  for (const [template, workflows] of expected) {
    const name = `${template} ${tag}`;
    await page.goto("/projects/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("radio", { name: new RegExp(`^${template}`) }).check();
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${name.toLowerCase().replace(/\s+/g, "-")}$`));
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Workflows" }).click();
    if (workflows.length === 0) {
      await expect(page.getByText("No workflows in this project")).toBeVisible();
      continue;
    }
    const table = page.getByRole("table", { name: "Workflows" });
    for (const wf of workflows) await expect(table.getByRole("link", { name: wf, exact: true })).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(workflows.length);
  }
  await page.getByRole("table", { name: "Workflows" }).getByRole("link", { name: "analysis", exact: true }).click();
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page.getByRole("table", { name: "Step states" }).locator('[data-status="succeeded"]')).toHaveCount(3, { timeout: 20_000 });
});
