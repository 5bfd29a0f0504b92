/** Project dependencies (lib/projects/dependencies.ts) on both providers: edges, cycle path, graph, cascade. */
import { describe, expect, it } from "vitest";
import { addDependency, dependencyGraph, removeDependency } from "@/lib/projects/dependencies";
import { PROVIDERS, uniq, useTestDb } from "./helpers";

describe.each(PROVIDERS)("project dependencies on %s", (provider) => {
  const t = useTestDb(provider);

  it("adds edges, refuses the cycle with its path, draws the graph and cascades on delete", async () => {
    const prisma = t.prisma;
    const make = async (name: string) => (await prisma.project.create({ data: { name, slug: uniq(name.toLowerCase()) }, select: { id: true } })).id;
    const [a, b, c] = [await make("A"), await make("B"), await make("C")];
    expect((await addDependency({ projectId: a, dependsOnId: b }, null, prisma)).ok).toBe(true);
    expect((await addDependency({ projectId: b, dependsOnId: c }, null, prisma)).ok).toBe(true);
    expect(await addDependency({ projectId: a, dependsOnId: b }, null, prisma)).toMatchObject({ ok: false, status: 409 });
    expect(await addDependency({ projectId: c, dependsOnId: a }, null, prisma)).toMatchObject({ ok: false, error: "would create a cycle: C → A → B → C" });

    const graph = await dependencyGraph(a, prisma);
    expect(graph.nodes.map((n) => n.name).sort()).toEqual(["A", "B", "C"]);
    expect(graph.edges).toHaveLength(2);
    expect(await prisma.auditEntry.count({ where: { projectId: { in: [a, b] }, action: "project.dependency.add" } })).toBe(2);

    expect((await removeDependency({ projectId: a, dependsOnId: b }, null, prisma)).ok).toBe(true);
    await prisma.project.delete({ where: { id: c } });
    expect(await prisma.projectDependency.count({ where: { OR: [{ projectId: { in: [a, b, c] } }, { dependsOnId: { in: [a, b, c] } }] } })).toBe(0);
  });
});
