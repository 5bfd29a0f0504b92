/** Automatic layout of the editor's graph with dagre (left-to-right or top-to-bottom). */
import dagre from "@dagrejs/dagre";
import type { WorkflowInput } from "@/lib/engine/definition";
import type { XY } from "./doc";

export const STEP_NODE_WIDTH = 230;
export const STEP_NODE_HEIGHT = 96;

export type LayoutDirection = "LR" | "TB";

/** Above this many steps dagre is too slow (long edges become chains of dummy nodes: 1,000 steps took over 30 s). */
const DAGRE_MAX_STEPS = 250;

export function autoLayout(workflow: WorkflowInput, direction: LayoutDirection = "LR"): Record<string, XY> {
  if (workflow.steps.length > DAGRE_MAX_STEPS) return layeredLayout(workflow, direction);
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

/**
 * Linear-time layered layout for big graphs: a step's layer is its longest
 * dependency path (steps left in a cycle go to one extra layer); steps keep
 * their definition order within a layer.
 */
export function layeredLayout(workflow: WorkflowInput, direction: LayoutDirection = "LR"): Record<string, XY> {
  const ids = workflow.steps.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const dependents: number[][] = ids.map(() => []);
  const indegree = new Int32Array(ids.length);
  workflow.steps.forEach((s, i) => {
    for (const d of new Set(s.dependsOn ?? [])) {
      const j = index.get(d);
      if (j === undefined || j === i) continue;
      dependents[j]!.push(i);
      indegree[i]!++;
    }
  });
  const layer = new Int32Array(ids.length);
  const queue: number[] = [];
  indegree.forEach((n, i) => n === 0 && queue.push(i));
  let done = 0;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    done++;
    for (const k of dependents[i]!) {
      layer[k] = Math.max(layer[k]!, layer[i]! + 1);
      if (--indegree[k]! === 0) queue.push(k);
    }
  }
  const maxLayer = Math.max(0, ...layer);
  if (done < ids.length) indegree.forEach((n, i) => { if (n > 0) layer[i] = maxLayer + 1; });
  const slot = new Map<number, number>();
  const out: Record<string, XY> = {};
  ids.forEach((id, i) => {
    const l = layer[i]!;
    const k = slot.get(l) ?? 0;
    slot.set(l, k + 1);
    const along = l * (direction === "LR" ? STEP_NODE_WIDTH + 80 : STEP_NODE_HEIGHT + 80);
    const across = k * (direction === "LR" ? STEP_NODE_HEIGHT + 30 : STEP_NODE_WIDTH + 30);
    out[id] = direction === "LR" ? { x: along, y: across } : { x: across, y: along };
  });
  return out;
}
