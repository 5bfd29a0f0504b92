/**
 * The REST API and the remote CLI against the production server, with tokens
 * created through the Settings page: success, 401, 403, 404, 409, 422 on the
 * endpoints the CLI uses; the OpenAPI document; `orchestrate --server …`
 * running and following a workflow on the server; rerun from a step.
 * Projects and their dependencies: e2e/api-projects.spec.ts.
 */
import { expect, request as apiRequest, test, type APIRequestContext } from "@playwright/test";
import { spawnCli, type CliResult } from "./support/cli";
import { apiClients } from "./support/api-clients";
import { ANONYMOUS } from "./support/ui";
import { USERS } from "./support/users";

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The CLI in remote mode: no DATABASE_URL, only the server URL and the token. */
function cli(baseURL: string, token: string, args: string[], input?: string): Promise<CliResult> {
  return spawnCli(args, { MYRMEX_URL: baseURL, MYRMEX_TOKEN: token }, input);
}

const FAILING = `name: api-failing
steps:
  - id: first
    kind: shell
    run: echo first
  - id: broken
    kind: shell
    dependsOn: [first]
    run: echo "no luck" >&2; exit 4
`;

test.describe.configure({ mode: "serial" });

let editorToken = "";
let viewerToken = "";
let api: APIRequestContext;

test.describe("REST API", () => {
  test.beforeAll(async ({ browser }) => {
    ({ editorToken, viewerToken, api } = await apiClients(browser, test.info().project.use.baseURL!, "e2e-api"));
  });

  test.afterAll(async () => {
    await api?.dispose();
  });

  test("projects and workflows: list, get, import (201/200/422/404/409), versions, export", async () => {
    const projects = await api.get("/api/v1/projects");
    expect(projects.status()).toBe(200);
    expect((await projects.json()).projects).toEqual([expect.objectContaining({ slug: "examples", status: "active" })]);
    expect((await api.get("/api/v1/projects?status=bogus")).status()).toBe(422);
    expect((await api.get("/api/v1/projects/examples")).status()).toBe(200);
    const noProject = await api.get("/api/v1/projects/nope");
    expect(noProject.status()).toBe(404);
    expect((await noProject.json()).error).toContain("nope");

    const created = await api.post("/api/v1/workflows", { data: { project: "examples", source: FAILING } });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ created: true, version: 1, workflow: { slug: "api-failing", stepCount: 2, project: { slug: "examples" } } });
    const wfId: string = body.workflow.id;

    const same = await api.post("/api/v1/workflows", { data: { project: "examples", source: FAILING } });
    expect(same.status()).toBe(200);
    expect(await same.json()).toMatchObject({ unchanged: true, version: 1 });

    const invalid = await api.post("/api/v1/workflows", { data: { project: "examples", source: "name: x\nsteps:\n  - id: a\n    kind: nope\n" } });
    expect(invalid.status()).toBe(422);
    const problems = (await invalid.json()).details.problems;
    expect(problems).toEqual([expect.objectContaining({ stepId: "a", field: "kind", line: 4 })]);

    const badBody = await api.post("/api/v1/workflows", { data: { project: "Not A Slug", source: "", extra: 1 } });
    expect(badBody.status()).toBe(422);
    const issues = (await badBody.json()).details.issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining(["project", "source"]));
    expect((await api.post("/api/v1/workflows", { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } })).status()).toBe(400);
    expect((await api.post("/api/v1/workflows", { data: { project: "nope", source: FAILING } })).status()).toBe(404);

    const list = await api.get("/api/v1/workflows?project=examples");
    expect((await list.json()).workflows.map((w: { slug: string }) => w.slug)).toContain("api-failing");
    expect((await api.get(`/api/v1/workflows/${wfId}`)).status()).toBe(200);
    expect((await api.get("/api/v1/workflows/nope")).status()).toBe(404);
    expect((await (await api.get(`/api/v1/workflows/${wfId}/versions`)).json()).versions).toEqual([expect.objectContaining({ number: 1, createdBy: USERS.editor.email })]);

    const yaml = await api.get(`/api/v1/workflows/${wfId}/export?format=yaml`);
    expect(yaml.status()).toBe(200);
    expect(yaml.headers()["content-disposition"]).toContain("api-failing.v1.yaml");
    expect(await yaml.text()).toBe(FAILING);
    expect((await api.get(`/api/v1/workflows/${wfId}/export?format=xml`)).status()).toBe(422);
    expect((await api.get(`/api/v1/workflows/${wfId}/export?version=7`)).status()).toBe(404);
  });

  test("runs: start, follow events (JSON and SSE), logs, report, controls with 409s", async () => {
    const wfs = (await (await api.get("/api/v1/workflows?project=examples")).json()).workflows as { id: string; slug: string }[];
    const failing = wfs.find((w) => w.slug === "api-failing")!;
    const started = await api.post(`/api/v1/workflows/${failing.id}/runs`, { data: {} });
    expect(started.status()).toBe(201);
    const { runId } = await started.json();

    await expect
      .poll(async () => (await (await api.get(`/api/v1/runs/${runId}`)).json()).status, { timeout: 20_000 })
      .toBe("failed");
    const run = await (await api.get(`/api/v1/runs/${runId}`)).json();
    expect(run.tasks.map((t: { stepId: string; status: string }) => [t.stepId, t.status])).toEqual([
      ["first", "succeeded"],
      ["broken", "failed"],
    ]);
    expect(run.startedAt).toMatch(ISO_MS);
    expect(run.trigger).toBe("api");

    const events = (await (await api.get(`/api/v1/runs/${runId}/events?after=0`)).json()).events as { seq: number; type: string; data: { status?: string } }[];
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ type: "run.status", data: { status: "failed" } });

    const sse = await api.get(`/api/v1/runs/${runId}/events`, { headers: { Accept: "text/event-stream", "Last-Event-ID": String(events.length - 1) } });
    expect(sse.headers()["content-type"]).toContain("text/event-stream");
    const text = await sse.text();
    expect(text).toContain(`id: ${events.length}\nevent: run.status`);
    expect(text).not.toContain(`id: ${events.length - 1}\n`);

    const logs = await (await api.get(`/api/v1/runs/${runId}/logs?step=broken`)).json();
    expect(logs).toMatchObject({ stepId: "broken", taskStatus: "failed", done: true });
    expect(logs.chunks.map((c: { text: string }) => c.text).join("")).toContain("no luck");
    expect((await api.get(`/api/v1/runs/${runId}/logs`)).status()).toBe(422);
    expect((await api.get(`/api/v1/runs/${runId}/logs?step=nope`)).status()).toBe(404);

    const csv = await api.get(`/api/v1/runs/${runId}/report?format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\n")[1]).toMatch(/^first,succeeded,1,/);
    const html = await api.get(`/api/v1/workflows/${failing.id}/report?format=html`);
    expect(await html.text()).toContain("<h1>Workflow api-failing");

    const list = await (await api.get("/api/v1/runs?status=failed&project=examples&limit=5")).json();
    expect(list.runs.map((r: { id: string }) => r.id)).toContain(runId);
    expect((await api.get("/api/v1/runs?status=sleeping")).status()).toBe(422);
    expect((await api.get("/api/v1/runs?limit=0")).status()).toBe(422);

    const pause = await api.post(`/api/v1/runs/${runId}/pause`);
    expect(pause.status()).toBe(409);
    expect((await pause.json()).error).toContain("Cannot pause this run");
    expect((await api.post(`/api/v1/runs/${runId}/explode`)).status()).toBe(422);
    expect((await api.post("/api/v1/runs/00000000-0000-4000-8000-000000000000/cancel")).status()).toBe(404);

    const retry = await api.post(`/api/v1/runs/${runId}/retry`);
    expect(retry.status()).toBe(200);
    expect(await retry.json()).toMatchObject({ ok: true, action: "retry", deferred: false });
    await expect
      .poll(async () => (await (await api.get(`/api/v1/runs/${runId}`)).json()).tasks[1].attempts, { timeout: 20_000 })
      .toBe(2);
  });

  test("rerun from a step: preview, 401/403/404/409/422, then exactly the previewed steps run again", async () => {
    const source = `name: api-rerun
steps:
  - { id: fetch, kind: shell, run: echo fetched }
  - { id: check, kind: shell, dependsOn: [fetch], run: exit 3 }
  - { id: publish, kind: shell, dependsOn: [check], run: echo published }
`;
    const created = await api.post("/api/v1/workflows", { data: { project: "examples", source } });
    expect(created.status()).toBe(201);
    const { runId } = await (await api.post(`/api/v1/workflows/${(await created.json()).workflow.id}/runs`, { data: {} })).json();
    await expect.poll(async () => (await (await api.get(`/api/v1/runs/${runId}`)).json()).status, { timeout: 20_000 }).toBe("failed");

    const preview = await api.get(`/api/v1/runs/${runId}/rerun?from=check`);
    expect(preview.status()).toBe(200);
    expect(await preview.json()).toEqual({ runId, stepId: "check", rerun: ["check", "publish"], keep: ["fetch"], runStatus: "failed", blockers: [], refusal: null });
    // "publish" alone would need "check", which keeps its failure: refused, and the preview says why.
    const blocked = await (await api.get(`/api/v1/runs/${runId}/rerun?from=publish`)).json();
    expect(blocked).toMatchObject({ rerun: ["publish"], blockers: [{ stepId: "check", status: "failed", neededBy: "publish" }] });
    expect(blocked.refusal).toContain('"check" (failed)');
    const refused = await api.post(`/api/v1/runs/${runId}/rerun`, { data: { from: "publish" } });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error).toContain("Cannot rerun from");

    expect((await api.get(`/api/v1/runs/${runId}/rerun`)).status()).toBe(422);
    const noStep = await api.post(`/api/v1/runs/${runId}/rerun`, { data: { from: "nope" } });
    expect(noStep.status()).toBe(404);
    expect((await noStep.json()).error).toContain('no step "nope"');
    expect((await api.post("/api/v1/runs/00000000-0000-4000-8000-000000000000/rerun", { data: { from: "check" } })).status()).toBe(404);
    const badBody = await api.post(`/api/v1/runs/${runId}/rerun`, { data: { from: "" } });
    expect(badBody.status()).toBe(422);
    expect((await badBody.json()).error).toContain("from: is required");

    const viewer = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS, extraHTTPHeaders: { Authorization: `Bearer ${viewerToken}` } });
    expect((await viewer.get(`/api/v1/runs/${runId}/rerun?from=check`)).status()).toBe(200);
    expect((await viewer.post(`/api/v1/runs/${runId}/rerun`, { data: { from: "check" } })).status()).toBe(403);
    await viewer.dispose();
    const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
    expect((await anonymous.post(`/api/v1/runs/${runId}/rerun`, { data: { from: "check" } })).status()).toBe(401);
    await anonymous.dispose();

    const rerun = await api.post(`/api/v1/runs/${runId}/rerun`, { data: { from: "check" } });
    expect(rerun.status()).toBe(200);
    expect(await rerun.json()).toEqual({ runId, stepId: "check", rerun: ["check", "publish"], keep: ["fetch"] });
    await expect.poll(async () => (await (await api.get(`/api/v1/runs/${runId}`)).json()).status, { timeout: 20_000 }).toBe("failed");
    const after = await (await api.get(`/api/v1/runs/${runId}`)).json();
    expect(after.tasks.map((t: { stepId: string; attempts: number; status: string }) => [t.stepId, t.attempts, t.status])).toEqual([
      ["fetch", 1, "succeeded"],
      ["check", 2, "failed"],
      ["publish", 0, "upstream_failed"],
    ]);
  });

  test("pools, status, health; viewers read but cannot write (403); anonymous callers get 401", async () => {
    const put = await api.put("/api/v1/pools/e2e-licences", { data: { capacity: 3, description: "Licences" } });
    expect(put.status()).toBe(201);
    expect(await put.json()).toMatchObject({ name: "e2e-licences", capacity: 3, inUse: 0 });
    expect((await api.put("/api/v1/pools/e2e-licences", { data: { capacity: 5 } })).status()).toBe(200);
    const bad = await api.put("/api/v1/pools/e2e-licences", { data: { capacity: -1 } });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error).toContain("capacity");
    expect((await api.put("/api/v1/pools/cpu", { data: { capacity: 1 } })).status()).toBe(409);
    expect((await api.delete("/api/v1/pools/deploy-slot")).status()).toBe(409);
    expect((await (await api.get("/api/v1/pools")).json()).pools.map((p: { name: string }) => p.name)).toContain("e2e-licences");
    expect((await api.delete("/api/v1/pools/e2e-licences")).status()).toBe(200);
    expect((await api.delete("/api/v1/pools/e2e-licences")).status()).toBe(404);

    const status = await (await api.get("/api/v1/status")).json();
    expect(status.workers).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "server", alive: true })]));
    expect(status.pools.length).toBeGreaterThanOrEqual(3);

    const ready = await api.get("/api/health/ready");
    expect([200, 503]).toContain(ready.status());
    const report = await ready.json();
    expect(report.components.map((c: { name: string }) => c.name)).toEqual(["database", "migrations", "scheduler", "event-loop", "stuck-runs", "disk", "memory", "shell-spawner"]);
    expect(report.components.find((c: { name: string }) => c.name === "scheduler")).toMatchObject({ status: "healthy" });

    const viewer = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS, extraHTTPHeaders: { Authorization: `Bearer ${viewerToken}` } });
    expect((await viewer.get("/api/v1/pools")).status()).toBe(200);
    const denied = await viewer.put("/api/v1/pools/x", { data: { capacity: 1 } });
    expect(denied.status()).toBe(403);
    expect((await denied.json()).error).toContain("needs the editor role");
    expect((await viewer.post("/api/v1/workflows", { data: {} })).status()).toBe(403);
    await viewer.dispose();

    const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
    expect((await anonymous.get("/api/health")).status()).toBe(200);
    expect(Object.keys(await (await anonymous.get("/api/health")).json()).sort()).toEqual(["checkedAt", "status"]);
    expect((await anonymous.get("/api/health/ready")).status()).toBe(401);
    expect((await anonymous.get("/api/v1/openapi.json")).status()).toBe(401);
    await anonymous.dispose();
  });

  test("the OpenAPI document describes routes that all exist", async () => {
    const res = await api.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        const url = p.replace(/\{[^}]+\}/g, "does-not-exist");
        const r = await api.fetch(url, { method, data: method === "get" || method === "delete" ? undefined : {} });
        // The route exists: never the framework's 404 page or 405. (Unknown ids give a JSON 404.)
        expect(r.status(), `${method.toUpperCase()} ${p}`).not.toBe(405);
        if (r.status() === 404) expect((await r.json()).error, `${method.toUpperCase()} ${p}`).toBeTruthy();
      }
    }
  });

  test("the remote CLI runs and follows a workflow on the server, with the same output as local mode", async () => {
    const baseURL = test.info().project.use.baseURL!;
    const run = await cli(baseURL, editorToken, ["run-workflow", "basic-workflow", "--project", "examples", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["id", "status", "startedAt", "finishedAt", "tasks"]);
    expect(json.status).toBe("succeeded");
    expect(json.tasks.map((t: { stepId: string; attempts: number }) => [t.stepId, t.attempts])).toEqual([
      ["greet", 1],
      ["collect", 1],
      ["summarize", 1],
    ]);

    const failing = await cli(baseURL, editorToken, ["run-workflow", "api-failing"]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/✗ broken\s+failed \(exit 4, exit-non-zero\)/);
    expect(failing.stdout).toContain("2 steps: 1 succeeded, 1 failed");

    const list = await cli(baseURL, viewerToken, ["list-workflows", "--project", "examples"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/basic-workflow\s+examples\s+3\s+v1\s+succeeded/);

    const invalid = await cli(baseURL, editorToken, ["import", "-", "--project", "examples"], "name: y\nsteps:\n  - id: a\n    kind: shell\n    dependsOn: [zz]\n");
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('step a, dependsOn (line 5): unknown step "zz"');

    const denied = await cli(baseURL, viewerToken, ["pools", "set", "x", "--capacity", "1"]);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain("needs the editor role");

    const health = await cli(baseURL, viewerToken, ["health", "--json"]);
    expect([0, 3]).toContain(health.code);
    expect(JSON.parse(health.stdout).components.find((c: { name: string }) => c.name === "scheduler").status).toBe("healthy");

    const logs = await cli(baseURL, viewerToken, ["logs", json.id, "greet"]);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain("Hello from Myrmex");

    const wrongToken = await cli(baseURL, "myx_wrong", ["status"]);
    expect(wrongToken.code).toBe(4);
    expect(wrongToken.stderr).toContain("not signed in");
  });
});
