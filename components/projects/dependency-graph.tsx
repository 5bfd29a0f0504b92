"use client";

import { MarkerType, type Edge } from "@xyflow/react";
import { useMemo } from "react";
import { ReadOnlyFlow } from "@/components/ui/read-only-flow";
import { layoutDag } from "@/lib/live/dag-layout";
import type { DependencyGraph as Graph } from "@/lib/projects/dependencies";
import { DependencyNode, PROJECT_NODE_HEIGHT, PROJECT_NODE_WIDTH, type ProjectNode } from "./dependency-node";

/** Custom node types at module level: a new object per render would remount every node. */
const nodeTypes = { project: DependencyNode };

/** Left to right, a project before what it depends on: the run DAG's layout with "dependents" as the predecessors. */
function layout(graph: Graph) {
  return layoutDag(graph.nodes.map((n) => ({ stepId: n.id, dependsOn: graph.edges.filter((e) => e.to === n.id).map((e) => e.from) })));
}

/** The projects around one project, read-only: an arrow from a project to each project it depends on. */
export function DependencyGraph({ graph }: { graph: Graph }) {
  const { nodes, edges } = useMemo(() => {
    const positions = layout(graph);
    const slug = new Map(graph.nodes.map((n) => [n.id, n.slug]));
    const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const nodes: ProjectNode[] = graph.nodes.map((n) => ({
      id: n.id,
      type: "project",
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      width: PROJECT_NODE_WIDTH,
      height: PROJECT_NODE_HEIGHT,
      data: { name: n.name, slug: n.slug, status: n.status, center: n.id === graph.centerId },
      draggable: false,
      connectable: false,
    }));
    const edges: Edge[] = graph.edges.map((e) => ({
      id: `${slug.get(e.from)}->${slug.get(e.to)}`,
      source: e.from,
      target: e.to,
      type: "smoothstep",
      ariaLabel: `${name.get(e.from)} depends on ${name.get(e.to)}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      style: { strokeWidth: 1.5 },
    }));
    return { nodes, edges };
  }, [graph]);

  return (
    <div className="h-80 w-full rounded-md border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950" data-testid="dependency-graph">
      <ReadOnlyFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} padding={0.2} minZoom={0.1} />
    </div>
  );
}
