import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { listAudit } from "@/lib/audit/audit";
import { AuditList } from "@/components/audit/audit-list";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { durationBetween, formatDuration } from "@/components/ui/format";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { RunControls } from "@/components/runs/run-controls";
import { TaskTable } from "@/components/runs/task-table";
import { getRunDetail } from "@/lib/queries/runs";
import type { WorkflowDefinition } from "@/lib/engine/definition";
import type { RunMetrics } from "@/lib/engine/store";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Run ${(await params).id.slice(0, 10)}` };
}

export default async function RunPage({ params }: { params: Params }) {
  const me = await requirePage("viewer");
  const run = await getRunDetail((await params).id);
  if (!run) notFound();
  const activity = await listAudit({ runId: run.id, take: 50 });
  const role = effectiveRole(me);
  const controlBlocked = hasRole(role, "editor") ? null : `Your role (${role}) can watch runs but not control them.`;
  const definition = run.workflowVersion.definition as WorkflowDefinition;
  const order = new Map(definition.steps.map((s, i) => [s.id, i]));
  const tasks = [...run.tasks].sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
  const names = Object.fromEntries(definition.steps.map((s) => [s.id, s.name ?? s.id]));
  const counts = tasks.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.status]: (acc[t.status] ?? 0) + 1 }), {});
  const done = tasks.filter((t) => !["pending", "waiting", "ready", "running"].includes(t.status)).length;
  const live = ["queued", "running", "paused"].includes(run.status);
  const metrics = run.metrics as RunMetrics | null;

  return (
    <>
      <PageHeader
        title={`${run.workflow.name} · run ${run.id.slice(0, 10)}`}
        breadcrumb={
          <>
            <Link href={`/projects/${run.project.slug}`} className="hover:underline">{run.project.name}</Link> /{" "}
            <Link href={`/projects/${run.project.slug}/workflows/${run.workflow.slug}`} className="hover:underline">
              {run.workflow.name} v{run.workflowVersion.number}
            </Link>
          </>
        }
        actions={
          <>
            <StatusBadge status={run.status} />
            <RunControls runId={run.id} status={run.status} blockedReason={controlBlocked} />
          </>
        }
      />
      <AutoRefresh active={live} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Progress" value={`${done} / ${tasks.length}`} hint={Object.entries(counts).map(([s, n]) => `${n} ${s.replace("_", " ")}`).join(" · ")} />
        <Stat label="Duration" value={formatDuration(durationBetween(run.startedAt, run.finishedAt))} hint={run.startedAt ? `started ${run.startedAt.toISOString().replace("T", " ").slice(0, 19)} UTC` : "not started"} />
        <Stat label="Critical path" value={metrics ? formatDuration(metrics.criticalPathMs) : "—"} hint={metrics?.criticalPath.join(" → ")} />
        <Stat label="Parallelism" value={metrics ? metrics.meanParallelism.toFixed(2) : "—"} hint={metrics ? `queue wait ${formatDuration(metrics.totalQueueWaitMs)}` : `trigger: ${run.trigger}`} />
      </div>
      <div className="mt-4 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Steps done" aria-valuemin={0} aria-valuemax={tasks.length} aria-valuenow={done}>
        <div className="h-full bg-indigo-500 transition-all" style={{ width: `${tasks.length ? (done / tasks.length) * 100 : 0}%` }} />
      </div>
      {run.error ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
          {run.error}
        </p>
      ) : null}
      <Card title="Steps" className="mt-6">
        <TaskTable tasks={tasks} names={names} />
      </Card>
      <Card title="Activity" className="mt-6">
        <AuditList entries={activity} empty="No one has acted on this run yet." />
      </Card>
      <Card title="Parameters" className="mt-6">
        <pre className="overflow-auto font-mono text-xs">{JSON.stringify(run.params, null, 2)}</pre>
      </Card>
    </>
  );
}
