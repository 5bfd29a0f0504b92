"use client";

import dynamic from "next/dynamic";
import type { WorkflowEditorProps } from "@/components/editor/workflow-editor";

// The canvas measures the DOM: render it in the browser only.
const WorkflowEditor = dynamic(() => import("@/components/editor/workflow-editor").then((m) => m.WorkflowEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the editor…</p>,
});

export function WorkflowEditorIsland(props: WorkflowEditorProps) {
  return <WorkflowEditor {...props} />;
}
