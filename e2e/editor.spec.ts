import { expect, test, type Page } from "@playwright/test";
import { newWorkflow, node, signIn } from "./support/editor";
import { ANONYMOUS } from "./support/ui";
import { actionIds, callAction } from "./support/actions";

// Each test signs in itself: the shared e2e/.auth files may be rewritten by a suite running in parallel.
test.use({ storageState: ANONYMOUS });

/** Drags from a step's output handle to another step's input handle: `to` then depends on `from`. */
async function connect(page: Page, from: string, to: string) {
  const src = await page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`).boundingBox();
  const dst = await page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`).boundingBox();
  if (!src || !dst) throw new Error(`handles of ${from} / ${to} not found`);
  await page.mouse.move(src.x + src.width / 2, src.y + src.height / 2);
  await page.mouse.down();
  await page.mouse.move(dst.x + dst.width / 2, dst.y + dst.height / 2, { steps: 8 });
  await page.mouse.up();
}

test("build a diamond on the canvas, refuse a cycle, save versions, diff them and run", async ({ page }) => {
  const name = `Diamond ${Date.now()}`;
  await newWorkflow(page, name);

  // Add three steps from the palette, lay them out, connect a diamond with the mouse.
  await page.getByRole("button", { name: "Add shell step" }).click();
  await page.getByRole("button", { name: "Add delay step" }).click();
  await page.getByRole("button", { name: "Add noop step" }).click();
  await expect(page.getByTestId("step-node")).toHaveCount(4);
  await page.getByRole("button", { name: "Layout ↓" }).click();
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await page.waitForTimeout(300); // the viewport settles before handles are measured
  await connect(page, "start", "shell-1");
  await connect(page, "start", "delay-1");
  await connect(page, "shell-1", "noop-1");
  await connect(page, "delay-1", "noop-1");
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  // Edit a property in the panel: the YAML follows.
  await node(page, "shell-1").click();
  await page.getByLabel("Command").fill("echo diamond");
  await page.getByRole("tab", { name: "code" }).click();
  const code = page.getByLabel("Definition (YAML)");
  await expect(code).toHaveText(/run: echo diamond/, { useInnerText: true });
  await expect(code).toHaveText(/dependsOn:\s*\n\s*- start/, { useInnerText: true });

  // A cycle: red edge, listed with its path, save refused; undo removes it.
  await page.getByRole("button", { name: "Layout →" }).click();
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await page.waitForTimeout(300);
  await connect(page, "noop-1", "start");
  await expect(page.locator(".react-flow__edge.cycle-edge").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Problems" })).toContainText("dependency cycle:");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("save-error")).toContainText("Fix the");
  await page.getByRole("button", { name: "↶ Undo" }).click();
  await expect(page.locator(".react-flow__edge.cycle-edge")).toHaveCount(0);
  // The keyboard does the same: redo brings the cycle back, undo removes it again.
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+Shift+Z");
  await expect(page.locator(".react-flow__edge.cycle-edge").first()).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(page.locator(".react-flow__edge.cycle-edge")).toHaveCount(0);
  await expect(page.getByTestId("problems-ok")).toBeVisible();

  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved as version 2");

  // Reload: the same graph comes back (positions from the layout, not the YAML).
  await page.reload();
  await expect(page.getByTestId("step-node")).toHaveCount(4);
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  // Edit the YAML to add a step: it appears on the canvas; save again.
  await page.getByRole("tab", { name: "code" }).click();
  await expect(code).toHaveText(/id: noop-1/, { useInnerText: true });
  const text = await code.innerText();
  await code.fill(`${text.trimEnd()}\n  - id: extra\n    kind: noop\n    dependsOn: [noop-1]\n`);
  await expect(node(page, "extra")).toBeVisible();
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved as version 3");

  // The diff between the two versions lists the change.
  await page.getByRole("tab", { name: "versions" }).click();
  await expect(page.getByRole("table", { name: "Versions" }).locator("tr[data-version]")).toHaveCount(3);
  await page.getByLabel("From version").selectOption("2");
  await page.getByLabel("To version").selectOption("3");
  await expect(page.getByRole("list", { name: "Changes" })).toContainText("extra added");

  // Run the saved version.
  await page.getByRole("button", { name: "▶ Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
});

test("the code view keeps the last good canvas on a syntax error", async ({ page }) => {
  // CodeMirror injects its styles: the app's Content-Security-Policy must allow them.
  const refused: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
  await newWorkflow(page, `Code ${Date.now()}`);
  await page.getByRole("tab", { name: "code" }).click();
  const code = page.getByLabel("Definition (YAML)");
  // CodeMirror: line numbers and YAML highlighting.
  await expect(page.locator(".cm-lineNumbers .cm-gutterElement", { hasText: /^3$/ })).toBeVisible();
  await expect(page.locator(".cm-line span").first()).toBeVisible();
  await code.fill("name: broken\nsteps:\n  - id: a\n    kind: [noop\n");
  await expect(page.getByRole("list", { name: "Code errors" })).toContainText("line");
  // The error is marked on its line (gutter marker and underline) and the canvas keeps the last good graph.
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  await expect(node(page, "start")).toBeVisible();

  // A schema error (not a syntax error) is shown too.
  await code.fill("name: broken\nsteps:\n  - id: a\n    kind: teleport\n");
  await expect(page.getByRole("list", { name: "Code errors" })).toContainText("line 4");
  await expect(page.locator(".cm-lintRange-error")).toHaveText("    kind: teleport");
  await expect(node(page, "a")).toHaveCount(0);

  // JSON is two-way too: the canvas follows as soon as the text parses.
  await page.getByRole("tab", { name: "JSON" }).click();
  const json = page.getByLabel("Definition (JSON)");
  await expect(json).toHaveText(/"id": "start"/, { useInnerText: true });
  await json.fill(JSON.stringify({ name: "from json", steps: [{ id: "one", kind: "noop" }, { id: "two", kind: "noop", dependsOn: ["one"] }] }, null, 2));
  await expect(node(page, "two")).toBeVisible();
  await expect(node(page, "start")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  // …and the canvas back into the text: undo restores the previous definition.
  await page.getByRole("button", { name: "↶ Undo" }).click();
  await expect(json).toHaveText(/"id": "start"/, { useInnerText: true });
  // A new step is selected (the step panel opens); back in the code view it is in the text.
  await page.getByRole("button", { name: "Add noop step" }).click();
  await page.getByRole("tab", { name: "code" }).click();
  await expect(json).toHaveText(/"id": "noop-1"/, { useInnerText: true });
  expect(refused).toEqual([]);
});

test.describe("as a viewer", () => {
  test("the editor is read-only", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/projects/examples/workflows/basic-workflow/edit");
    await expect(page.getByText("Read-only: your role (viewer)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save version" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add shell step" })).toBeDisabled();
    await page.getByRole("tab", { name: "code" }).click();
    await expect(page.getByLabel("Definition (YAML)")).toHaveAttribute("contenteditable", "false");
  });
});

test("two people saving on the same version: the second gets a conflict, not an overwrite", async ({ page, browser }) => {
  await newWorkflow(page, `Conflict ${Date.now()}`);
  const url = page.url();
  const other = await browser.newPage({ storageState: ANONYMOUS });
  await signIn(other, "admin");
  await other.goto(url);
  await expect(node(other, "start")).toBeVisible();

  await other.getByRole("button", { name: "Add shell step" }).click();
  await other.getByRole("button", { name: "Save version" }).click();
  await expect(other.getByTestId("save-status")).toContainText("Saved as version 2");

  await page.getByRole("button", { name: "Add delay step" }).click();
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("save-error")).toContainText("Someone saved version 2 after you opened version 1");
  await expect(page.getByTestId("save-error").getByRole("button", { name: "Reload" })).toBeVisible();
  await other.close();
});

test("import a definition file, save it and run it with params from the dialog", async ({ page }) => {
  await newWorkflow(page, `Import ${Date.now()}`);
  const yaml = "name: imported\nparams:\n  target:\n    default: staging\nsteps:\n  - id: fetch\n    kind: shell\n    run: echo fetch\n  - id: report\n    kind: noop\n    dependsOn: [fetch]\n";
  await page.getByLabel("Import definition file").setInputFiles({ name: "wf.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) });
  await expect(node(page, "fetch")).toBeVisible();
  await expect(node(page, "report")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  await expect(node(page, "start")).toHaveCount(0);
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved as version 2");
  await page.getByRole("button", { name: "▶ Run…" }).click();
  const dialog = page.getByRole("dialog", { name: "Run parameters" });
  await expect(dialog.getByLabel("target")).toHaveValue("staging");
  await dialog.getByLabel("target").fill("production");
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
});

test("the server re-validates: an invalid definition posted straight to the save action is refused with its problems", async ({ page }) => {
  const name = `Server ${Date.now()}`;
  await newWorkflow(page, name);
  const slug = page.url().split("/workflows/")[1]!.replace(/\/edit$/, "");
  const list = (await (await page.request.get("/api/v1/workflows?project=examples")).json()) as { workflows: { id: string; slug: string }[] };
  const workflowId = list.workflows.find((w) => w.slug === slug)!.id;
  const id = actionIds().get("lib/actions/workflows/save-workflow.ts#saveWorkflowAction")!;
  const source = "name: cyclic\nsteps:\n  - id: a\n    kind: noop\n    dependsOn: [b]\n  - id: b\n    kind: noop\n    dependsOn: [a]\n";
  const res = await callAction(page.request, id, [{ workflowId, baseVersion: 1, source, format: "yaml", layout: { nodes: {} } }]);
  const body = await res.text();
  expect(body).toContain("dependency cycle");
  // Nothing was saved: the editor still opens version 1.
  await page.reload();
  await expect(page.getByTestId("editor-version")).toContainText("v1");
});

test("a big workflow keeps only on-screen steps in the page; fit, layout and problem focus still see every step", async ({ page }) => {
  await newWorkflow(page, `Wide ${Date.now()}`);
  const lines = ["name: wide", "steps:"];
  for (let i = 0; i < 400; i++) lines.push(`  - id: s${i}`, "    kind: noop", ...(i ? [`    dependsOn: [s${i - 1}${i === 399 ? ", s398" : ""}]`] : []));
  await page.getByLabel("Import definition file").setInputFiles({ name: "wide.yaml", mimeType: "application/yaml", buffer: Buffer.from(lines.join("\n") + "\n") });
  const rendered = () => page.locator(".react-flow__node").count();
  await expect.poll(rendered).toBeGreaterThan(0);
  await expect.poll(rendered).toBeLessThan(400);
  const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await page.locator(".react-flow__viewport").getAttribute("style")) ?? "")?.[1] ?? "1");

  // The last step's problem focuses it, though it was never rendered.
  await page.getByRole("list", { name: "Problems" }).getByRole("button", { name: /s399/ }).click();
  await expect(node(page, "s399")).toBeInViewport();

  // A top-to-bottom layout fits the whole column (it would stay at the last zoom if only rendered steps counted).
  await page.getByRole("button", { name: "Layout ↓" }).click();
  await expect.poll(scale).toBeLessThan(0.2);
  await expect.poll(rendered).toBeLessThan(400);
});
