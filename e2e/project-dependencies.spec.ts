import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ALERT } from "./support/ui";
import { actionIds, callAction } from "./support/actions";
import { USERS } from "./support/users";

test.describe.configure({ mode: "serial" });

/** Unique per run: the suite may be repeated against one server. */
const tag = Date.now().toString(36).slice(-5);
const names = { app: `App ${tag}`, lib: `Lib ${tag}`, core: `Core ${tag}` };
const slug = (name: string) => name.toLowerCase().replace(/\s+/g, "-");

async function createProject(page: Page, name: string, template?: string) {
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (template) await page.getByLabel(template).check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug(name)}$`));
}

async function addDependency(page: Page, from: string, to: string) {
  await page.goto(`/projects/${slug(from)}/dependencies`);
  await page.getByLabel("Add a dependency").selectOption({ label: to });
  await page.getByRole("button", { name: "Add dependency" }).click();
}

const tabs = (page: Page) => page.getByRole("navigation", { name: "Project sections" });

test("dependencies: the graph shows each edge, a cycle is refused with its path, archiving warns about dependents", async ({ page }) => {
  for (const name of Object.values(names)) await createProject(page, name);

  // App depends on Lib: the React Flow graph draws the edge, both projects with their status.
  await addDependency(page, names.app, names.lib);
  await expect(page.getByRole("status")).toHaveText("Dependency added.");
  const graph = page.getByTestId("dependency-graph");
  const edge = graph.getByTestId(`rf__edge-${slug(names.app)}->${slug(names.lib)}`);
  await expect(edge).toBeAttached(); // a straight edge has a zero-height box: "visible" does not apply
  await expect(edge.locator("path.react-flow__edge-path")).toHaveAttribute("d", /^M/);
  await expect(edge).toHaveAttribute("aria-label", `${names.app} depends on ${names.lib}`);
  await expect(graph.locator(`[data-project="${slug(names.lib)}"]`)).toHaveAttribute("data-status", "active");
  await expect(page.getByRole("list", { name: "Depends on" })).toContainText(names.lib);

  // Lib depends on Core; Core depending on App would close a cycle: refused, with the path.
  await addDependency(page, names.lib, names.core);
  await expect(page.getByRole("status")).toHaveText("Dependency added.");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await addDependency(page, names.core, names.app);
  await expect(page.locator(ALERT)).toHaveText(`Dependency would create a cycle: ${names.core} → ${names.app} → ${names.lib} → ${names.core}`);
  await expect(page.getByLabel("Add a dependency")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Add a dependency").locator("option:checked")).toHaveText(names.app);
  // The graph around Core still has only the two edges, none from Core.
  await page.reload();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Depended on by" })).toContainText(names.lib);

  // Removing and re-adding an edge works, and both are in the Activity tab.
  await page.goto(`/projects/${slug(names.app)}/dependencies`);
  await page.getByRole("button", { name: `Remove dependency on ${names.lib}` }).click();
  await expect(page.getByTestId("dependency-graph-empty")).toBeVisible();
  await addDependency(page, names.app, names.lib);
  await expect(page.getByTestId(`rf__edge-${slug(names.app)}->${slug(names.lib)}`)).toBeAttached();
  await tabs(page).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("project.dependency.remove");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(`project.dependency.add · depends on ${names.lib}`);

  // Archiving Lib warns and lists the project depending on it, in the page and in the confirmation.
  await page.goto(`/projects/${slug(names.lib)}/settings`);
  const warning = page.getByRole("note", { name: "Archive warning" });
  await expect(warning).toContainText(`1 project depends on ${names.lib}`);
  await expect(warning.getByRole("link", { name: names.app })).toBeVisible();
  let dialogText = "";
  page.once("dialog", (d) => {
    dialogText = d.message();
    void d.accept();
  });
  await page.getByRole("button", { name: "Archive project" }).click();
  await expect(page.locator('[data-status="archived"]').first()).toBeVisible();
  expect(dialogText).toContain(`These projects depend on it: ${names.app}.`);
  // The graph shows the new status; an archived project can no longer be added as a dependency.
  await page.goto(`/projects/${slug(names.app)}/dependencies`);
  await expect(page.getByTestId("dependency-graph").locator(`[data-project="${slug(names.lib)}"]`)).toHaveAttribute("data-status", "archived");
  await expect(page.getByLabel("Add a dependency").locator("option", { hasText: names.lib })).toHaveCount(0);
});

test("tabs are real routes with the current one marked", async ({ page }) => {
  const base = `/projects/${slug(names.app)}`;
  await page.goto(base);
  await expect(tabs(page).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  for (const [label, suffix] of [
    ["Workflows", "/workflows"],
    ["Runs", "/runs"],
    ["Dependencies", "/dependencies"],
    ["Activity", "/activity"],
    ["Settings", "/settings"],
    ["Overview", ""],
  ] as const) {
    await tabs(page).getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${base}${suffix}$`));
    await expect(tabs(page).getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    await expect(tabs(page).locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1, name: names.app })).toBeVisible();
  }
});

test("overview: trend sparklines and health roll-up from real runs", async ({ page }) => {
  const name = `Trend ${tag}`;
  await createProject(page, name, "Data pipeline");
  await expect(page.getByTestId("trend-success-rate")).toHaveText("—");
  await expect(page.getByTestId("failing-count")).toHaveText("(0)");

  // A successful run …
  await page.getByRole("table", { name: "Workflows" }).getByRole("link", { name: "pipeline" }).click();
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page.getByRole("table", { name: "Step states" }).locator('[data-status="succeeded"]')).toHaveCount(3, { timeout: 20_000 });

  // … then a failing one: the input file is gone from the working directory.
  await page.goto(`/projects/${slug(name)}`);
  const workingDir = (await page.getByTestId("working-dir").textContent())!.trim();
  const dir = path.isAbsolute(workingDir) ? workingDir : path.resolve(workingDir);
  rmSync(path.join(dir, "data", "raw.csv"));
  await page.getByRole("table", { name: "Workflows" }).getByRole("link", { name: "pipeline" }).click();
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page.getByRole("table", { name: "Step states" }).locator('[data-status="failed"]')).toHaveCount(1, { timeout: 20_000 });

  await page.goto(`/projects/${slug(name)}`);
  await expect(page.getByTestId("trend-success-rate")).toHaveText("50 %");
  const spark = page.getByTestId("success-sparkline");
  await expect(spark.locator("svg .recharts-line path").first()).toBeAttached();
  await expect(spark.locator("svg .recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.getByTestId("duration-sparkline").locator("svg .recharts-line path").first()).toBeAttached();
  await expect(page.getByRole("table", { name: "Runs per day", includeHidden: true }).locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Runs per day", includeHidden: true }).locator("tbody tr td").nth(1)).toHaveText("2");

  const health = page.getByTestId("project-health");
  await expect(health.locator('[data-status="degraded"]')).toBeVisible();
  await expect(page.getByTestId("failing-count")).toHaveText("(1)");
  await expect(health.getByRole("region", { name: "Failing workflows" }).getByRole("link", { name: "pipeline" })).toBeVisible();
  await expect(page.getByTestId("stuck-count")).toHaveText("(0)");
  await tabs(page).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByText("2 runs · page 1 of 1")).toBeVisible();
  await page.getByRole("navigation", { name: "Run status" }).getByRole("link", { name: "failed" }).click();
  await expect(page.getByText("1 run · page 1 of 1")).toBeVisible();
});

test.describe("a viewer", () => {
  test.use({ storageState: USERS.viewer.state });

  test("sees the graph but no edit controls, and the server refuses their edits", async ({ page }) => {
    await page.goto(`/projects/${slug(names.app)}/dependencies`);
    await expect(page.getByTestId("current-role")).toHaveText("viewer");
    await expect(page.getByTestId(`rf__edge-${slug(names.app)}->${slug(names.lib)}`)).toBeAttached();
    await expect(page.getByRole("button", { name: "Add dependency" })).toHaveCount(0);
    await expect(page.getByLabel("Add a dependency")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove dependency/ })).toHaveCount(0);

    await tabs(page).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByTestId("settings-read-only")).toContainText("Your role (viewer) can read this project but not change it");
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /project$/ })).toHaveCount(0);
    await tabs(page).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("button", { name: "New workflow" })).toHaveCount(0);

    const ids = actionIds();
    const add = await callAction(page.request, ids.get("lib/actions/projects/manage-dependencies.ts#addDependencyAction")!, [{}, { projectId: "any", dependsOnId: "any" }]);
    expect(await add.text()).toContain("Not allowed: this needs the editor role");
    const remove = await callAction(page.request, ids.get("lib/actions/projects/manage-dependencies.ts#removeDependencyAction")!, [{ projectId: "any", dependsOnId: "any" }]);
    expect(await remove.text()).toContain("Not allowed: this needs the editor role");
    const archive = await callAction(page.request, ids.get("lib/actions/projects/manage-project.ts#changeProjectStatusAction")!, [{ projectId: "any", transition: "archive" }]);
    expect(await archive.text()).toContain("Not allowed: this needs the editor role");
  });
});
