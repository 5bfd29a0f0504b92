"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { LiveTask, WaitReason } from "@/lib/live/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/live/dag-layout";
import { StepDuration, WaitText } from "./elapsed";
import { STATE_FILL } from "./state-colors";
import { describeWaitReason } from "./wait-reason";

export type StepNodeData = {
  task: LiveTask;
  wait: WaitReason | null;
  selected: boolean;
  onOpen: (stepId: string) => void;
};

export type StepNode = Node<StepNodeData, "step">;

/** One step in the live DAG: state colour, attempts, duration and, while it waits, why. */
export const DagStepNode = memo(function DagStepNode({ data }: NodeProps<StepNode>) {
  const { task: t, wait, selected, onOpen } = data;
  return (
    <div
      data-step={t.stepId}
      className={`overflow-hidden rounded-md border bg-white text-left shadow-sm dark:bg-slate-900 ${selected ? "border-indigo-500 ring-2 ring-indigo-400" : "border-slate-300 dark:border-slate-700"}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, borderLeft: `6px solid ${STATE_FILL[t.status]}` }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-slate-400" />
      <button type="button" onClick={() => onOpen(t.stepId)} aria-label={`Step ${t.name}: ${t.status.replace("_", " ")}`} className="block h-full w-full px-2 py-1 text-left">
        <div className="truncate text-xs font-semibold" title={t.name}>
          {t.name}
        </div>
        <div className="mt-0.5 flex items-center gap-1.5 text-[11px] text-slate-600 dark:text-slate-400">
          <StatusBadge status={t.status} />
          {t.attempt > 1 ? <span title={`${t.attempt} attempts`}>×{t.attempt}</span> : null}
          <span className="tabular-nums">
            <StepDuration startedAt={t.startedAt} finishedAt={t.finishedAt} running={t.status === "running"} />
          </span>
        </div>
        {wait ? (
          <div className="mt-0.5 truncate text-[11px] text-purple-700 dark:text-purple-300" title={describeWaitReason(wait)}>
            {wait.type === "backoff" ? <WaitText describe={(now) => describeWaitReason(wait, now)} /> : describeWaitReason(wait)}
          </div>
        ) : t.error ? (
          <div className="mt-0.5 truncate text-[11px] text-red-700 dark:text-red-400" title={t.error}>
            {t.error}
          </div>
        ) : null}
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-slate-400" />
    </div>
  );
});
