/**
 * "Rerun from a step" on the run page: the preview lists which steps run
 * again and which keep their results, and exactly those then run again
 * (a second attempt each) while the others keep their single attempt.
 */
import { expect, test, type Page } from "@playwright/test";
import { actionIds, callAction } from "./support/actions";
import { createProject, expectSameDocument, markDocument, seedWorkflow, startRun, stepRow, unique, waitForRunEnd } from "./support/live";
import { USERS } from "./support/users";

interface LiveSnapshot {
  status: string;
  tasks: Array<{ stepId: string; attempt: number; status: string }>;
  attempts: Array<{ stepId: string; attempt: number }>;
}

/** Step ids listed in a preview list, in order. */
async function listed(page: Page, name: RegExp): Promise<string[]> {
  const items = page.getByRole("dialog", { name: "Rerun from a step" }).getByRole("list", { name }).locator("li[data-step]");
  return items.evaluateAll((els) => els.map((el) => el.getAttribute("data-step") ?? ""));
}

test.describe("an editor", () => {
  test.use({ storageState: USERS.editor.state });

  test("rerun-from-step preview matches what then runs", async ({ page, request }) => {
    // The seeded diamond: init → lint, test, docs; lint + test → build; build + docs → package.
    await page.goto("/projects/examples/workflows/task-orchestration");
    await page.getByRole("button", { name: "▶ Run" }).click();
    await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
    const runId = page.url().split("/").pop()!;
    expect(await waitForRunEnd(request, runId)).toBe("succeeded");
    const rerunButton = page.getByRole("button", { name: "Rerun from…" });
    await expect(rerunButton).toBeEnabled();
    await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "6");

    // The drawer of a middle step opens the preview for that step.
    await page.getByRole("button", { name: "Open step Lint" }).click();
    const drawer = page.getByRole("dialog", { name: "Lint" });
    await drawer.getByRole("button", { name: "Rerun from this step" }).click();
    const preview = page.getByRole("dialog", { name: "Rerun from a step" });
    await expect(preview.getByLabel("Rerun from")).toHaveValue("lint");
    await expect(preview.getByRole("heading", { name: "Will run again (3)" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Keeps its result (3)" })).toBeVisible();
    const rerun = await listed(page, /Will run again/);
    const keep = await listed(page, /Keeps its result/);
    expect(rerun).toEqual(["lint", "build", "package"]);
    expect(keep).toEqual(["init", "test", "docs"]);

    // Picking another step updates the preview at once.
    await preview.getByLabel("Rerun from").selectOption("docs");
    expect(await listed(page, /Will run again/)).toEqual(["docs", "package"]);
    await preview.getByLabel("Rerun from").selectOption("lint");
    expect(await listed(page, /Will run again/)).toEqual(rerun);

    await markDocument(page);
    await preview.getByRole("button", { name: "Rerun 3 steps" }).click();
    await expect(preview).toHaveCount(0);
    // The page follows the rerun live: lint runs a second attempt, then everything is done again.
    await expect(stepRow(page, "package").getByRole("cell").nth(2)).toHaveText("2", { timeout: 30_000 });
    await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "6");
    expect(await waitForRunEnd(request, runId)).toBe("succeeded");

    // Exactly the previewed steps ran again: 2 attempts each; the kept ones still have 1.
    const res = await request.get(`/api/v1/runs/${runId}/live`);
    expect(res.status()).toBe(200);
    const snap = (await res.json()) as LiveSnapshot;
    const attempts = (id: string) => snap.attempts.filter((a) => a.stepId === id).length;
    for (const id of rerun) expect({ id, attempts: attempts(id), attempt: snap.tasks.find((t) => t.stepId === id)!.attempt }).toEqual({ id, attempts: 2, attempt: 2 });
    for (const id of keep) expect({ id, attempts: attempts(id), attempt: snap.tasks.find((t) => t.stepId === id)!.attempt }).toEqual({ id, attempts: 1, attempt: 1 });
    expect(snap.tasks.every((t) => t.status === "succeeded")).toBe(true);
    for (const id of rerun) await expect(stepRow(page, id).getByRole("cell").nth(2)).toHaveText("2");
    for (const id of keep) await expect(stepRow(page, id).getByRole("cell").nth(2)).toHaveText("1");
    await expectSameDocument(page);
    await page.reload();
    await expect(page.getByRole("list", { name: "Activity" })).toContainText(`run.rerun · from step ${rerun[0]} · runs again ${rerun.slice(0, 5).join(", ")}`);
  });

  test("a run that has not finished cannot be rerun from a step, and a step after a failed kept step is refused with the reason", async ({ page, browser, request }) => {
    const project = await createProject(browser, "Rerun from");
    const wf = await seedWorkflow(
      request,
      project,
      `name: rerun-guard-${unique()}
onFailure: continue
steps:
  - { id: slow, kind: shell, run: "sleep 3; echo slow" }
  - { id: broken, kind: shell, retry: { maxAttempts: 1 }, run: "exit 2" }
  - { id: joined, kind: noop, dependsOn: [slow, broken] }
`,
    );
    const runId = await startRun(request, wf.id);
    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId("stream-mode")).toHaveAttribute("data-mode", "live");
    const rerunButton = page.getByRole("button", { name: "Rerun from…" });
    await expect(rerunButton).toBeDisabled();
    await expect(rerunButton).toHaveAttribute("title", /The run is running: rerun from a step once it has finished\./);

    expect(await waitForRunEnd(request, runId)).toBe("failed");
    await expect(rerunButton).toBeEnabled();
    await rerunButton.click();
    const preview = page.getByRole("dialog", { name: "Rerun from a step" });
    // Opened from the header, it starts at the first step that did not succeed.
    await expect(preview.getByLabel("Rerun from")).toHaveValue("broken");
    expect(await listed(page, /Will run again/)).toEqual(["broken", "joined"]);
    await preview.getByLabel("Rerun from").selectOption("joined");
    expect(await listed(page, /Will run again/)).toEqual(["joined"]);
    await expect(preview.getByTestId("rerun-blocked")).toContainText('step "broken" (failed) keeps its result but did not succeed');
    await expect(preview.getByRole("button", { name: "Rerun 1 step" })).toBeDisabled();
    // A modal dialog: Tab never reaches the page behind it.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest("dialog"))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(preview).toHaveCount(0);

    // The server refuses it too, with the same reason.
    const id = actionIds().get("lib/actions/runs/rerun-from.ts#rerunFromAction")!;
    const refused = await callAction(page.request, id, [{ runId, stepId: "joined" }]);
    expect(await refused.text()).toContain("keeps its result but did not succeed");
    const unknown = await callAction(page.request, id, [{ runId, stepId: "nope" }]);
    expect(await unknown.text()).toContain("This run has no step");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: USERS.viewer.state });

  test("sees rerun from a step disabled and explained, and cannot call the action", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("table", { name: "Runs" }).locator("tr[data-run] a").first().click();
    await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
    const why = "Your role (viewer) can watch runs but not control them.";
    await expect(page.getByRole("button", { name: "Rerun from…" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Rerun from…" })).toHaveAttribute("title", why);
    await page.getByRole("table", { name: "Step states" }).locator("tr[data-step] button").first().click();
    const fromStep = page.getByRole("button", { name: "Rerun from this step" });
    await expect(fromStep).toBeDisabled();
    await expect(fromStep).toHaveAttribute("title", why);
    const id = actionIds().get("lib/actions/runs/rerun-from.ts#rerunFromAction")!;
    const res = await callAction(page.request, id, [{ runId: "any", stepId: "any" }]);
    expect(await res.text()).toContain("Not allowed: this needs the editor role");
  });
});
