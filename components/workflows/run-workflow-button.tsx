"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startRunAction } from "@/lib/actions/runs/start-run";

export function RunWorkflowButton({ workflowId, disabledReason }: { workflowId: string; disabledReason: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending || !!disabledReason}
        title={disabledReason ?? undefined}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const res = await startRunAction({ workflowId });
            if (res.ok) router.push(`/runs/${res.data.runId}`);
            else setError(res.error);
          })
        }
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {pending ? "Starting…" : "▶ Run"}
      </button>
      {disabledReason ? <p className="text-xs text-slate-500 dark:text-slate-400">{disabledReason}</p> : null}
      {error ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
