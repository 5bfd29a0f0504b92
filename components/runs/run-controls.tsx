"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { controlRunAction } from "@/lib/actions/runs/control-run";
import type { RunControl } from "@/lib/validations/runs";

const ALLOWED: Record<RunControl, readonly string[]> = {
  pause: ["queued", "running"],
  resume: ["paused"],
  cancel: ["queued", "running", "paused"],
};

export function RunControls({ runId, status, blockedReason }: { runId: string; status: string; blockedReason: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const act = (control: RunControl) => {
    if (control === "cancel" && !window.confirm("Cancel this run? Running steps are stopped and nothing new starts.")) return;
    startTransition(async () => {
      setError(null);
      const res = await controlRunAction({ runId, control });
      if (!res.ok) setError(res.error);
      router.refresh();
    });
  };

  const button = (control: RunControl, label: string) => {
    const allowed = !blockedReason && ALLOWED[control].includes(status);
    return (
      <button
        type="button"
        onClick={() => act(control)}
        disabled={pending || !allowed}
        title={allowed ? undefined : (blockedReason ?? `A ${status} run cannot be ${control === "cancel" ? "cancelled" : `${control}d`}.`)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {label}
      </button>
    );
  };

  return (
    <div className="flex items-center gap-2">
      {button("pause", "Pause")}
      {button("resume", "Resume")}
      {button("cancel", "Cancel")}
      {blockedReason ? <span className="text-xs text-slate-500 dark:text-slate-400">{blockedReason}</span> : null}
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
