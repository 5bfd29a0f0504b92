/**
 * The engine's validation problems, indexed for the canvas: per step, and the
 * edges that close a cycle. A cycle `a → b → c → a` means a depends on b, so
 * its edges run b→a, c→b, a→c (source → dependent).
 */
import type { ValidationProblem } from "@/lib/engine/validate";

const CYCLE_PREFIX = "dependency cycle: ";

export interface ProblemIndex {
  byStep: Map<string, ValidationProblem[]>;
  cycleEdges: Set<string>;
  cycles: string[][];
}

export function indexProblems(problems: readonly ValidationProblem[]): ProblemIndex {
  const byStep = new Map<string, ValidationProblem[]>();
  const cycleEdges = new Set<string>();
  const cycles: string[][] = [];
  for (const p of problems) {
    if (p.stepId !== undefined) byStep.set(p.stepId, [...(byStep.get(p.stepId) ?? []), p]);
    if (p.message.startsWith(CYCLE_PREFIX)) {
      const ids = p.message.slice(CYCLE_PREFIX.length).split(" → ");
      cycles.push(ids);
      for (let i = 0; i + 1 < ids.length; i++) cycleEdges.add(`${ids[i + 1]}->${ids[i]}`);
    }
  }
  return { byStep, cycleEdges, cycles };
}

/** Problems of one step's field (`retry` also matches `retry.maxAttempts`). */
export function fieldProblems(problems: readonly ValidationProblem[] | undefined, field: string): string[] {
  return (problems ?? []).filter((p) => p.field === field || p.field.startsWith(`${field}.`)).map((p) => p.message);
}
