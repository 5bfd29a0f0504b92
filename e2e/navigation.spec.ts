import { expect, test } from "@playwright/test";

const SECTIONS = [
  { label: "Overview", path: "/", heading: "Overview" },
  { label: "Projects", path: "/projects", heading: "Projects" },
  { label: "Runs", path: "/runs", heading: "Runs" },
  { label: "Resources", path: "/resources", heading: "Resources" },
  { label: "Reports", path: "/reports", heading: "Reports" },
  { label: "Health", path: "/health", heading: "Health" },
  { label: "Settings", path: "/settings", heading: "Settings" },
] as const;

test("every menu entry opens its page", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of SECTIONS) {
    await nav.getByRole("link", { name: section.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${section.path === "/" ? "/$" : section.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: section.label, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("the Examples project holds the seven example workflows", async ({ page }) => {
  await page.goto("/projects");
  await page.getByRole("link", { name: "Examples", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Examples" })).toBeVisible();
  const names = [
    "basic-workflow",
    "project-management",
    "task-orchestration",
    "resource-management",
    "complex-multi-stage",
    "performance-monitoring",
    "health-check",
  ];
  const table = page.getByRole("table", { name: "Workflows" });
  // Other suites may add workflows to Examples; the seeded seven are always there.
  for (const name of names) await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
});

test("an unknown address shows the not-found page, not a stack trace", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the overview" })).toBeVisible();
});
