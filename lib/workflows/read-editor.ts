/**
 * What the workflow editor needs, as plain DTOs: the latest version (as the
 * author's text when it parses), saved positions, every version for history
 * and diff, and pool capacities so the browser validates like the server.
 */
import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import type { WorkflowInput } from "@/lib/engine/definition";
import { iso } from "@/lib/service-result";
import { loadPoolCapacities } from "@/lib/runtime/engine-host";
import { editableWorkflow } from "./editor/clean";
import type { XY } from "./editor/doc";

export interface EditorData {
  id: string;
  name: string;
  slug: string;
  project: { id: string; slug: string; name: string; status: string };
  baseVersion: number;
  workflow: WorkflowInput;
  layout: Record<string, XY> | null;
  pools: Record<string, number>;
  versions: { number: number; createdAt: string; createdBy: string | null; definition: unknown }[];
}

function layoutOf(raw: unknown): Record<string, XY> | null {
  const nodes = (raw as { nodes?: Record<string, { x?: unknown; y?: unknown }> } | null)?.nodes;
  if (!nodes || typeof nodes !== "object") return null;
  const out: Record<string, XY> = {};
  for (const [id, p] of Object.entries(nodes)) if (typeof p?.x === "number" && typeof p.y === "number") out[id] = { x: p.x, y: p.y };
  return out;
}

export async function readWorkflowForEditor(projectSlug: string, workflowSlug: string): Promise<EditorData | null> {
  const prisma = getPrisma();
  const wf = await prisma.workflow.findFirst({
    where: { slug: workflowSlug, project: { slug: projectSlug } },
    select: {
      id: true,
      name: true,
      slug: true,
      layout: true,
      project: { select: { id: true, slug: true, name: true, status: true } },
      versions: {
        orderBy: { number: "desc" },
        select: { number: true, definition: true, source: true, createdAt: true, createdBy: { select: { email: true } } },
      },
    },
  });
  if (!wf) return null;
  const latest = wf.versions[0];
  const workflow: WorkflowInput = latest ? editableWorkflow(latest.source, latest.definition) : { name: wf.name, steps: [] };
  return {
    id: wf.id,
    name: wf.name,
    slug: wf.slug,
    project: wf.project,
    baseVersion: latest?.number ?? 0,
    workflow,
    layout: layoutOf(wf.layout),
    pools: await loadPoolCapacities(prisma),
    versions: wf.versions.map((v) => ({ number: v.number, createdAt: iso(v.createdAt)!, createdBy: v.createdBy?.email ?? null, definition: v.definition })),
  };
}
