/** Automatic layout of the editor's graph with dagre (left-to-right or top-to-bottom). */
import dagre from "@dagrejs/dagre";
import type { WorkflowInput } from "@/lib/engine/definition";
import type { XY } from "./doc";

export const STEP_NODE_WIDTH = 230;
export const STEP_NODE_HEIGHT = 96;

export type LayoutDirection = "LR" | "TB";

export function autoLayout(workflow: WorkflowInput, direction: LayoutDirection = "LR"): Record<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: 30, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(workflow.steps.map((s) => s.id));
  for (const s of workflow.steps) g.setNode(s.id, { width: STEP_NODE_WIDTH, height: STEP_NODE_HEIGHT });
  for (const s of workflow.steps) for (const d of s.dependsOn ?? []) if (ids.has(d) && d !== s.id) g.setEdge(d, s.id);
  dagre.layout(g);
  const out: Record<string, XY> = {};
  for (const s of workflow.steps) {
    const n = g.node(s.id);
    // dagre gives centres; React Flow wants top-left corners.
    out[s.id] = { x: Math.round((n?.x ?? 0) - STEP_NODE_WIDTH / 2), y: Math.round((n?.y ?? 0) - STEP_NODE_HEIGHT / 2) };
  }
  return out;
}

/** Saved positions for the steps that have them; the whole graph is laid out when any step lacks one. */
export function positionsFor(workflow: WorkflowInput, saved: Record<string, XY> | null | undefined): Record<string, XY> {
  if (saved && workflow.steps.every((s) => saved[s.id])) return Object.fromEntries(workflow.steps.map((s) => [s.id, saved[s.id]!]));
  return autoLayout(workflow);
}

/** Positions for steps that appeared (e.g. typed in the code view): next to their first dependency, or below the rest. */
export function placeNewSteps(workflow: WorkflowInput, positions: Record<string, XY>): Record<string, XY> {
  const missing = workflow.steps.filter((s) => !positions[s.id]);
  if (missing.length === 0) return positions;
  const out = { ...positions };
  const maxY = Math.max(0, ...Object.values(positions).map((p) => p.y));
  missing.forEach((s, i) => {
    const dep = (s.dependsOn ?? []).map((d) => out[d]).find(Boolean);
    out[s.id] = dep ? { x: dep.x + STEP_NODE_WIDTH + 60, y: dep.y + i * 30 } : { x: i * (STEP_NODE_WIDTH + 30), y: maxY + STEP_NODE_HEIGHT + 60 };
  });
  return out;
}
