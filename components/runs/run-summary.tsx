"use client";

import Link from "next/link";
import { progressOf } from "@/lib/live/apply-events";
import { Stat } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/components/ui/format";
import { formatUtc } from "./format-time";
import { useLiveRun, useNow } from "./live-run-context";
import { STATE_FILL, STATE_ORDER } from "./state-colors";
import type { StreamMode } from "./use-run-stream";

/** Not shown in the bar: the empty track is what is left to do. */
const UNSTARTED = new Set(["pending", "ready", "waiting"]);

const MODE_TEXT: Record<StreamMode, string> = {
  connecting: "connecting…",
  live: "live",
  polling: "live (polling: the event stream is unavailable)",
  ended: "",
};

/** Status badge and whether the page is following the run live. */
export function RunStatus() {
  const { run, mode } = useLiveRun();
  return (
    <span className="inline-flex items-center gap-2">
      <StatusBadge status={run.status} />
      {MODE_TEXT[mode] ? (
        <span className="inline-flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400" data-testid="stream-mode" data-mode={mode}>
          <span className={`h-2 w-2 rounded-full ${mode === "live" ? "animate-pulse bg-green-500" : mode === "polling" ? "bg-amber-500" : "bg-slate-400"}`} />
          {MODE_TEXT[mode]}
        </span>
      ) : null}
    </span>
  );
}

/** Progress, times, trigger and critical path, then a bar with one segment per step state. */
export function RunSummary() {
  const { run } = useLiveRun();
  const now = useNow();
  const { done, total, counts } = progressOf(run.tasks);
  const end = run.finishedAt ?? now;
  const states = STATE_ORDER.filter((s) => counts[s]);

  return (
    <>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Progress"
          value={`${done} / ${total}`}
          hint={<span data-testid="state-counts">{states.map((s) => `${counts[s]} ${s.replace("_", " ")}`).join(" · ")}</span>}
        />
        <Stat
          label="Duration"
          value={run.startedAt ? formatDuration(end - run.startedAt) : "—"}
          hint={
            <>
              started {formatUtc(run.startedAt)}
              {run.finishedAt ? <> · finished {formatUtc(run.finishedAt)}</> : null}
            </>
          }
        />
        <Stat
          label="Started by"
          value={<span className="block truncate text-base">{run.triggeredBy ?? "—"}</span>}
          hint={
            <>
              via {run.trigger} ·{" "}
              <Link href={`/projects/${run.project.slug}/workflows/${run.workflow.slug}`} className="hover:underline">
                {run.workflow.name} v{run.version}
              </Link>
            </>
          }
        />
        <Stat
          label="Critical path"
          value={run.metrics ? formatDuration(run.metrics.criticalPathMs) : "—"}
          hint={run.metrics ? `${run.metrics.criticalPath.join(" → ")} · parallelism ${run.metrics.meanParallelism.toFixed(2)}` : "known when the run ends; the timeline shows it live"}
        />
      </div>
      <div
        className="mt-4 flex h-2.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label="Steps done"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} steps done`}
      >
        {states.filter((s) => !UNSTARTED.has(s)).map((s) => (
          <div key={s} title={`${counts[s]} ${s.replace("_", " ")}`} className="h-full transition-all" style={{ width: `${((counts[s] ?? 0) / Math.max(1, total)) * 100}%`, background: STATE_FILL[s] }} />
        ))}
      </div>
      {run.error ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
          {run.error}
        </p>
      ) : null}
    </>
  );
}
