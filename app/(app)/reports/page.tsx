import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/current";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDuration } from "@/components/ui/format";
import { RunDurationChart } from "@/components/charts/run-duration-chart";
import { BottleneckChart } from "@/components/charts/bottleneck-chart";
import { StepStatsTable } from "@/components/dashboard/step-stats-table";
import { RunCompareTable } from "@/components/dashboard/run-compare-table";
import { ComparePicker, WorkflowPicker } from "@/components/dashboard/report-pickers";
import { ExportLinks } from "@/components/dashboard/export-links";
import { PoolWaitsTable } from "@/components/resources/pool-waits-table";
import { db } from "@/lib/queries/db";
import { listWorkflowOptions } from "@/lib/metrics/workflow-options";
import { loadWorkflowInsights } from "@/lib/metrics/workflow-insights";
import { loadRunComparison } from "@/lib/metrics/run-comparison";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("viewer");
  const sp = await searchParams;
  const workflowId = one(sp.workflow);
  const [options, insights] = await Promise.all([listWorkflowOptions(db()), workflowId ? loadWorkflowInsights(db(), { workflowId, limit: 200 }) : null]);
  const chosen = options.find((o) => o.id === workflowId);
  const a = one(sp.a);
  const b = one(sp.b);
  const comparison = insights && a && b ? await loadRunComparison(a, b) : null;
  return (
    <>
      <PageHeader title="Reports" description="Performance over time, bottlenecks and exports, from recorded runs." />
      <WorkflowPicker options={options} value={workflowId} />
      {!workflowId ? (
        <div className="mt-6">
          <EmptyState title="Pick a workflow">
            Reports are built from the recorded runs of one workflow. No runs yet? Run a workflow of the <Link href="/projects/examples" className="text-indigo-600 underline dark:text-indigo-400">Examples</Link> project first.
          </EmptyState>
        </div>
      ) : !chosen ? (
        <div className="mt-6">
          <EmptyState title="No such workflow">It may have been archived or deleted. Pick another one above.</EmptyState>
        </div>
      ) : !insights ? (
        <div className="mt-6">
          <EmptyState title={`${chosen.label} has no runs yet`}>Run it once and come back: every number here comes from recorded runs.</EmptyState>
        </div>
      ) : (
        <div className="mt-6 space-y-6" data-testid="workflow-report">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">{chosen.label}</h2>
            <ExportLinks href={`/api/v1/workflows/${workflowId}/report`} label="workflow report" />
          </div>
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat label="Runs (latest 200)" value={insights.summary.runs} hint={`${insights.summary.succeeded} succeeded · ${insights.summary.failed} failed`} />
            <Stat label="Duration p50" value={formatDuration(insights.summary.p50Ms)} hint={`p95 ${formatDuration(insights.summary.p95Ms)}`} />
            <Stat label="Regressions" value={insights.runs.filter((r) => r.regression).length} hint="runs > 1.5 × median of the previous 10" />
            <Stat label="Step queue wait" value={formatDuration(insights.summary.totalQueueWaitMs)} hint={`summed over steps, vs ${formatDuration(insights.summary.totalRunMs)} of run time`} />
          </div>
          <Card title="Duration per run (ringed: regression)">
            <RunDurationChart runs={insights.runs} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Bottlenecks: critical path share">
              {insights.bottlenecks.length ? <BottleneckChart rows={insights.bottlenecks} /> : <p className="text-sm text-slate-500 dark:text-slate-400">No finished run recorded a critical path yet.</p>}
            </Card>
            <Card title="Where runs wait (per pool)">
              <PoolWaitsTable waits={insights.poolWaits} label="Workflow waiting per pool" />
            </Card>
          </div>
          <Card title="Steps">
            <StepStatsTable rows={insights.steps} />
          </Card>
          <Card title="Compare two runs" actions={comparison?.ok ? <ExportLinks href={`/api/v1/runs/${b}/report`} label="run B report" /> : null}>
            {insights.runs.length < 2 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">Needs at least two runs.</p>
            ) : (
              <>
                <ComparePicker workflowId={workflowId} runs={insights.runs} a={a} b={b} />
                {comparison ? <div className="mt-4">{comparison.ok ? <RunCompareTable rows={comparison.rows} /> : <p role="alert" className="text-sm text-red-600">{comparison.error}</p>}</div> : null}
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
