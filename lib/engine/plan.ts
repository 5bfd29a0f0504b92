/**
 * Static planning of a validated DAG: topological levels, each step's longest
 * remaining path to the end (the scheduler's tie-break after priority) and the
 * critical path. O(V + E), iterative.
 */
import { buildDag, topoSort, type DagIndex, type GraphStep } from "./graph";

/** Result of {@link planWorkflow}. */
export interface Plan {
  /** Step ids grouped by level: level 0 has no dependencies, level k depends on level < k. */
  levels: string[][];
  /** Level of each step, by definition index. */
  levelOf: Int32Array;
  /** Longest remaining path (own estimate included) by definition index, in seconds. */
  remaining: Float64Array;
  /** Longest remaining path by step id, in seconds. */
  remainingById: Record<string, number>;
  /** Step ids of the longest estimated chain, first to last. */
  criticalPath: string[];
  /** Estimated makespan with unlimited resources (sum of estimates on the critical path). */
  criticalPathSec: number;
  /** Topological order (definition indices). */
  order: number[];
}

/** A step with an optional declared estimate. */
export interface PlanStep extends GraphStep {
  estimateSec?: number;
}

/** Longest remaining paths and the order they were computed in (see {@link remainingPaths}). */
export interface RemainingPaths {
  /** Longest remaining path (own estimate included) by definition index, in seconds. */
  remaining: Float64Array;
  /** Next step on that path by definition index (-1 at the end). */
  next: Int32Array;
  /** Topological order (definition indices). */
  order: number[];
}

/**
 * Each step's longest remaining path to the end — all the scheduler needs
 * (its tie-break after priority), without the per-id views of
 * {@link planWorkflow}. The DAG must be acyclic (validate first).
 */
export function remainingPaths(
  steps: readonly PlanStep[],
  estimates: Record<string, number> = {},
  dag: DagIndex = buildDag(steps),
): RemainingPaths {
  const n = steps.length;
  const { order, leftover } = topoSort(dag);
  if (leftover.length > 0) throw new Error("planWorkflow needs an acyclic graph; validate first");
  const remaining = new Float64Array(n);
  const next = new Int32Array(n).fill(-1);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    let best = 0;
    let bestSucc = -1;
    for (let e = dag.succStart[i]!; e < dag.succStart[i + 1]!; e++) {
      const s = dag.succ[e]!;
      // Ties go to the earlier step in definition order.
      if (bestSucc < 0 || remaining[s]! > best || (remaining[s] === best && s < bestSucc)) {
        best = remaining[s]!;
        bestSucc = s;
      }
    }
    remaining[i] = estimateOf(steps[i]!, estimates) + best;
    next[i] = bestSucc;
  }
  return { remaining, next, order };
}

/**
 * Plans a workflow. `estimates` (seconds by step id, e.g. medians from
 * history) win over each step's `estimateSec`; missing ones count as 1.
 * The DAG must be acyclic (validate first).
 */
export function planWorkflow(
  steps: readonly PlanStep[],
  estimates: Record<string, number> = {},
  dag: DagIndex = buildDag(steps),
): Plan {
  const n = steps.length;
  const { remaining, next, order } = remainingPaths(steps, estimates, dag);

  const levelOf = new Int32Array(n);
  let maxLevel = 0;
  for (const i of order) {
    let lvl = 0;
    for (let e = dag.depStart[i]!; e < dag.depStart[i + 1]!; e++) lvl = Math.max(lvl, levelOf[dag.deps[e]!]! + 1);
    levelOf[i] = lvl;
    if (lvl > maxLevel) maxLevel = lvl;
  }
  const levels: string[][] = Array.from({ length: n > 0 ? maxLevel + 1 : 0 }, () => []);
  for (let i = 0; i < n; i++) levels[levelOf[i]!]!.push(dag.ids[i]!);

  let start = -1;
  for (let i = 0; i < n; i++) {
    if (dag.depStart[i + 1]! - dag.depStart[i]! !== 0) continue;
    if (start < 0 || remaining[i]! > remaining[start]!) start = i;
  }
  const criticalPath: string[] = [];
  for (let i = start; i >= 0; i = next[i]!) criticalPath.push(dag.ids[i]!);

  const remainingById: Record<string, number> = {};
  for (let i = 0; i < n; i++) remainingById[dag.ids[i]!] = remaining[i]!;
  return {
    levels,
    levelOf,
    remaining,
    remainingById,
    criticalPath,
    criticalPathSec: start >= 0 ? remaining[start]! : 0,
    order,
  };
}

function estimateOf(step: PlanStep, estimates: Record<string, number>): number {
  const v = estimates[step.id] ?? step.estimateSec;
  return v !== undefined && Number.isFinite(v) && v >= 0 ? v : 1;
}
