/** Helpers shared by the workflow editor's e2e specs. */
import { expect, type Page } from "@playwright/test";
import { USERS, type TestRole } from "./users";

export async function signIn(page: Page, role: TestRole) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(USERS[role].email);
  await page.getByLabel("Password").fill(USERS[role].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

export const node = (page: Page, id: string) => page.locator(`[data-testid="step-node"][data-step="${id}"]`);

/** Signs in as the editor and creates a workflow in the Examples project; the editor opens on it. */
export async function newWorkflow(page: Page, name: string) {
  await signIn(page, "editor");
  await page.goto("/projects/examples");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByLabel("Workflow name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/workflows\/[\w-]+\/edit$/);
  await expect(node(page, "start")).toBeVisible();
}
