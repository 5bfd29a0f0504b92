/**
 * The REST API for projects against the production server, with tokens made
 * in Settings: create, edit with optimistic concurrency, lifecycle moves,
 * delete with its safeguards, and dependencies between projects (cycles
 * refused with their path); 401, 403, 404, 409 and 422 for each.
 */
import { expect, request as apiRequest, test, type APIRequestContext } from "@playwright/test";
import { apiClients } from "./support/api-clients";
import { ANONYMOUS } from "./support/ui";

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

test.describe.configure({ mode: "serial" });

let viewerToken = "";
let api: APIRequestContext;

test.describe("REST API: projects", () => {
  test.beforeAll(async ({ browser }) => {
    ({ viewerToken, api } = await apiClients(browser, test.info().project.use.baseURL!, "e2e-api-projects"));
  });

  test.afterAll(async () => {
    await api?.dispose();
  });

  test("projects: create (201/409/422), edit with version (200/409), status moves (409), delete (422/409/200), 401/403/404", async () => {
    const created = await api.post("/api/v1/projects", { data: { name: "API Shop", template: "web-app", description: "made by the API" } });
    expect(created.status()).toBe(201);
    const project = await created.json();
    expect(project).toMatchObject({ name: "API Shop", slug: "api-shop", description: "made by the API", status: "active", version: 1, workflowCount: 2 });
    expect((await api.get("/api/v1/projects/api-shop")).status()).toBe(200);

    const taken = await api.post("/api/v1/projects", { data: { name: "Another", slug: "api-shop" } });
    expect(taken.status()).toBe(409);
    expect((await taken.json()).details.issues).toEqual([{ path: "slug", message: "is already used by another project" }]);
    const invalid = await api.post("/api/v1/projects", { data: { name: "", slug: "Bad Slug", template: "nope", extra: 1 } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["name", "slug", "template"]));

    const saved = await api.patch("/api/v1/projects/api-shop", { data: { version: 1, name: "API Store" } });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({ name: "API Store", description: "made by the API", version: 2 });
    const stale = await api.patch("/api/v1/projects/api-shop", { data: { version: 1, description: "lost update" } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toContain("now version 2, yours 1");
    const noVersion = await api.patch("/api/v1/projects/api-shop", { data: { name: "X" } });
    expect(noVersion.status()).toBe(422);
    expect((await noVersion.json()).error).toContain("version:");
    expect((await api.patch("/api/v1/projects/nope", { data: { version: 1, name: "X" } })).status()).toBe(404);

    const paused = await api.post("/api/v1/projects/api-shop/status", { data: { action: "pause" } });
    expect(paused.status()).toBe(200);
    expect(await paused.json()).toMatchObject({ project: { status: "paused" }, dependents: [] });
    expect((await api.post("/api/v1/projects/api-shop/status", { data: { action: "pause" } })).status()).toBe(409);
    expect((await api.post("/api/v1/projects/api-shop/status", { data: { action: "explode" } })).status()).toBe(422);
    expect((await api.post("/api/v1/projects/nope/status", { data: { action: "pause" } })).status()).toBe(404);
    expect((await api.post("/api/v1/projects/api-shop/status", { data: { action: "resume" } })).status()).toBe(200);

    expect((await api.delete("/api/v1/projects/api-shop?confirmName=API%20Store")).status()).toBe(409);
    expect((await api.post("/api/v1/projects/api-shop/status", { data: { action: "archive" } })).status()).toBe(200);
    expect((await (await api.get("/api/v1/projects")).json()).projects.map((p: { slug: string }) => p.slug)).not.toContain("api-shop");
    expect((await api.patch("/api/v1/projects/api-shop", { data: { version: 3, name: "X" } })).status()).toBe(409);
    const wrongName = await api.delete("/api/v1/projects/api-shop?confirmName=API%20Shop");
    expect(wrongName.status()).toBe(422);
    expect((await wrongName.json()).details.issues[0].path).toBe("confirmName");
    expect((await api.delete("/api/v1/projects/api-shop")).status()).toBe(422);

    const viewer = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS, extraHTTPHeaders: { Authorization: `Bearer ${viewerToken}` } });
    expect((await viewer.get("/api/v1/projects/api-shop")).status()).toBe(200);
    expect((await viewer.post("/api/v1/projects", { data: { name: "V" } })).status()).toBe(403);
    expect((await viewer.patch("/api/v1/projects/api-shop", { data: { version: 4, name: "V" } })).status()).toBe(403);
    expect((await viewer.post("/api/v1/projects/api-shop/status", { data: { action: "restore" } })).status()).toBe(403);
    expect((await viewer.delete("/api/v1/projects/api-shop?confirmName=API%20Store")).status()).toBe(403);
    await viewer.dispose();
    const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
    expect((await anonymous.post("/api/v1/projects", { data: { name: "A" } })).status()).toBe(401);
    expect((await anonymous.delete("/api/v1/projects/api-shop?confirmName=API%20Store")).status()).toBe(401);
    await anonymous.dispose();

    const deleted = await api.delete("/api/v1/projects/api-shop?confirmName=API%20Store&deleteFiles=true");
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toEqual({ id: project.id, slug: "api-shop", name: "API Store" });
    expect((await api.get("/api/v1/projects/api-shop")).status()).toBe(404);
    expect((await api.delete("/api/v1/projects/api-shop?confirmName=API%20Store")).status()).toBe(404);
  });
  test("project dependencies: add (201), list both ways, cycle (409 with the path), self (422), archive warns, remove; 401/403/404", async () => {
    for (const name of ["Dep Core", "Dep App"]) expect((await api.post("/api/v1/projects", { data: { name } })).status()).toBe(201);
    const added = await api.put("/api/v1/projects/dep-app/dependencies/dep-core");
    expect(added.status()).toBe(201);
    expect(await added.json()).toMatchObject({ project: "dep-app", dependsOn: [{ slug: "dep-core", name: "Dep Core", status: "active", since: expect.stringMatching(ISO_MS) }], dependents: [] });
    expect(await (await api.get("/api/v1/projects/dep-core/dependencies")).json()).toMatchObject({ dependsOn: [], dependents: [{ slug: "dep-app" }] });

    const cycle = await api.put("/api/v1/projects/dep-core/dependencies/dep-app");
    expect(cycle.status()).toBe(409);
    expect((await cycle.json()).error).toBe("dependsOn: would create a cycle: Dep Core → Dep App → Dep Core");
    expect((await api.put("/api/v1/projects/dep-app/dependencies/dep-core")).status()).toBe(409);
    const self = await api.put("/api/v1/projects/dep-app/dependencies/dep-app");
    expect(self.status()).toBe(422);
    expect((await self.json()).details.issues).toEqual([{ path: "dependsOn", message: expect.stringContaining("cannot be the project itself") }]);
    expect((await api.put("/api/v1/projects/dep-app/dependencies/nope")).status()).toBe(404);
    expect((await api.get("/api/v1/projects/nope/dependencies")).status()).toBe(404);

    const archived = await api.post("/api/v1/projects/dep-core/status", { data: { action: "archive" } });
    expect(await archived.json()).toMatchObject({ dependents: ["Dep App"] });
    expect((await api.post("/api/v1/projects/dep-core/status", { data: { action: "restore" } })).status()).toBe(200);

    const viewer = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS, extraHTTPHeaders: { Authorization: `Bearer ${viewerToken}` } });
    expect((await viewer.get("/api/v1/projects/dep-app/dependencies")).status()).toBe(200);
    expect((await viewer.delete("/api/v1/projects/dep-app/dependencies/dep-core")).status()).toBe(403);
    await viewer.dispose();
    const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
    expect((await anonymous.get("/api/v1/projects/dep-app/dependencies")).status()).toBe(401);
    await anonymous.dispose();

    const removed = await api.delete("/api/v1/projects/dep-app/dependencies/dep-core");
    expect(removed.status()).toBe(200);
    expect(await removed.json()).toMatchObject({ dependsOn: [], dependents: [] });
    expect((await api.delete("/api/v1/projects/dep-app/dependencies/dep-core")).status()).toBe(404);

    // Leave the server as found: the other API specs expect only the Examples project.
    for (const [slug, name] of [["dep-app", "Dep App"], ["dep-core", "Dep Core"]]) {
      expect((await api.post(`/api/v1/projects/${slug}/status`, { data: { action: "archive" } })).status()).toBe(200);
      expect((await api.delete(`/api/v1/projects/${slug}?confirmName=${encodeURIComponent(name!)}`)).status()).toBe(200);
    }
  });
});
