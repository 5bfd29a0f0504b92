/**
 * The run page follows a run live over Server-Sent Events: steps change state
 * without a reload, the step drawer tails the log, and the controls (pause,
 * resume, retry failed steps) act on the run.
 */
import { expect, test } from "@playwright/test";
import { actionIds, callAction } from "./support/actions";
import { createProject, dagNode, expectSameDocument, markDocument, seedWorkflow, startRun, stepRow, unique } from "./support/live";
import { USERS } from "./support/users";

/** The workflows of this file live in a project of their own, so the Examples project stays as seeded. */
let project = "";
test.beforeAll(async ({ browser }) => {
  project = await createProject(browser, "Live runs");
});

test("steps turn green live without a reload, and a step's drawer tails its log while it streams", async ({ page, request }) => {
  const wf = await seedWorkflow(
    request,
    project,
    `name: live-tail-${unique()}
steps:
  - { id: prepare, kind: shell, run: "echo ready" }
  - id: stream
    kind: shell
    dependsOn: [prepare]
    run: |
      for i in 1 2 3 4 5 6 7 8 9 10; do echo "tick $i"; sleep 0.4; done
      printf '\\033[32mgreen ok\\033[0m\\n'
      echo "warn: on stderr" >&2
  - { id: finish, kind: noop, dependsOn: [stream] }
`,
  );
  const runId = await startRun(request, wf.id);
  await page.goto(`/runs/${runId}`);
  await markDocument(page);
  await expect(page.getByTestId("stream-mode")).toHaveAttribute("data-mode", "live");
  const progress = page.getByRole("progressbar", { name: "Steps done" });
  expect(Number(await progress.getAttribute("aria-valuenow"))).toBeLessThan(3);

  // The graph opens the drawer of the step that is running.
  await dagNode(page, "stream").getByRole("button").click();
  const drawer = page.getByRole("dialog", { name: "stream" });
  const log = drawer.getByTestId("step-log");
  await expect(log).toContainText("tick 1");
  await expect(stepRow(page, "stream").locator('[data-status="running"]')).toBeVisible();
  await expect(log).toContainText("tick 10");
  // ANSI colours are rendered as styles, never as escape text or markup.
  const green = log.getByText("green ok", { exact: true });
  await expect(green).toHaveCSS("color", "rgb(74, 222, 128)");
  await expect(log).not.toContainText("[32m");
  await expect(log.locator('[data-stream="stderr"]')).toContainText("warn: on stderr");

  await expect(progress).toHaveAttribute("aria-valuenow", "3");
  await expect(stepRow(page, "finish").locator('[data-status="succeeded"]')).toBeVisible();
  await expect(dagNode(page, "stream").locator('[data-status="succeeded"]')).toBeVisible();
  await expect(page.getByTestId("state-counts")).toHaveText("3 succeeded");
  await expectSameDocument(page);

  // Search marks matches; the full log downloads as text with its escapes intact.
  await drawer.getByLabel("Search the log").fill("tick 7");
  await expect(drawer.getByText("1 of 1")).toBeVisible();
  await expect(log.locator("mark")).toHaveText("tick 7");
  const href = await drawer.getByRole("link", { name: "Download full log" }).getAttribute("href");
  const download = await request.get(href!);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  const text = await download.text();
  expect(text).toContain("tick 10");
  expect(text).toContain("\x1b[32mgreen ok");

  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
});

test("a retried step shows every attempt with its exit code and log, and the timeline shows the retry and the critical path", async ({ page }) => {
  await page.goto("/projects/examples/workflows/complex-multi-stage");
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "12", { timeout: 40_000 });

  await page.getByRole("button", { name: "Open step Fetch fixtures (flaky)" }).click();
  const drawer = page.getByRole("dialog", { name: "Fetch fixtures (flaky)" });
  const attempts = drawer.getByRole("table", { name: "Attempts" });
  await expect(attempts.locator("tr[data-attempt]")).toHaveCount(2);
  await expect(attempts.locator('tr[data-attempt="1"]')).toContainText("exit 75");
  await expect(drawer.getByTestId("step-log")).toContainText("fixtures fetched on attempt 2");
  await drawer.getByRole("button", { name: "Show attempt 1" }).click();
  await expect(drawer.getByTestId("step-log")).toContainText("mirror timed out (attempt 1)");
  await expect(drawer.getByRole("list", { name: "State history" })).toContainText("exit-non-zero");
  await drawer.getByRole("button", { name: "Close step details" }).click();

  await page.getByRole("tab", { name: "Timeline" }).click();
  const gantt = page.getByTestId("gantt");
  // Axis labels wrap (SVG tspans), so match across the break.
  await expect(gantt).toContainText(/Fetch fixtures \(flaky\)\s*#1/);
  await expect(gantt).toContainText(/Fetch fixtures \(flaky\)\s*#2/);
  await expect(page.getByRole("list", { name: "Timeline legend" })).toContainText(/critical path: .+ → .+/);
  await expect(gantt.locator("[data-critical]").first()).toBeVisible();
});

test("pause starts nothing new until resume, and the waiting step says why", async ({ page, request }) => {
  const wf = await seedWorkflow(
    request,
    project,
    `name: pause-chain-${unique()}
steps:
  - { id: first, kind: shell, run: "sleep 3; echo first" }
  - { id: second, kind: shell, dependsOn: [first], run: "echo second" }
  - { id: third, kind: shell, dependsOn: [second], run: "echo third" }
`,
  );
  const runId = await startRun(request, wf.id);
  await page.goto(`/runs/${runId}`);
  await markDocument(page);
  // Following live means the page is hydrated: a click before that would be lost.
  await expect(page.getByTestId("stream-mode")).toHaveAttribute("data-mode", "live");
  await expect(stepRow(page, "first").locator('[data-status="running"]')).toBeVisible();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.locator("main").locator('[data-status="paused"]').first()).toBeVisible();

  // The running step finishes; the next one is ready but does not start.
  await expect(stepRow(page, "first").locator('[data-status="succeeded"]')).toBeVisible();
  await expect(stepRow(page, "second").getByTestId("wait-reason")).toHaveText("paused");
  await expect(dagNode(page, "second")).toContainText("paused");
  await page.waitForTimeout(2000);
  await expect(stepRow(page, "second").locator('[data-status="running"], [data-status="succeeded"]')).toHaveCount(0);

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "3");
  await expect(page.locator("main").locator('[data-status="succeeded"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume" })).toBeDisabled();
  await expectSameDocument(page);
});

test("retry failed steps re-runs the failed step and what it blocked, and keeps what succeeded", async ({ page, request }) => {
  const id = unique();
  const wf = await seedWorkflow(
    request,
    project,
    `name: retry-${id}
steps:
  - { id: setup, kind: shell, run: "echo setup" }
  - id: gate
    kind: shell
    dependsOn: [setup]
    retry: { maxAttempts: 1 }
    run: |
      f=/tmp/myrmex-e2e-retry-${id}
      if [ -f "$f" ]; then rm -f "$f"; echo "second try passes"; else touch "$f"; echo "first try fails" >&2; exit 1; fi
  - { id: after, kind: shell, dependsOn: [gate], run: "echo after" }
`,
  );
  const runId = await startRun(request, wf.id);
  await page.goto(`/runs/${runId}`);
  await expect(stepRow(page, "after").locator('[data-status="upstream_failed"]')).toBeVisible();
  await expect(page.locator('main p[role="alert"]')).toBeVisible();
  const retry = page.getByRole("button", { name: "Retry failed steps" });
  await expect(retry).toBeEnabled();
  // The graph renders in the browser only: once it shows, the page is hydrated and the click counts.
  await expect(dagNode(page, "gate")).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await retry.click();
  await expect(stepRow(page, "after").locator('[data-status="succeeded"]')).toBeVisible({ timeout: 20_000 });
  await expect(stepRow(page, "gate").getByRole("cell").nth(2)).toHaveText("2");
  await expect(stepRow(page, "setup").getByRole("cell").nth(2)).toHaveText("1");
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "3");
  await expect(retry).toBeDisabled();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("run.retry");
});

test("a step waiting for a busy pool shows its wait reason in the table and the graph", async ({ page }) => {
  await page.goto("/projects/examples/workflows/resource-management");
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
  await expect(page.getByRole("table", { name: "Step states" }).getByTestId("wait-reason").filter({ hasText: /needs 1 deploy-slot, 0 free of 1/ }).first()).toBeVisible();
  await expect(page.getByTestId("run-dag").getByText(/needs 1 deploy-slot/).first()).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "6", { timeout: 30_000 });
});

test("a shell step's drawer charts its CPU and memory over time", async ({ page }) => {
  await page.goto("/projects/examples/workflows/performance-monitoring");
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "4", { timeout: 30_000 });
  await page.getByRole("button", { name: "Open step CPU-heavy work" }).click();
  const drawer = page.getByRole("dialog", { name: "CPU-heavy work" });
  await expect(drawer.getByTestId("usage-chart").locator("path.recharts-curve").first()).toBeVisible();
  await expect(drawer.getByTestId("step-log")).toContainText("iterations=");
  await expect(drawer.getByText("Outputs")).toBeVisible();
  await expect(drawer.locator("pre")).toContainText("iterations");
});

test.describe("a viewer", () => {
  test.use({ storageState: USERS.viewer.state });

  test("watches a run with every control disabled and explained, and cannot retry by calling the action", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("table", { name: "Runs" }).locator("tr[data-run] a").first().click();
    await expect(page.getByText("Your role (viewer) can watch runs but not control them.")).toBeVisible();
    for (const name of ["Pause", "Resume", "Cancel", "Retry failed steps"]) await expect(page.getByRole("button", { name })).toBeDisabled();
    const id = actionIds().get("lib/actions/runs/retry-run.ts#retryRunAction")!;
    const res = await callAction(page.request, id, [{ runId: "any" }]);
    expect(await res.text()).toContain("Not allowed: this needs the editor role");
  });
});
