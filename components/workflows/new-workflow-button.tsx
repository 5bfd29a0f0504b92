"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createWorkflowAction } from "@/lib/actions/workflows/create-workflow";

/** "New workflow": asks for a name, creates it, opens the editor. */
export function NewWorkflowButton({ project }: { project: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white hover:bg-indigo-500">
        New workflow
      </button>
    );
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError(null);
          const res = await createWorkflowAction({ project, name });
          if (res.ok) router.push(res.data.href);
          else setError(res.error);
        });
      }}
    >
      <input aria-label="Workflow name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Workflow name" className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-900" />
      <button type="submit" disabled={pending || !name.trim()} className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white disabled:opacity-50">
        {pending ? "Creating…" : "Create"}
      </button>
      <button type="button" onClick={() => setOpen(false)} className="text-xs text-slate-500">Cancel</button>
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </form>
  );
}
