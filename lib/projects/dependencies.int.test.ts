/**
 * Project dependencies on a real (SQLite) database: self, duplicate, archived
 * target and cycles refused (the cycle named as a path), audit entries, the
 * graph around a project, and edges removed with a deleted project.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { copyDb, createDbTemplate, type DbTemplate } from "@/tests/engine/db";
import { addDependency, cycleWith, dependencyGraph, removeDependency } from "./dependencies";

const editor: Principal = { userId: "u-editor", email: "editor@example.test", name: "Eddie", role: "editor", readOnly: false, via: "session", label: "editor@example.test" };

let template: DbTemplate;
let prisma: Db;
let ids: Record<string, string>;

async function project(name: string, status: "active" | "paused" | "archived" = "active"): Promise<string> {
  const slug = name.toLowerCase();
  return (await prisma.project.create({ data: { name, slug, status }, select: { id: true } })).id;
}

beforeAll(async () => {
  template = await createDbTemplate("myrmex-deps-");
});

beforeEach(async () => {
  await prisma?.$disconnect();
  prisma = createPrisma({ url: copyDb(template).url });
  await prisma.user.create({ data: { id: editor.userId, name: editor.name, email: editor.email, role: "editor" } });
  ids = {};
  for (const name of ["Alpha", "Beta", "Gamma", "Delta"]) ids[name] = await project(name);
  ids.Old = await project("Old", "archived");
});

afterAll(async () => {
  await prisma?.$disconnect();
  template?.remove();
});

const add = (from: string, to: string) => addDependency({ projectId: ids[from]!, dependsOnId: ids[to]! }, editor, prisma);

describe("adding dependencies", () => {
  it("adds an edge and audits it on the dependent project", async () => {
    const res = await add("Alpha", "Beta");
    expect(res.ok).toBe(true);
    expect(await prisma.projectDependency.count({ where: { projectId: ids.Alpha, dependsOnId: ids.Beta } })).toBe(1);
    const audit = await prisma.auditEntry.findMany({ where: { projectId: ids.Alpha } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([["project.dependency.add", "editor@example.test"]]);
    expect(audit[0]!.details).toMatchObject({ dependsOn: "Beta" });
  });

  it("refuses a project depending on itself", async () => {
    const res = await add("Alpha", "Alpha");
    expect(res).toMatchObject({ ok: false, field: "dependsOnId", status: 422 });
    expect(!res.ok && res.error).toContain("cannot be the project itself");
    expect(await prisma.projectDependency.count()).toBe(0);
  });

  it("refuses a duplicate edge", async () => {
    expect((await add("Alpha", "Beta")).ok).toBe(true);
    const again = await add("Alpha", "Beta");
    expect(again).toMatchObject({ ok: false, status: 409, field: "dependsOnId" });
    expect(!again.ok && again.error).toBe('is already listed: "Alpha" depends on "Beta"');
    expect(await prisma.projectDependency.count()).toBe(1);
  });

  it("refuses a cycle and names its path, starting at the project being edited", async () => {
    expect((await add("Alpha", "Beta")).ok).toBe(true);
    expect((await add("Beta", "Gamma")).ok).toBe(true);
    const res = await add("Gamma", "Alpha");
    expect(res).toMatchObject({ ok: false, status: 409, field: "dependsOnId" });
    expect(!res.ok && res.error).toBe("would create a cycle: Gamma → Alpha → Beta → Gamma");
    // Two-project cycle.
    const back = await add("Beta", "Alpha");
    expect(!back.ok && back.error).toBe("would create a cycle: Beta → Alpha → Beta");
    expect(await prisma.projectDependency.count()).toBe(2);
    // A diamond is not a cycle.
    expect((await add("Alpha", "Delta")).ok).toBe(true);
    expect((await add("Delta", "Gamma")).ok).toBe(true);
  });

  it("two adds racing to close a cycle never both stay", async () => {
    const results = await Promise.all([add("Alpha", "Beta"), add("Beta", "Alpha")]);
    const edges = await prisma.projectDependency.findMany({ select: { projectId: true, dependsOnId: true } });
    expect(edges.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.ok)).toHaveLength(edges.length);
    for (const r of results) if (!r.ok) expect(r.error).toMatch(/^would create a cycle: (Alpha|Beta) → (Alpha|Beta) → (Alpha|Beta)$/);
  });

  it("refuses an archived target, an archived dependent and unknown projects", async () => {
    expect(await add("Alpha", "Old")).toMatchObject({ ok: false, field: "dependsOnId", error: 'is the archived project "Old": restore it before depending on it' });
    expect(await add("Old", "Alpha")).toMatchObject({ ok: false, status: 409 });
    expect(await addDependency({ projectId: ids.Alpha!, dependsOnId: "nope" }, editor, prisma)).toMatchObject({ ok: false, status: 404, field: "dependsOnId" });
    expect(await addDependency({ projectId: "nope", dependsOnId: ids.Alpha! }, editor, prisma)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("removing and reading", () => {
  it("removes an edge (audited) and reports one already gone", async () => {
    await add("Alpha", "Beta");
    expect((await removeDependency({ projectId: ids.Alpha!, dependsOnId: ids.Beta! }, editor, prisma)).ok).toBe(true);
    expect(await prisma.projectDependency.count()).toBe(0);
    expect(await prisma.auditEntry.count({ where: { projectId: ids.Alpha, action: "project.dependency.remove" } })).toBe(1);
    expect(await removeDependency({ projectId: ids.Alpha!, dependsOnId: ids.Beta! }, editor, prisma)).toMatchObject({ ok: false, status: 404 });
  });

  it("draws the neighbourhood: everything upstream and downstream, not unrelated projects", async () => {
    await add("Alpha", "Beta");
    await add("Beta", "Gamma");
    const g = await dependencyGraph(ids.Beta!, prisma);
    expect(g.nodes.map((n) => n.name).sort()).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(g.edges).toEqual([
      { from: ids.Alpha, to: ids.Beta },
      { from: ids.Beta, to: ids.Gamma },
    ]);
    expect((await dependencyGraph(ids.Delta!, prisma)).nodes.map((n) => n.name)).toEqual(["Delta"]);
  });

  it("deleting a project removes its edges both ways (cascade)", async () => {
    await add("Alpha", "Beta");
    await add("Beta", "Gamma");
    await add("Delta", "Gamma");
    await prisma.project.delete({ where: { id: ids.Beta } });
    const left = await prisma.projectDependency.findMany({ select: { projectId: true, dependsOnId: true } });
    expect(left).toEqual([{ projectId: ids.Delta, dependsOnId: ids.Gamma }]);
  });
});

describe("cycleWith (pure)", () => {
  it("finds only cycles through the new edge, rotated to start at it", () => {
    const edges = [
      { projectId: "a", dependsOnId: "b" },
      { projectId: "b", dependsOnId: "c" },
      { projectId: "x", dependsOnId: "y" },
    ];
    expect(cycleWith(edges, "c", "a")).toEqual(["c", "a", "b", "c"]);
    expect(cycleWith(edges, "a", "c")).toBeNull();
    expect(cycleWith(edges, "y", "x")).toEqual(["y", "x", "y"]);
  });
});
