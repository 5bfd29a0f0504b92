"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { controlRunAction } from "@/lib/actions/runs/control-run";
import { retryRunAction } from "@/lib/actions/runs/retry-run";
import type { ActionResult } from "@/lib/actions/result";
import type { RunControl } from "@/lib/validations/runs";
import { secondaryButton } from "@/components/ui/buttons";
import { useLiveRun } from "./live-run-context";
import { RerunButton } from "./rerun-context";

type Control = RunControl | "retry";

const ALLOWED: Record<Control, readonly string[]> = {
  pause: ["queued", "running"],
  resume: ["paused"],
  cancel: ["queued", "running", "paused"],
  retry: ["failed", "cancelled"],
};

const RETRYABLE = new Set(["failed", "upstream_failed", "cancelled"]);

const CONFIRM: Partial<Record<Control, string>> = {
  cancel: "Cancel this run? Running steps are stopped and nothing new starts.",
  retry: "Run the failed, cancelled and skipped-after-failure steps again? Steps that succeeded keep their results.",
};

/** Why `control` is not possible now, or null. */
function blockedBy(control: Control, status: string, retryable: number, roleBlock: string | null): string | null {
  if (roleBlock) return roleBlock;
  if (!ALLOWED[control].includes(status)) {
    const verb = { pause: "paused", resume: "resumed", cancel: "cancelled", retry: "retried" }[control];
    return control === "retry" ? "Only a failed or cancelled run can be retried." : `A ${status} run cannot be ${verb}.`;
  }
  if (control === "retry" && retryable === 0) return "No step failed or was cancelled: nothing to retry.";
  return null;
}

/** Pause, resume, cancel, retry failed steps and rerun from a step; disabled with the reason when not allowed by state or role. */
export function RunControls({ blockedReason }: { blockedReason: string | null }) {
  const router = useRouter();
  const { run, refresh } = useLiveRun();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const retryable = run.tasks.filter((t) => RETRYABLE.has(t.status)).length;

  const act = (control: Control) => {
    const question = CONFIRM[control];
    if (question && !window.confirm(question)) return;
    startTransition(async () => {
      setError(null);
      let res: ActionResult<{ runId: string }>;
      try {
        res = control === "retry" ? await retryRunAction({ runId: run.id }) : await controlRunAction({ runId: run.id, control });
      } catch {
        res = { ok: false, error: "The server could not be reached. Check your connection and try again." };
      }
      if (!res.ok) setError(res.error);
      await refresh();
      router.refresh();
    });
  };

  const button = (control: Control, label: string) => {
    const why = blockedBy(control, run.status, retryable, blockedReason);
    return (
      <button type="button" onClick={() => act(control)} disabled={pending || why !== null} title={why ?? undefined} className={secondaryButton}>
        {label}
      </button>
    );
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {button("pause", "Pause")}
      {button("resume", "Resume")}
      {button("cancel", "Cancel")}
      {button("retry", "Retry failed steps")}
      <RerunButton label="Rerun from…" />
      {blockedReason ? <span className="text-xs text-slate-500 dark:text-slate-400">{blockedReason}</span> : null}
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
