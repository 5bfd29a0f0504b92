/** Workflows to pick a report from, with how many runs each has (one grouped query). */
import type { Db } from "@/lib/db/prisma";

export interface WorkflowOption {
  id: string;
  label: string;
  runs: number;
}

export async function listWorkflowOptions(prisma: Db): Promise<WorkflowOption[]> {
  const [workflows, counts] = await Promise.all([
    prisma.workflow.findMany({ where: { archived: false }, select: { id: true, name: true, project: { select: { slug: true } } }, orderBy: [{ name: "asc" }], take: 1000 }),
    prisma.run.groupBy({ by: ["workflowId"], _count: { _all: true } }),
  ]);
  const runsOf = new Map(counts.map((c) => [c.workflowId, c._count._all]));
  return workflows
    .map((w) => ({ id: w.id, label: `${w.project.slug} / ${w.name}`, runs: runsOf.get(w.id) ?? 0 }))
    .sort((a, b) => Number(b.runs > 0) - Number(a.runs > 0) || a.label.localeCompare(b.label));
}
