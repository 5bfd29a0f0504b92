"use client";

import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from "@xyflow/react";
import { memo, useEffect, useRef } from "react";
import type { StepInput } from "@/lib/engine/definition";
import { KindIcon } from "./kind-icon";

export type StepNodeData = { step: StepInput; problems: string[]; vertical: boolean; diff?: "added" | "changed" };
export type StepFlowNode = Node<StepNodeData, "step">;

function excerpt(s: StepInput): string {
  switch (s.kind) {
    case "shell":
      return (s.run ?? "").split("\n")[0] ?? "";
    case "http":
      return s.http ? `${s.http.method ?? "GET"} ${s.http.url}` : "";
    case "delay":
      return s.delayMs !== undefined ? `${s.delayMs} ms` : s.delaySec !== undefined ? `${s.delaySec} s` : "";
    case "noop":
      return "";
  }
}

function facts(s: StepInput): string[] {
  const out: string[] = [];
  if (s.retry?.maxAttempts && s.retry.maxAttempts > 1) out.push(`↻ ${s.retry.maxAttempts - 1}`);
  if (s.timeoutSec) out.push(`⌛ ${s.timeoutSec}s`);
  if (s.resources?.cpu) out.push(`${s.resources.cpu} cpu`);
  if (s.resources?.memoryMb) out.push(`${s.resources.memoryMb} MB`);
  for (const [pool, n] of Object.entries(s.resources?.pools ?? {})) out.push(`${n} ${pool}`);
  if (s.continueOnFailure) out.push("may fail");
  return out;
}

/** One step on the canvas. Memoised: React Flow re-renders it only when its node object changes. */
export const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<StepFlowNode>) {
  const { step, problems, vertical, diff } = data;
  // Handles move when the layout direction changes: React Flow must re-measure them. Not on mount
  // (React Flow measures new nodes itself; a call per node would force a layout per node on a big graph).
  const updateInternals = useUpdateNodeInternals();
  const shownVertical = useRef(vertical);
  useEffect(() => {
    if (shownVertical.current === vertical) return;
    shownVertical.current = vertical;
    updateInternals(id);
  }, [id, vertical, updateInternals]);
  const ring = problems.length
    ? "border-red-500"
    : diff === "added"
      ? "border-emerald-500"
      : diff === "changed"
        ? "border-amber-500"
        : "border-slate-300 dark:border-slate-700";
  return (
    <div
      data-testid="step-node"
      data-step={step.id}
      className={`w-[230px] rounded-md border-2 bg-white px-3 py-2 text-xs shadow-sm dark:bg-slate-900 ${ring} ${selected ? "ring-2 ring-indigo-500" : ""}`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} className="!h-3 !w-3 !bg-slate-500" />
      <div className="flex items-center gap-2">
        <KindIcon kind={step.kind} />
        <span className="truncate font-semibold">{step.name ?? step.id}</span>
        <span className="ml-auto rounded bg-slate-100 px-1 text-[10px] uppercase text-slate-500 dark:bg-slate-800">{step.kind}</span>
      </div>
      {step.name ? <div className="truncate font-mono text-[10px] text-slate-400">{step.id}</div> : null}
      <div className="mt-1 truncate font-mono text-slate-600 dark:text-slate-300" title={excerpt(step)}>
        {excerpt(step) || "\u00a0"}
      </div>
      <div className="mt-1 flex flex-wrap gap-1 text-[10px] text-slate-500">
        {facts(step).map((f) => (
          <span key={f} className="rounded bg-slate-100 px-1 dark:bg-slate-800">{f}</span>
        ))}
        {problems.length ? (
          <span className="rounded bg-red-100 px-1 font-semibold text-red-700" title={problems.join("\n")} data-testid="step-problems">
            ⚠ {problems.length}
          </span>
        ) : null}
      </div>
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} className="!h-3 !w-3 !bg-indigo-500" />
    </div>
  );
});
