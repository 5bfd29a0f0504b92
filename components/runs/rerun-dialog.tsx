"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { rerunFromAction } from "@/lib/actions/runs/rerun-from";
import { describeRerunBlockers, planRerunFrom, rerunBlockers } from "@/lib/engine/rerun";
import { isFinalRun, type LiveTask, type RunStatus } from "@/lib/live/types";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { StatusBadge } from "@/components/ui/status-badge";
import { useLiveRun } from "./live-run-context";

const SUCCEEDED = new Set(["succeeded", "cached", "skipped"]);

/** Why a run's steps cannot be rerun now (role, or the run has not finished), or null. */
export function rerunBlockedBy(status: RunStatus, roleBlock: string | null): string | null {
  if (roleBlock) return roleBlock;
  if (!isFinalRun(status)) return `The run is ${status}: rerun from a step once it has finished.`;
  return null;
}

function StepList({ label, ids, tasks }: { label: string; ids: string[]; tasks: ReadonlyMap<string, LiveTask> }) {
  const headingId = useId();
  return (
    <section className="min-w-0 flex-1">
      <h3 id={headingId} className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label} ({ids.length})
      </h3>
      {ids.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ul aria-labelledby={headingId} className="max-h-64 divide-y divide-slate-100 overflow-auto rounded-md border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
          {ids.map((id) => {
            const t = tasks.get(id);
            return (
              <li key={id} data-step={id} className="flex items-center justify-between gap-2 px-2 py-1">
                <span className="min-w-0 truncate">
                  <span className="font-mono text-xs">{id}</span>
                  {t && t.name !== id ? <span className="ml-1 text-slate-500">{t.name}</span> : null}
                </span>
                {t ? <StatusBadge status={t.status} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * The preview of "rerun from a step": which steps run again and which keep
 * their results (the same plan the engine then executes), then confirm.
 */
export function RerunDialog({ initialStep, roleBlock, onClose }: { initialStep: string | null; roleBlock: string | null; onClose: () => void }) {
  const router = useRouter();
  const { run, refresh } = useLiveRun();
  const titleId = useId();
  const [stepId, setStepId] = useState(() => initialStep ?? (run.tasks.find((t) => !SUCCEEDED.has(t.status)) ?? run.tasks[0])?.stepId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const selectRef = useRef<HTMLSelectElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  const graph = useMemo(() => ({ steps: run.tasks.map((t) => ({ id: t.stepId, dependsOn: t.dependsOn, continueOnFailure: t.continueOnFailure })) }), [run.tasks]);
  const byId = useMemo(() => new Map(run.tasks.map((t) => [t.stepId, t])), [run.tasks]);
  const plan = useMemo(() => planRerunFrom(graph, stepId), [graph, stepId]);
  const blockers = useMemo(() => (plan ? rerunBlockers(graph, plan, (id) => byId.get(id)?.status) : []), [graph, plan, byId]);
  const why = rerunBlockedBy(run.status, roleBlock) ?? (blockers.length > 0 ? `Cannot rerun from "${stepId}": ${describeRerunBlockers(blockers)}.` : null);

  // A modal <dialog>: the page behind is inert and focus stays inside until it closes.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    selectRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const confirm = () => {
    if (!plan || why) return;
    startTransition(async () => {
      setError(null);
      let res: Awaited<ReturnType<typeof rerunFromAction>>;
      try {
        res = await rerunFromAction({ runId: run.id, stepId });
      } catch {
        res = { ok: false, error: "The server could not be reached. Check your connection and try again." };
      }
      if (!res.ok) {
        setError(res.error);
        return;
      }
      onClose();
      await refresh();
      router.refresh();
    });
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="m-auto w-[calc(100%-2rem)] max-w-2xl rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
      onCancel={(e) => {
        // Escape: close through React state (or not at all while the rerun is being started).
        e.preventDefault();
        if (!pending) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") e.stopPropagation(); // the step drawer below stays open
      }}
      onMouseDown={(e) => {
        // A press on the backdrop targets the <dialog> itself; its content is wrapped below.
        if (e.target === e.currentTarget && !pending) onClose();
      }}
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          Rerun from a step
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The chosen step and every step after it run again as new attempts; the other steps keep their results and outputs.
        </p>
        <label className="mt-4 block text-sm">
          <span className="font-medium">Rerun from</span>
          <select
            ref={selectRef}
            value={stepId}
            onChange={(e) => {
              setStepId(e.target.value);
              setError(null);
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
          >
            {run.tasks.map((t) => (
              <option key={t.stepId} value={t.stepId}>
                {t.stepId === t.name ? t.stepId : `${t.stepId} — ${t.name}`} ({t.status.replace("_", " ")})
              </option>
            ))}
          </select>
        </label>
        {plan ? (
          <div className="mt-4 flex flex-col gap-4 sm:flex-row">
            <StepList label="Will run again" ids={plan.rerun} tasks={byId} />
            <StepList label="Keeps its result" ids={plan.keep} tasks={byId} />
          </div>
        ) : null}
        {why ? (
          <p className="mt-3 text-sm text-amber-700 dark:text-amber-400" data-testid="rerun-blocked">
            {why}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mt-3 text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" onClick={onClose} disabled={pending} className={secondaryButton}>
            Cancel
          </button>
          <button type="button" onClick={confirm} disabled={pending || !plan || why !== null} title={why ?? undefined} className={primaryButton}>
            {pending ? "Starting…" : `Rerun ${plan?.rerun.length ?? 0} ${plan?.rerun.length === 1 ? "step" : "steps"}`}
          </button>
        </div>
      </div>
    </dialog>
  );
}
