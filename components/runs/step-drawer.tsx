"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { fetchJson } from "@/lib/live/fetch-json";
import { liveKeys } from "@/lib/live/query-keys";
import type { StepDetail } from "@/lib/live/step-types";
import type { WaitReason } from "@/lib/live/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { UsageChart } from "@/components/charts/usage-chart";
import { StepDuration, WaitText } from "./elapsed";
import { useLiveRun } from "./live-run-context";
import { RerunButton, useRerun } from "./rerun-context";
import { StepAttempts, StepHistory } from "./step-attempts";
import { StepLog } from "./step-log";
import { describeWaitReason } from "./wait-reason";

/** Attempts, history and CPU/memory samples of a running step refresh this often (state changes refresh at once). */
const DETAIL_MS = 3000;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-5">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

/** Everything about one step: state, wait reason, attempts, live log, CPU/memory, outputs and state history. */
export function StepDrawer({ stepId, wait, onClose }: { stepId: string; wait: WaitReason | null; onClose: () => void }) {
  const { run } = useLiveRun();
  const task = run.tasks.find((t) => t.stepId === stepId);
  const [picked, setPicked] = useState<number | null>(null);
  const attempt = picked ?? Math.max(1, task?.attempt ?? 1);
  const running = task?.status === "running" && attempt === task.attempt;
  const closeRef = useRef<HTMLButtonElement>(null);
  const rerunBlocked = useRerun().blocked;

  const detail = useQuery({
    queryKey: liveKeys.stepDetail(run.id, stepId, attempt),
    queryFn: ({ signal }) => fetchJson<StepDetail>(`/api/v1/runs/${encodeURIComponent(run.id)}/steps/${encodeURIComponent(stepId)}?attempt=${attempt}`, signal),
    refetchInterval: running ? DETAIL_MS : false,
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  if (!task) return null;
  const d = detail.data;
  const shown = d?.attempts.find((a) => a.attempt === attempt) ?? null;

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="step-drawer-title"
      data-step={stepId}
      className="fixed inset-y-0 right-0 z-40 w-full max-w-2xl overflow-y-auto border-l border-slate-200 bg-white p-5 shadow-2xl dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="step-drawer-title" className="truncate text-lg font-semibold">
            {task.name}
          </h2>
          <div className="font-mono text-xs text-slate-500">
            {task.stepId} · {task.kind}
            {task.dependsOn.length ? ` · after ${task.dependsOn.join(", ")}` : ""}
          </div>
        </div>
        <button ref={closeRef} type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" aria-label="Close step details">
          ✕
        </button>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={task.status} />
        <span>
          attempt {task.attempt || "—"} · <StepDuration startedAt={task.startedAt} finishedAt={task.finishedAt} running={task.status === "running"} />
        </span>
        {wait ? (
          <span className="text-purple-700 dark:text-purple-300" data-testid="drawer-wait-reason">
            {wait.type === "backoff" ? <WaitText describe={(now) => describeWaitReason(wait, now)} /> : describeWaitReason(wait)}
          </span>
        ) : null}
        <span className="ml-auto">
          <RerunButton stepId={stepId} label="Rerun from this step" />
        </span>
      </div>
      {rerunBlocked ? <p className="mt-1 text-right text-xs text-slate-500 dark:text-slate-400">{rerunBlocked}</p> : null}
      {task.error ? <p className="mt-2 break-words text-sm text-red-700 dark:text-red-400">{task.error}</p> : null}
      {detail.error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          Details could not be loaded: {detail.error.message}
        </p>
      ) : null}

      <Section title="Attempts">
        {d ? <StepAttempts attempts={d.attempts} selected={attempt} onSelect={setPicked} /> : <p className="text-sm text-slate-500">Loading…</p>}
      </Section>

      <Section title={`Log · attempt ${attempt}`}>
        {task.attempt > 0 ? <StepLog key={attempt} runId={run.id} stepId={stepId} attempt={attempt} running={running} /> : <p className="text-sm text-slate-500">The step has not started: no output yet.</p>}
      </Section>

      {task.kind === "shell" && shown ? (
        <Section title={`CPU and memory · attempt ${attempt}`}>
          {d && d.samples.length > 1 ? <UsageChart samples={d.samples} startedAt={shown.startedAt} /> : <p className="text-sm text-slate-500">Too short to sample: no CPU or memory series for this attempt.</p>}
        </Section>
      ) : null}

      <Section title="Outputs">
        {d?.outputs && Object.keys(d.outputs).length ? (
          <pre className="max-h-48 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-950">{JSON.stringify(d.outputs, null, 2)}</pre>
        ) : (
          <p className="text-sm text-slate-500">No outputs.</p>
        )}
      </Section>

      <Section title="State history">{d ? <StepHistory history={d.history} /> : null}</Section>
    </aside>
  );
}
