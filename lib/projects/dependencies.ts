/**
 * Dependencies between projects ("project depends on dependsOn"): add with
 * self, duplicate, archived-target and cycle checks (the cycle is reported as
 * a path, `a → b → c → a`), remove, and the graph around a project. Every
 * change is audited. Plain module: no Next.js imports.
 */
import { buildDag, findCycles, topoSort } from "@/lib/engine/graph";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/db/errors";
import type { ProjectResult } from "./service";

export interface DependencyNode {
  id: string;
  name: string;
  slug: string;
  status: string;
}

export interface DependencyGraph {
  /** The project the graph is drawn around. */
  centerId: string;
  nodes: DependencyNode[];
  /** `from` depends on `to`. */
  edges: { from: string; to: string }[];
}

type Edge = { projectId: string; dependsOnId: string };

/** Who makes a change, for the audit log (a signed-in principal, or the local CLI's label). */
export type DependencyActor = { userId: string | null; label: string } | null;

async function audit(prisma: Db, principal: DependencyActor, action: string, projectId: string, details: Record<string, string>): Promise<void> {
  try {
    await prisma.auditEntry.create({
      data: { actorId: principal?.userId ?? null, actorLabel: principal?.label ?? "system", action, targetType: "project", targetId: projectId, projectId, details },
    });
  } catch (err) {
    console.error("audit entry could not be written", { action, err });
  }
}

/**
 * The cycle that the edge `from → to` would close, as project ids with the
 * first repeated at the end and starting at `from`; null when none. Uses the
 * engine's DAG cycle finding over every project edge plus the new one.
 */
export function cycleWith(edges: readonly Edge[], from: string, to: string): string[] | null {
  const deps = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    if (!deps.has(b)) deps.set(b, []);
    const list = deps.get(a);
    if (list) list.push(b);
    else deps.set(a, [b]);
  };
  for (const e of edges) add(e.projectId, e.dependsOnId);
  add(from, to);
  const dag = buildDag([...deps].map(([id, dependsOn]) => ({ id, dependsOn })));
  const { leftover } = topoSort(dag);
  if (leftover.length === 0) return null;
  // The graph was acyclic before, so every cycle now runs through from → to.
  const cycle = findCycles(dag, leftover).map((c) => c.map((i) => dag.ids[i]!)).find((c) => c.includes(from)) ?? null;
  if (!cycle) return null;
  const ring = cycle.slice(0, -1);
  const at = ring.indexOf(from);
  const rotated = [...ring.slice(at), ...ring.slice(0, at)];
  return [...rotated, from];
}

/** Makes `projectId` depend on `dependsOnId`. */
export async function addDependency(
  input: { projectId: string; dependsOnId: string },
  principal: DependencyActor,
  prisma: Db = getPrisma(),
): Promise<ProjectResult<{ projectId: string; dependsOnId: string }>> {
  const [project, target] = await Promise.all([
    prisma.project.findUnique({ where: { id: input.projectId }, select: { id: true, name: true, status: true } }),
    prisma.project.findUnique({ where: { id: input.dependsOnId }, select: { id: true, name: true, status: true } }),
  ]);
  if (!project) return { ok: false, status: 404, error: "This project no longer exists." };
  if (!target) return { ok: false, status: 404, field: "dependsOnId", error: "is not an existing project" };
  if (project.status === "archived") return { ok: false, status: 409, error: "This project is archived and read-only: restore it to change its dependencies." };
  if (project.id === target.id) return { ok: false, status: 422, field: "dependsOnId", error: "cannot be the project itself: a project cannot depend on itself" };
  if (target.status === "archived") return { ok: false, status: 422, field: "dependsOnId", error: `is the archived project "${target.name}": restore it before depending on it` };
  const existing = await prisma.projectDependency.findUnique({ where: { projectId_dependsOnId: { projectId: project.id, dependsOnId: target.id } } });
  if (existing) return { ok: false, status: 409, field: "dependsOnId", error: `is already listed: "${project.name}" depends on "${target.name}"` };

  const cycleError = async (cycle: string[]): Promise<ProjectResult<never>> => {
    const names = new Map((await prisma.project.findMany({ where: { id: { in: cycle } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
    return { ok: false, status: 409, field: "dependsOnId", error: `would create a cycle: ${cycle.map((id) => names.get(id) ?? id).join(" → ")}` };
  };
  const isNew = (e: Edge) => e.projectId === project.id && e.dependsOnId === target.id;
  const before = await prisma.projectDependency.findMany({ select: { projectId: true, dependsOnId: true } });
  const cycle = cycleWith(before, project.id, target.id);
  if (cycle) return cycleError(cycle);
  try {
    await prisma.projectDependency.create({ data: { projectId: project.id, dependsOnId: target.id } });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, status: 409, field: "dependsOnId", error: `is already listed: "${project.name}" depends on "${target.name}"` };
    throw err;
  }
  // Someone may have added the reverse path meanwhile: check again with every edge now stored and
  // take ours back if it closes a cycle (when two such adds race, both are refused, never both kept).
  const after = await prisma.projectDependency.findMany({ select: { projectId: true, dependsOnId: true } });
  const raced = cycleWith(after.filter((e) => !isNew(e)), project.id, target.id);
  if (raced) {
    await prisma.projectDependency.deleteMany({ where: { projectId: project.id, dependsOnId: target.id } });
    return cycleError(raced);
  }
  await audit(prisma, principal, "project.dependency.add", project.id, { dependsOn: target.name, dependsOnId: target.id });
  return { ok: true, data: { projectId: project.id, dependsOnId: target.id } };
}

/** Removes the edge `projectId → dependsOnId`. */
export async function removeDependency(
  input: { projectId: string; dependsOnId: string },
  principal: DependencyActor,
  prisma: Db = getPrisma(),
): Promise<ProjectResult<{ projectId: string; dependsOnId: string }>> {
  const project = await prisma.project.findUnique({ where: { id: input.projectId }, select: { id: true, status: true } });
  if (!project) return { ok: false, status: 404, error: "This project no longer exists." };
  if (project.status === "archived") return { ok: false, status: 409, error: "This project is archived and read-only: restore it to change its dependencies." };
  const res = await prisma.projectDependency.deleteMany({ where: { projectId: input.projectId, dependsOnId: input.dependsOnId } });
  if (res.count === 0) return { ok: false, status: 404, error: "This dependency no longer exists." };
  const target = await prisma.project.findUnique({ where: { id: input.dependsOnId }, select: { name: true } });
  await audit(prisma, principal, "project.dependency.remove", project.id, { dependsOn: target?.name ?? input.dependsOnId, dependsOnId: input.dependsOnId });
  return { ok: true, data: { projectId: input.projectId, dependsOnId: input.dependsOnId } };
}

/**
 * The project's neighbourhood: every project it depends on and every project
 * that depends on it, transitively, with the edges among them.
 */
export async function dependencyGraph(projectId: string, prisma: Db = getPrisma()): Promise<DependencyGraph> {
  const edges = await prisma.projectDependency.findMany({ select: { projectId: true, dependsOnId: true }, orderBy: { createdAt: "asc" } });
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const e of edges) {
    up.set(e.projectId, [...(up.get(e.projectId) ?? []), e.dependsOnId]);
    down.set(e.dependsOnId, [...(down.get(e.dependsOnId) ?? []), e.projectId]);
  }
  const seen = new Set([projectId]);
  for (const next of [up, down]) {
    const queue = [projectId];
    while (queue.length) {
      for (const n of next.get(queue.shift()!) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
  }
  const nodes = await prisma.project.findMany({ where: { id: { in: [...seen] } }, select: { id: true, name: true, slug: true, status: true }, orderBy: { name: "asc" } });
  return {
    centerId: projectId,
    nodes,
    edges: edges.filter((e) => seen.has(e.projectId) && seen.has(e.dependsOnId)).map((e) => ({ from: e.projectId, to: e.dependsOnId })),
  };
}

/** What a project depends on and what depends on it (direct edges), by name. */
export async function directDependencies(projectId: string, prisma: Db = getPrisma()) {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: {
      dependsOn: { select: { createdAt: true, dependsOn: { select: { id: true, name: true, slug: true, status: true } } }, orderBy: { createdAt: "asc" } },
      dependents: { select: { createdAt: true, project: { select: { id: true, name: true, slug: true, status: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  return {
    dependsOn: project?.dependsOn.map((d) => ({ ...d.dependsOn, since: d.createdAt })) ?? [],
    dependents: project?.dependents.map((d) => ({ ...d.project, since: d.createdAt })) ?? [],
  };
}
