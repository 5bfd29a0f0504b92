"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startRunAction } from "@/lib/actions/runs/start-run";
import type { WorkflowInput } from "@/lib/engine/definition";
import { RunWorkflowButton } from "./run-workflow-button";

type Spec = { default?: string | number | boolean; description?: string; required?: boolean };
const specOf = (v: unknown): Spec => (typeof v === "object" && v !== null ? (v as Spec) : { default: v as string });

/**
 * "▶ Run" that asks for the workflow's params first (defaults filled in).
 * Without params it is the plain Run button: start and go to the run.
 */
export function RunWithParamsButton({ workflowId, params, disabledReason }: { workflowId: string; params: WorkflowInput["params"]; disabledReason: string | null }) {
  const router = useRouter();
  const entries = Object.entries(params ?? {}).map(([name, raw]) => [name, specOf(raw)] as const);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (entries.length === 0) return <RunWorkflowButton workflowId={workflowId} disabledReason={disabledReason} />;

  const start = () =>
    startTransition(async () => {
      setError(null);
      const given = Object.fromEntries(entries.map(([name, spec]) => [name, values[name] ?? (spec.default === undefined ? "" : String(spec.default))]).filter(([, v]) => v !== ""));
      const res = await startRunAction({ workflowId, params: given });
      if (res.ok) router.push(`/runs/${res.data.runId}`);
      else setError(res.error);
    });

  return (
    <div className="relative flex flex-col items-end gap-1">
      <button type="button" disabled={!!disabledReason} title={disabledReason ?? undefined} onClick={() => setOpen((o) => !o)} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50">
        ▶ Run…
      </button>
      {disabledReason ? <p className="text-xs text-slate-500 dark:text-slate-400">{disabledReason}</p> : null}
      {open ? (
        <div role="dialog" aria-label="Run parameters" className="absolute right-0 top-11 z-20 w-80 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          {entries.map(([name, spec]) => (
            <label key={name} className="mb-2 block text-xs">
              <span className="font-mono font-medium">{name}{spec.required ? " *" : ""}</span>
              {spec.description ? <span className="ml-1 text-slate-500">{spec.description}</span> : null}
              <input value={values[name] ?? (spec.default === undefined ? "" : String(spec.default))} onChange={(e) => setValues({ ...values, [name]: e.target.value })} className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950" />
            </label>
          ))}
          {error ? <p role="alert" className="mb-2 text-xs text-red-600">{error}</p> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className="text-xs text-slate-500" onClick={() => setOpen(false)}>Cancel</button>
            <button type="button" disabled={pending} onClick={start} className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white disabled:opacity-50">
              {pending ? "Starting…" : "Start run"}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
