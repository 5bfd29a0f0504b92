"use client";

import type { SaveStatus } from "./use-save-workflow";

export function SaveMessage({ status, onFocus }: { status: SaveStatus; onFocus: (stepId: string) => void }) {
  if (status.kind === "idle") return null;
  if (status.kind === "saved")
    return (
      <p role="status" data-testid="save-status" className="rounded bg-emerald-50 px-3 py-1 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
        {status.unchanged ? `Nothing changed since version ${status.version}; positions saved.` : `Saved as version ${status.version}.`}
      </p>
    );
  return (
    <div role="alert" className="rounded bg-red-50 px-3 py-1 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="save-error">
      <p>
        {status.message}
        {status.conflict ? (
          <button type="button" className="ml-2 underline" onClick={() => window.location.reload()}>Reload</button>
        ) : null}
      </p>
      {status.problems.length ? (
        <ul className="list-disc pl-5 text-xs">
          {status.problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="hover:underline" onClick={() => p.stepId && onFocus(p.stepId)}>
                {p.stepId ?? "workflow"} · {p.field}{p.line ? ` (line ${p.line})` : ""}: {p.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
