import { expect, test as setup, type Browser } from "@playwright/test";
import { ANONYMOUS } from "./support/ui";
import { USERS } from "./support/users";

async function signIn(browser: Browser, who: (typeof USERS)[keyof typeof USERS]) {
  const context = await browser.newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await context.storageState({ path: who.state });
  await context.close();
}

setup("a fresh install asks for the owner, then the owner adds an editor and a viewer", async ({ page, browser }) => {
  // Empty database: any page leads to the owner setup, with no default password anywhere.
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();

  // Validation errors appear next to their fields and keep what was typed.
  await page.getByLabel("Name").fill(USERS.admin.name);
  await page.getByLabel("Email").fill(USERS.admin.email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create owner and sign in" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(USERS.admin.email);

  await page.getByLabel("Password", { exact: true }).fill(USERS.admin.password);
  await page.getByLabel("Confirm password").fill(USERS.admin.password);
  await page.getByRole("button", { name: "Create owner and sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("current-role")).toHaveText("admin");
  await page.context().storageState({ path: USERS.admin.state });

  // Setup is closed once an owner exists.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);

  await page.goto("/settings");
  for (const role of ["editor", "viewer"] as const) {
    const u = USERS[role];
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Add a user" }) });
    await form.getByLabel("Name").fill(u.name);
    await form.getByLabel("Email").fill(u.email);
    await form.getByLabel("Initial password").fill(u.password);
    await form.getByLabel("Role").selectOption(role);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("table", { name: "Users" }).locator(`tr[data-user="${u.email}"]`)).toBeVisible();
  }
  await signIn(browser, USERS.editor);
  await signIn(browser, USERS.viewer);
});
