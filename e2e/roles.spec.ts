import { expect, request as apiRequest, test } from "@playwright/test";
import { ALERT, ANONYMOUS } from "./support/ui";
import { actionIds, callAction } from "./support/actions";
import { USERS } from "./support/users";

test.describe("a viewer", () => {
  test.use({ storageState: USERS.viewer.state });

  test("reads everything but cannot run, even by forcing the button", async ({ page }) => {
    await page.goto("/projects/examples/workflows/basic-workflow");
    await expect(page.getByTestId("current-role")).toHaveText("viewer");
    const run = page.getByRole("button", { name: "▶ Run" });
    await expect(run).toBeDisabled();
    await expect(page.getByText("Your role (viewer) can read workflows but not run them.")).toBeVisible();

    // Calling the server action directly, with the viewer's own session, is refused by the server.
    const id = actionIds().get("lib/actions/runs/start-run.ts#startRunAction")!;
    const res = await callAction(page.request, id, [{ workflowId: "any" }]);
    expect(await res.text()).toContain("Not allowed: this needs the editor role");
    const control = await callAction(page.request, actionIds().get("lib/actions/runs/control-run.ts#controlRunAction")!, [{ runId: "any", control: "cancel" }]);
    expect(await control.text()).toContain("Not allowed: this needs the editor role");
  });

  test("sees no user management or audit log", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
  });
});

test.describe("an editor", () => {
  test.use({ storageState: USERS.editor.state });

  test("runs a workflow, and the run records who started it", async ({ page }) => {
    await page.goto("/projects/examples/workflows/basic-workflow");
    await page.getByRole("button", { name: "▶ Run" }).click();
    await expect(page).toHaveURL(/\/runs\/[\w-]+$/);
    await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute("aria-valuenow", "3", { timeout: 20_000 });
    await expect(page.getByRole("list", { name: "Activity" })).toContainText(`${USERS.editor.email} run.start`);
  });

  test("cannot open user management", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Users" })).toHaveCount(0);
  });
});

test("signed-out visitors are sent to sign-in, and wrong passwords are refused", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(USERS.viewer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(ALERT)).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(USERS.viewer.email);
  await context.close();
});

test("sign out ends the session", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(USERS.editor.email);
  await page.getByLabel("Password").fill(USERS.editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});

test("API tokens: shown once, act with the owner's role, read-only ones cannot write, revoked ones stop working", async ({ page, request }) => {
  await page.goto("/settings");
  const tokens = page.getByRole("table", { name: "API tokens" });

  await page.getByLabel("Token name").fill("e2e-full");
  await page.getByRole("button", { name: "Create token" }).click();
  const full = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(full).toMatch(/^myx_/);

  await page.getByLabel("Token name").fill("e2e-read");
  await page.getByLabel("Read-only").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).not.toHaveText(full);
  const readOnly = (await page.getByTestId("new-token").textContent())?.trim() ?? "";

  // After a reload the secret is gone from the page; only its prefix remains.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(full);
  await expect(tokens).toContainText(full.slice(0, 10));

  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${full}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).role).toBe("admin");

  const wf = await request.get("/api/v1/runs", { headers: { Authorization: `Bearer ${readOnly}` } });
  expect(wf.status()).toBe(200);
  const write = await request.post("/api/v1/runs/some-run/cancel", { headers: { Authorization: `Bearer ${readOnly}` } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error).toContain("read-only");

  const wrong = await request.get("/api/v1/me", { headers: { Authorization: "Bearer myx_not-a-real-token" } });
  expect(wrong.status()).toBe(401);
  const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
  const none = await anonymous.get("/api/v1/me");
  expect(none.status()).toBe(401);
  expect((await none.json()).error).toContain("not signed in");
  await anonymous.dispose();

  await tokens.locator("tr", { hasText: "e2e-full" }).getByRole("button", { name: "Revoke" }).click();
  await expect(tokens.locator("tr", { hasText: "e2e-full" })).toContainText("revoked");
  const revoked = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${full}` } });
  expect(revoked.status()).toBe(401);
});

test("disabling a user ends their sessions at once", async ({ page, browser }) => {
  const victim = await browser.newContext({ storageState: USERS.viewer.state });
  const victimPage = await victim.newPage();
  await victimPage.goto("/runs");
  await expect(victimPage.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();

  await page.goto("/settings");
  const row = page.getByRole("table", { name: "Users" }).locator(`tr[data-user="${USERS.viewer.email}"]`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");

  await victimPage.reload();
  await expect(victimPage).toHaveURL(/\/sign-in$/);
  await victimPage.getByLabel("Email").fill(USERS.viewer.email);
  await victimPage.getByLabel("Password").fill(USERS.viewer.password);
  await victimPage.getByRole("button", { name: "Sign in" }).click();
  await expect(victimPage.locator(ALERT)).toContainText("disabled");

  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("active");
  await victim.close();
});

test("sign-in attempts are rate-limited per account, through the form and the library's endpoint alike", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ANONYMOUS });
  const email = "brute-force-target@example.test";
  for (let i = 0; i < 10; i++) {
    const res = await context.request.post("/api/auth/sign-in/email", { data: { email, password: `guess-${i}-xxxxxxxx` } });
    // Refused either way: wrong password (401), or the library's own short burst limit (429).
    expect([401, 429], `attempt ${i + 1}`).toContain(res.status());
  }
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("guess-final-xxxxxxxx");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(ALERT)).toContainText("Too many sign-in attempts");
  const direct = await context.request.post("/api/auth/sign-in/email", { data: { email, password: "guess-direct-xxxxxxxx" } });
  expect(direct.status()).toBe(429);
  await context.close();
});
