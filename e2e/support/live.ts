/** Helpers of the live-run specs: each test seeds its own workflow through the API. */
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { USERS } from "./users";

/** A short suffix that keeps names unique across tests and reruns. */
export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates a project of its own for a spec file's workflows (through the New project page, as the admin); returns its slug. */
export async function createProject(browser: Browser, prefix: string): Promise<string> {
  const page = await browser.newPage({ storageState: USERS.admin.state });
  await page.goto("/projects/new");
  const name = `${prefix} ${unique()}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}$`));
  await page.close();
  return slug;
}

/** Imports a workflow into `project` (signed-in request: the admin by default). */
export async function seedWorkflow(request: APIRequestContext, project: string, source: string): Promise<{ id: string; slug: string; name: string }> {
  const res = await request.post("/api/v1/workflows", { data: { project, source } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { workflow: { id: string; slug: string; name: string } }).workflow;
}

export async function startRun(request: APIRequestContext, workflowId: string): Promise<string> {
  const res = await request.post(`/api/v1/workflows/${workflowId}/runs`, { data: {} });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { runId: string }).runId;
}

/** Waits (through the API) until the run has a final status. */
export async function waitForRunEnd(request: APIRequestContext, runId: string, timeoutMs = 60_000): Promise<string> {
  let status = "";
  await expect
    .poll(
      async () => {
        status = ((await (await request.get(`/api/v1/runs/${runId}`)).json()) as { status: string }).status;
        return ["succeeded", "failed", "cancelled"].includes(status);
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return status;
}

/** Marks the document: if the page reloads, the mark is gone. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __liveMark?: boolean }).__liveMark = true;
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __liveMark?: boolean }).__liveMark), "the page was not reloaded").toBe(true);
}

/** A step row of the run page's step table. */
export const stepRow = (page: Page, stepId: string) => page.getByRole("table", { name: "Step states" }).locator(`tr[data-step="${stepId}"]`);

/** A step node of the run page's graph. */
export const dagNode = (page: Page, stepId: string) => page.getByTestId("run-dag").locator(`[data-step="${stepId}"]`);
