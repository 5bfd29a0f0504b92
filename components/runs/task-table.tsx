"use client";

import { memo } from "react";
import type { LiveTask, WaitReason } from "@/lib/live/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { StepDuration, WaitText } from "./elapsed";
import { describeWaitReason } from "./wait-reason";

interface Props {
  tasks: LiveTask[];
  waits: ReadonlyMap<string, WaitReason>;
  selected: string | null;
  onOpen: (stepId: string) => void;
}

/** Every step with its state, wait reason, attempts and result; a step's name opens its drawer. */
export function TaskTable({ tasks, waits, selected, onOpen }: Props) {
  return (
    <div className="max-h-[36rem] overflow-auto">
      <table aria-label="Step states" className="w-full text-left text-sm">
        <thead className="sticky top-0 border-b border-slate-200 bg-white text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th className="py-2 pr-4 font-medium">Step</th>
            <th className="py-2 pr-4 font-medium">State</th>
            <th className="py-2 pr-4 font-medium">Attempt</th>
            <th className="py-2 pr-4 font-medium">Duration</th>
            <th className="py-2 pr-4 font-medium">Result</th>
            <th className="py-2 pr-4 font-medium">CPU · memory</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {tasks.map((t) => (
            <TaskRow key={t.id} task={t} wait={waits.get(t.stepId) ?? null} selected={selected === t.stepId} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  task: LiveTask;
  wait: WaitReason | null;
  selected: boolean;
  onOpen: (id: string) => void;
}

const TaskRow = memo(function TaskRow({ task: t, wait, selected, onOpen }: RowProps) {
  return (
    <tr data-step={t.stepId} className={selected ? "bg-indigo-50 dark:bg-indigo-950/40" : undefined}>
      <td className="py-2 pr-4">
        <button type="button" onClick={() => onOpen(t.stepId)} className="text-left font-medium text-indigo-700 hover:underline dark:text-indigo-300" aria-label={`Open step ${t.name}`}>
          {t.name}
        </button>
        <div className="font-mono text-xs text-slate-500">{t.stepId}</div>
      </td>
      <td className="py-2 pr-4">
        <StatusBadge status={t.status} />
        {wait ? (
          <div className="mt-1 text-xs text-purple-700 dark:text-purple-300" data-testid="wait-reason">
            {wait.type === "backoff" ? <WaitText describe={(now) => describeWaitReason(wait, now)} /> : describeWaitReason(wait)}
          </div>
        ) : null}
      </td>
      <td className="py-2 pr-4 tabular-nums">{t.attempt || "—"}</td>
      <td className="py-2 pr-4 tabular-nums">
        <StepDuration startedAt={t.startedAt} finishedAt={t.finishedAt} running={t.status === "running"} />
      </td>
      <td className="max-w-xs py-2 pr-4 text-xs">
        {t.exitCode != null ? <span className="font-mono">exit {t.exitCode}</span> : null}
        {t.httpStatus != null ? <span className="font-mono">HTTP {t.httpStatus}</span> : null}
        {t.error ? (
          <div className="truncate text-red-700 dark:text-red-400" title={t.error}>
            {t.error}
          </div>
        ) : null}
      </td>
      <td className="py-2 pr-4 text-xs tabular-nums">
        {t.cpuSeconds != null ? `${t.cpuSeconds.toFixed(2)} s` : "—"} · {t.peakMemoryMb != null ? `${Math.round(t.peakMemoryMb)} MB` : "—"}
      </td>
    </tr>
  );
}, sameRow);

/** Wait reasons are rebuilt with every change of the run; compare them by value. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return a.task === b.task && a.selected === b.selected && a.onOpen === b.onOpen && JSON.stringify(a.wait) === JSON.stringify(b.wait);
}
