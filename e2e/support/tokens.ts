import { expect, type Page } from "@playwright/test";

/** Creates a personal API token through Settings (as the page's user) and returns it. */
export async function createToken(page: Page, name: string, readOnly = false): Promise<string> {
  await page.goto("/settings");
  await page.getByLabel("Token name").fill(name);
  if (readOnly) await page.getByLabel("Read-only").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toContainText("myx_");
  return ((await page.getByTestId("new-token").textContent()) ?? "").trim();
}
