/**
 * `orchestrate projects …` in local mode against a fresh SQLite database:
 * create from a template, edit with optimistic concurrency, the lifecycle
 * (pause, resume, archive, restore), dependencies between projects, delete
 * with its safeguards, and the exit codes and --json shapes of each (remote
 * mode: e2e/cli-remote.spec.ts).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, type CliEnv } from "./cli";

interface ProjectJson {
  id: string;
  name: string;
  slug: string;
  description: string;
  status: string;
  version: number;
  workflowCount: number;
}

let cli: CliEnv;

beforeAll(async () => {
  cli = cliEnv("myrmex-cli-projects-");
  const init = await cli.run(["init"], { timeoutMs: 120_000 });
  expect(init.code, init.stderr).toBe(0);
});

afterAll(() => cli?.remove());

describe("projects", () => {
  it("create: from a template with a derived slug; validation errors exit 2 naming the field; a used slug is a conflict", async () => {
    const created = await cli.run(["projects", "create", "Web Shop", "--template", "web-app", "--description", "the shop", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const p = created.json<ProjectJson>();
    expect(p).toMatchObject({ name: "Web Shop", slug: "web-shop", description: "the shop", status: "active", version: 1, workflowCount: 2 });
    expect(existsSync(path.join(cli.dir, "projects", "web-shop"))).toBe(true);

    const text = await cli.run(["projects", "create", "Numbers", "--slug", "numbers", "--template", "data-pipeline"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Created project Numbers \(numbers\) from the data-pipeline template: \d+ workflows?\.$/m);

    const badTemplate = await cli.run(["projects", "create", "X", "--template", "nope"]);
    expect(badTemplate.code).toBe(2);
    expect(badTemplate.stderr).toContain("template: must be one of empty, web-app, data-pipeline, analysis");
    const badSlug = await cli.run(["projects", "create", "X", "--slug", "Not A Slug", "--json"]);
    expect(badSlug.code).toBe(2);
    expect(badSlug.json()).toMatchObject({ error: expect.stringContaining("slug: must be"), details: { issues: [expect.objectContaining({ path: "slug" })] } });
    const noSlug = await cli.run(["projects", "create", "!!!"]);
    expect(noSlug.code).toBe(2);
    expect(noSlug.stderr).toContain("slug: cannot be derived from the name");

    const taken = await cli.run(["projects", "create", "Web Shop 2", "--slug", "web-shop"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("slug: is already used by another project");

    const listed = (await cli.run(["list-projects", "--json"])).json<ProjectJson[]>().map((x) => x.slug);
    expect(listed).toEqual(["examples", "numbers", "web-shop"]);
  });

  it("edit: saves with the current version, refuses a stale --version (exit 1) and an empty edit (exit 2)", async () => {
    const saved = await cli.run(["projects", "edit", "web-shop", "--name", "Web Store", "--json"]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.json<ProjectJson>()).toMatchObject({ name: "Web Store", description: "the shop", version: 2 });

    const stale = await cli.run(["projects", "edit", "web-shop", "--description", "mine", "--version", "1"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("now version 2, yours 1");
    const withVersion = await cli.run(["projects", "edit", "web-shop", "--description", "mine", "--version", "2"]);
    expect(withVersion.code, withVersion.stderr).toBe(0);
    expect(withVersion.stdout).toContain("Saved project Web Store (web-shop): now version 3.");

    const empty = await cli.run(["projects", "edit", "web-shop"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("give a name or a description to change");
    const tooLong = await cli.run(["projects", "edit", "web-shop", "--name", "x".repeat(101)]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain("name: must be at most 100 characters");
    const badVersion = await cli.run(["projects", "edit", "web-shop", "--name", "Y", "--version", "zero"]);
    expect(badVersion.code).toBe(2);
    const unknown = await cli.run(["projects", "edit", "nope", "--name", "Y"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No project with the slug "nope"');
  });

  it("pause, resume, archive, restore: allowed moves succeed, others are conflicts", async () => {
    const paused = await cli.run(["projects", "pause", "numbers", "--json"]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.json()).toMatchObject({ project: { slug: "numbers", status: "paused" }, dependents: [] });
    const again = await cli.run(["projects", "pause", "numbers"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("A paused project cannot be paused");
    const resumed = await cli.run(["projects", "resume", "numbers"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("Project Numbers (numbers) is active again.");
    expect((await cli.run(["projects", "archive", "numbers"])).code).toBe(0);
    const shown = await cli.run(["projects", "show", "numbers"]);
    expect(shown.stdout).toMatch(/status\s+archived/);
    const readOnly = await cli.run(["projects", "edit", "numbers", "--name", "N"]);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain("archived and read-only");
    expect((await cli.run(["projects", "restore", "numbers", "--json"])).json()).toMatchObject({ project: { status: "active" } });
  });

  it("dependencies: depend, list both ways, cycles and self refused, archive warns with the dependents, undepend", async () => {
    const added = await cli.run(["projects", "depend", "numbers", "--on", "examples", "--json"]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ project: "numbers", dependsOn: [{ slug: "examples", name: "Examples", status: "active" }], dependents: [] });

    const cycle = await cli.run(["projects", "depend", "examples", "--on", "numbers"]);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toContain("would create a cycle: Examples → Numbers → Examples");
    const self = await cli.run(["projects", "depend", "numbers", "--on", "numbers"]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("dependsOn: cannot be the project itself");
    const unknown = await cli.run(["projects", "depend", "numbers", "--on", "nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no project with the slug "nope"');
    expect((await cli.run(["projects", "depend", "numbers", "--on", "examples"])).stderr).toContain("is already listed");

    const listed = await cli.run(["projects", "dependencies", "examples"]);
    expect(listed.stdout).toMatch(/depended on by\s+numbers \(active\)/);
    const archived = await cli.run(["projects", "archive", "examples"]);
    expect(archived.code, archived.stderr).toBe(0);
    expect(archived.stderr).toContain("projects that depend on it: Numbers");
    expect((await cli.run(["projects", "restore", "examples"])).code).toBe(0);

    const removed = await cli.run(["projects", "undepend", "numbers", "--on", "examples", "--json"]);
    expect(removed.json()).toMatchObject({ dependsOn: [], dependents: [] });
    const gone = await cli.run(["projects", "undepend", "numbers", "--on", "examples"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("This dependency no longer exists.");
  });

  it("delete: only archived projects, only with the exact name; --delete-files removes the folder", async () => {
    const notArchived = await cli.run(["projects", "delete", "web-shop", "--confirm", "Web Store"]);
    expect(notArchived.code).toBe(1);
    expect(notArchived.stderr).toContain("Only an archived project can be deleted");
    expect((await cli.run(["projects", "archive", "web-shop"])).code).toBe(0);
    const wrongName = await cli.run(["projects", "delete", "web-shop", "--confirm", "Web Shop"]);
    expect(wrongName.code).toBe(2);
    expect(wrongName.stderr).toContain('confirmName: must be exactly "Web Store"');
    const missing = await cli.run(["projects", "delete", "web-shop"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--confirm <name>");

    const deleted = await cli.run(["projects", "delete", "web-shop", "--confirm", "Web Store", "--delete-files", "--json"]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.json()).toMatchObject({ slug: "web-shop", name: "Web Store" });
    expect(existsSync(path.join(cli.dir, "projects", "web-shop"))).toBe(false);
    expect((await cli.run(["projects", "show", "web-shop"])).code).toBe(1);
  });
});
