/**
 * The runs list updates live and filters; the event stream resumes from
 * Last-Event-ID without gap or duplicate.
 */
import { expect, test } from "@playwright/test";
import { createProject, expectSameDocument, markDocument, seedWorkflow, startRun, unique, waitForRunEnd } from "./support/live";

/** The workflows of this file live in a project of their own, so the Examples project stays as seeded. */
let project = "";
test.beforeAll(async ({ browser }) => {
  project = await createProject(browser, "Live runs");
});

test("the runs list shows a run's status and progress change without a reload, and filters by status", async ({ page, request }) => {
  const wf = await seedWorkflow(
    request,
    project,
    `name: list-live-${unique()}
steps:
  - { id: one, kind: shell, run: "sleep 2" }
  - { id: two, kind: shell, dependsOn: [one], run: "sleep 1" }
`,
  );
  const runId = await startRun(request, wf.id);
  await page.goto(`/runs?workflow=${wf.id}`);
  await markDocument(page);
  const row = page.getByRole("table", { name: "Runs" }).locator(`tr[data-run="${runId}"]`);
  await expect(row.locator('[data-status="running"]')).toBeVisible();
  await expect(row.locator('[data-status="succeeded"]')).toBeVisible({ timeout: 20_000 });
  await expect(row.getByTestId("run-progress")).toHaveText("2/2");
  await expect(row).toContainText("by admin@example.test");
  await expectSameDocument(page);

  const filters = page.getByRole("form", { name: "Filter runs" });
  await filters.getByLabel("Status").selectOption("failed");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("No run matches these filters")).toBeVisible();
  await filters.getByLabel("Status").selectOption("succeeded");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("table", { name: "Runs" }).locator("tr[data-run]")).toHaveCount(1);
  await expect(page.getByTestId("runs-total")).toHaveText("1 run · page 1 of 1");
});

test("the event stream resumes from Last-Event-ID with no gap and no duplicate", async ({ page, request }) => {
  const wf = await seedWorkflow(
    request,
    project,
    `name: stream-resume-${unique()}
steps:
  - { id: a, kind: shell, run: "sleep 0.5" }
  - { id: b, kind: shell, dependsOn: [a], run: "sleep 0.5" }
  - { id: c, kind: shell, dependsOn: [b], run: "sleep 0.5" }
  - { id: d, kind: shell, dependsOn: [c], run: "sleep 0.5" }
`,
  );
  const runId = await startRun(request, wf.id);
  await page.goto("/runs");
  // In the browser, with the session cookie: read part of the stream, drop the connection, resume from the last id.
  const seqs = await page.evaluate(async (id) => {
    const read = async (init: RequestInit, stopAfter: number) => {
      const ctl = new AbortController();
      const res = await fetch(`/api/v1/runs/${id}/stream`, { ...init, signal: ctl.signal });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      const got: number[] = [];
      let ended = false;
      while (got.length < stopAfter && !ended) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const blocks = text.split("\n\n");
        text = blocks.pop() ?? "";
        for (const b of blocks) {
          const m = /^id: (\d+)$/m.exec(b);
          if (m) got.push(Number(m[1]));
          if (/^event: end$/m.test(b)) ended = true;
        }
      }
      ctl.abort();
      return { got, ended };
    };
    const first = await read({}, 5);
    const last = first.got.at(-1) ?? 0;
    const rest = await read({ headers: { "Last-Event-ID": String(last) } }, 10_000);
    return { first: first.got, rest: rest.got, ended: rest.ended };
  }, runId);
  expect(seqs.first.length).toBeGreaterThanOrEqual(5);
  expect(seqs.ended).toBe(true);
  await waitForRunEnd(request, runId);
  const all = ((await (await request.get(`/api/v1/runs/${runId}/events?limit=1000`)).json()) as { events: { seq: number }[] }).events.map((e) => e.seq);
  expect([...seqs.first, ...seqs.rest]).toEqual(all);
  expect(all).toEqual(all.map((_, i) => i + 1));
});
