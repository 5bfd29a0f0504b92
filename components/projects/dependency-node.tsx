"use client";

import Link from "next/link";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/live/dag-layout";

/** Same size as the run DAG's nodes, whose layout the graph reuses. */
export const PROJECT_NODE_WIDTH = NODE_WIDTH;
export const PROJECT_NODE_HEIGHT = NODE_HEIGHT;

/** Left border colour by project status (fills, matching the status badges). */
const STATUS_FILL: Record<string, string> = { active: "#22c55e", paused: "#f59e0b", archived: "#9ca3af" };

export type ProjectNodeData = { name: string; slug: string; status: string; center: boolean };
export type ProjectNode = Node<ProjectNodeData, "project">;

/** One project in the dependency graph: its name (a link to its dependencies) and its status. */
export const DependencyNode = memo(function DependencyNode({ data }: NodeProps<ProjectNode>) {
  return (
    <div
      data-project={data.slug}
      data-status={data.status}
      className={`overflow-hidden rounded-md border bg-white px-3 py-3 text-left shadow-sm dark:bg-slate-900 ${
        data.center ? "border-indigo-500 ring-2 ring-indigo-300 dark:ring-indigo-700" : "border-slate-300 dark:border-slate-700"
      }`}
      style={{ width: PROJECT_NODE_WIDTH, height: PROJECT_NODE_HEIGHT, borderLeft: `6px solid ${STATUS_FILL[data.status] ?? "#94a3b8"}` }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-slate-400" />
      <Link href={`/projects/${data.slug}/dependencies`} className="block truncate text-sm font-semibold hover:underline" title={data.name}>
        {data.name}
      </Link>
      <div className="mt-1 flex items-center gap-2 text-[11px] text-slate-500 dark:text-slate-400">
        <StatusBadge status={data.status} />
        {data.center ? <span>this project</span> : null}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-slate-400" />
    </div>
  );
});
