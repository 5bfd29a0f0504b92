"use client";

import type { ValidationProblem } from "@/lib/engine/validate";

/** Every problem of the workflow; clicking one focuses its step. */
export function ProblemsList({ problems, onFocus }: { problems: ValidationProblem[]; onFocus: (stepId: string) => void }) {
  if (problems.length === 0) return <p className="text-xs text-emerald-700" data-testid="problems-ok">✓ No problems</p>;
  return (
    <ul aria-label="Problems" className="max-h-40 space-y-0.5 overflow-auto text-xs">
      {problems.map((p, i) => (
        <li key={i}>
          <button type="button" className="w-full text-left text-red-700 hover:underline dark:text-red-400" disabled={p.stepId === undefined} onClick={() => p.stepId && onFocus(p.stepId)}>
            {p.stepId ? <strong>{p.stepId}</strong> : <strong>workflow</strong>}
            {p.field ? ` · ${p.field}` : ""}: {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
