import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatRelative } from "@/components/ui/format";
import { RunsTable } from "@/components/runs/runs-table";
import { NewWorkflowButton } from "@/components/workflows/new-workflow-button";
import { HealthRollup } from "@/components/projects/health-rollup";
import { TrendSparklines } from "@/components/projects/trend-sparkline";
import { WorkflowsTable } from "@/components/projects/workflows-table";
import { projectForPage, projectReader } from "@/components/projects/project-loader";
import { listWorkflows } from "@/lib/queries/projects";
import { listRuns } from "@/lib/queries/runs";
import { projectHealth, projectTrend } from "@/lib/queries/project-overview";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** Overview: details, 14-day trend, health roll-up, workflows with their last run, recent runs. */
export default async function ProjectOverviewPage({ params }: { params: Params }) {
  const { canEdit } = await projectReader();
  const project = await projectForPage((await params).slug);
  const [workflows, runs, trend] = await Promise.all([listWorkflows(project.id), listRuns({ projectId: project.id, take: 10 }), projectTrend(project.id)]);
  const health = await projectHealth(project.id, workflows);

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Trend" className="lg:col-span-2">
          <TrendSparklines trend={trend} />
        </Card>
        <Card title="Health">
          <HealthRollup projectSlug={project.slug} health={health} />
        </Card>
      </div>
      <Card title="Details">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500 dark:text-slate-400">Working directory</dt>
          <dd className="break-all font-mono text-xs" data-testid="working-dir">
            {project.workingDir ?? "—"}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">Created</dt>
          <dd>{formatRelative(project.createdAt)}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Last changed</dt>
          <dd>{formatRelative(project.updatedAt)}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Dependencies</dt>
          <dd>
            <Link href={`/projects/${project.slug}/dependencies`} className="text-indigo-700 hover:underline dark:text-indigo-300">
              depends on {project.dependsOn.length}, depended on by {project.dependents.length}
            </Link>
          </dd>
        </dl>
      </Card>
      <Card
        title={`Workflows (${workflows.length})`}
        actions={canEdit && project.status !== "archived" ? <NewWorkflowButton project={project.slug} /> : undefined}
      >
        <WorkflowsTable projectSlug={project.slug} workflows={workflows} />
      </Card>
      <Card
        title="Recent runs"
        actions={
          runs.length ? (
            <Link href={`/projects/${project.slug}/runs`} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
              All runs →
            </Link>
          ) : undefined
        }
      >
        {runs.length ? <RunsTable runs={runs} showProject={false} /> : <EmptyState title="No runs yet">Open a workflow and press Run.</EmptyState>}
      </Card>
    </div>
  );
}
