/**
 * "Rerun from a step": which steps of a finished run run again and which
 * keep their results. Pure functions of the workflow graph (and, for the
 * blockers, of the steps' statuses), shared by the engine and the run page's
 * preview so that the preview lists exactly what then runs.
 *
 * - `rerun`: the chosen step and every step downstream of it (transitively),
 *   in topological order (ties in definition order).
 * - `keep`: every other step, in topological order; they keep their status,
 *   attempts and outputs, so templates that read their outputs still work.
 * - blockers: a step that runs again needs each of its kept dependencies to
 *   have succeeded (or been cached/skipped, or failed with
 *   `continueOnFailure`), as a step needs to start; otherwise the rerun is
 *   refused.
 *
 * No imports beyond the graph: the browser uses this file as is.
 */
import { buildDag, topoSort, type GraphStep } from "./graph";
import type { TaskStatus } from "./store";

/** What "rerun from `stepId`" does to each step. */
export interface RerunPlan {
  /** The chosen step. */
  stepId: string;
  /** The chosen step and everything downstream of it, in topological order. */
  rerun: string[];
  /** The other steps (keep their results), in topological order. */
  keep: string[];
}

/** A kept dependency that did not succeed: the steps after it could not run. */
export interface RerunBlocker {
  /** The kept step. */
  stepId: string;
  status: TaskStatus | "unknown";
  /** A step of the rerun set that depends on it. */
  neededBy: string;
}

/** Statuses a kept dependency may have for its dependents to run. */
const SATISFYING: ReadonlySet<string> = new Set<TaskStatus>(["succeeded", "cached", "skipped"]);

/**
 * Plans a rerun from `stepId` over the steps of a definition (anything with
 * `id` and `dependsOn`). Returns null when no step has that id.
 */
export function planRerunFrom(definition: { steps: readonly GraphStep[] }, stepId: string): RerunPlan | null {
  const dag = buildDag(definition.steps);
  const from = dag.index.get(stepId);
  if (from === undefined) return null;
  const n = dag.ids.length;
  const marked = new Uint8Array(n);
  marked[from] = 1;
  const stack = [from];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let e = dag.succStart[i]!; e < dag.succStart[i + 1]!; e++) {
      const s = dag.succ[e]!;
      if (marked[s]) continue;
      marked[s] = 1;
      stack.push(s);
    }
  }
  const { order, leftover } = topoSort(dag);
  const rerun: string[] = [];
  const keep: string[] = [];
  for (const i of order.concat(leftover)) (marked[i] ? rerun : keep).push(dag.ids[i]!);
  return { stepId, rerun, keep };
}

/** A step as {@link rerunBlockers} needs it. */
export interface RerunStep extends GraphStep {
  continueOnFailure?: boolean;
}

/**
 * The kept dependencies of rerun steps that would not let them start (each
 * listed once, with the first rerun step that needs it). Empty: the rerun may go.
 */
export function rerunBlockers(
  definition: { steps: readonly RerunStep[] },
  plan: RerunPlan,
  statusOf: (stepId: string) => TaskStatus | undefined,
): RerunBlocker[] {
  const rerun = new Set(plan.rerun);
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: RerunBlocker[] = [];
  for (const id of plan.rerun) {
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (rerun.has(dep) || seen.has(dep) || !byId.has(dep)) continue;
      seen.add(dep);
      const status = statusOf(dep);
      if (status === "failed" && byId.get(dep)!.continueOnFailure) continue;
      if (status === undefined || !SATISFYING.has(status)) out.push({ stepId: dep, status: status ?? "unknown", neededBy: id });
    }
  }
  return out;
}

/** One sentence explaining why a rerun cannot go (for messages and the UI). */
export function describeRerunBlockers(blockers: readonly RerunBlocker[]): string {
  const list = blockers.map((b) => `"${b.stepId}" (${b.status.replace("_", " ")})`).join(", ");
  const one = blockers.length === 1;
  return `${one ? "step" : "steps"} ${list} ${one ? "keeps its result but did" : "keep their results but did"} not succeed, so the steps after ${one ? "it" : "them"} could not run: rerun from an earlier step`;
}
