/** Helpers of the live-run specs: each test seeds its own workflow through the API. */
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** A short suffix that keeps names unique across tests and reruns. */
export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Imports a workflow into the Examples project (signed-in request: the admin by default). */
export async function seedWorkflow(request: APIRequestContext, source: string): Promise<{ id: string; slug: string; name: string }> {
  const res = await request.post("/api/v1/workflows", { data: { project: "examples", source } });
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
