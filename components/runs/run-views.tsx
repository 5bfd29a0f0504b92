"use client";

import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { ganttOf } from "@/lib/live/gantt";
import { waitReasonsOf } from "@/lib/live/wait";
import { Card } from "@/components/ui/card";
import { useLiveRun, useNow } from "./live-run-context";
import { StepDrawer } from "./step-drawer";
import { TaskTable } from "./task-table";

// The graph (React Flow + dagre layout) renders in the browser only: laying out hundreds of steps
// during server rendering would delay the whole page, and React Flow measures nodes in the DOM anyway.
const RunDag = dynamic(() => import("./run-dag").then((m) => m.RunDag), {
  ssr: false,
  loading: () => <div className="h-[28rem] w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" aria-label="Loading the graph" />,
});

// Recharts measures the DOM: render the timeline in the browser only, and only when its tab is open.
const GanttChart = dynamic(() => import("@/components/charts/gantt-chart").then((m) => m.GanttChart), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the timeline…</p>,
});

type View = "graph" | "timeline";

function Timeline({ onOpen }: { onOpen: (stepId: string) => void }) {
  const { run } = useLiveRun();
  const now = useNow();
  const gantt = useMemo(() => ganttOf(run, now), [run, now]);
  if (gantt.rows.length === 0) return <p className="text-sm text-slate-500">No step has started yet.</p>;
  return <GanttChart gantt={gantt} nowOffset={run.finishedAt === null ? now - gantt.origin : null} onOpen={onOpen} />;
}

/** The run's steps as a live graph or timeline, the step table, and the drawer of the selected step (`?step=`). */
export function RunViews() {
  const { run } = useLiveRun();
  const params = useSearchParams();
  const [view, setView] = useState<View>(params.get("view") === "timeline" ? "timeline" : "graph");
  const [selected, setSelected] = useState<string | null>(params.get("step"));
  const waits = useMemo(() => waitReasonsOf(run), [run]);

  // The URL keeps the open step and view (shareable links) without a server round trip.
  const remember = useCallback((next: { step?: string | null; view?: View }) => {
    const url = new URL(window.location.href);
    if (next.step !== undefined) {
      if (next.step) url.searchParams.set("step", next.step);
      else url.searchParams.delete("step");
    }
    if (next.view) url.searchParams.set("view", next.view);
    window.history.replaceState(window.history.state, "", url);
  }, []);
  const open = useCallback(
    (stepId: string) => {
      setSelected(stepId);
      remember({ step: stepId });
    },
    [remember],
  );
  const close = useCallback(() => {
    setSelected(null);
    remember({ step: null });
  }, [remember]);
  const show = (v: View) => {
    setView(v);
    remember({ view: v });
  };

  const tab = (v: View, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === v}
      onClick={() => show(v)}
      className={`rounded-md px-3 py-1 text-sm ${view === v ? "bg-indigo-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
    >
      {label}
    </button>
  );

  return (
    <>
      <Card
        title={view === "graph" ? "Graph" : "Timeline"}
        className="mt-6"
        actions={
          <div role="tablist" aria-label="Run views" className="flex gap-1">
            {tab("graph", "Graph")}
            {tab("timeline", "Timeline")}
          </div>
        }
      >
        {view === "graph" ? <RunDag run={run} waits={waits} selected={selected} onOpen={open} /> : <Timeline onOpen={open} />}
      </Card>
      <Card title="Steps" className="mt-6">
        <TaskTable tasks={run.tasks} waits={waits} selected={selected} onOpen={open} />
      </Card>
      {selected && run.tasks.some((t) => t.stepId === selected) ? <StepDrawer key={selected} stepId={selected} wait={waits.get(selected) ?? null} onClose={close} /> : null}
    </>
  );
}
