import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { listAudit } from "@/lib/audit/audit";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { ProjectSettings } from "@/components/projects/project-settings";
import { AuditList } from "@/components/audit/audit-list";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatRelative } from "@/components/ui/format";
import { RunsTable } from "@/components/runs/runs-table";
import { getProjectBySlug, listWorkflows } from "@/lib/queries/projects";
import { listRuns } from "@/lib/queries/runs";
import { TableHead } from "@/components/ui/table";
import { NewWorkflowButton } from "@/components/workflows/new-workflow-button";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const project = await getProjectBySlug((await params).slug);
  return { title: project?.name ?? "Project not found" };
}

export default async function ProjectPage({ params }: { params: Params }) {
  const me = await requirePage("viewer");
  const project = await getProjectBySlug((await params).slug);
  if (!project) notFound();
  const [workflows, runs] = await Promise.all([listWorkflows(project.id), listRuns({ projectId: project.id, take: 15 })]);

  return (
    <>
      <PageHeader
        title={project.name}
        breadcrumb={<Link href="/projects" className="hover:underline">Projects</Link>}
        description={project.description || undefined}
        actions={<StatusBadge status={project.status} />}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500 dark:text-slate-400">Working directory</dt>
        <dd className="font-mono text-xs">{project.workingDir ?? "—"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Created</dt>
        <dd>{formatRelative(project.createdAt)}</dd>
      </dl>
      <Card
        title={`Workflows (${workflows.length})`}
        actions={hasRole(effectiveRole(me), "editor") && project.status !== "archived" ? <NewWorkflowButton project={project.slug} /> : undefined}
      >
        {workflows.length === 0 ? (
          <EmptyState title="No workflows in this project" />
        ) : (
          <div className="overflow-x-auto">
            <table aria-label="Workflows" className="w-full text-left text-sm">
              <TableHead columns={["Name", "Steps", "Version", "Last run"]} />
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {workflows.map((w) => (
                  <tr key={w.id}>
                    <td className="py-2 pr-4">
                      <Link href={`/projects/${project.slug}/workflows/${w.slug}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                        {w.name}
                      </Link>
                      {w.description ? <p className="mt-0.5 line-clamp-1 text-xs text-slate-500 dark:text-slate-400">{w.description}</p> : null}
                    </td>
                    <td className="py-2 pr-4 tabular-nums">{w.stepCount}</td>
                    <td className="py-2 pr-4 tabular-nums">v{w.latestVersion}</td>
                    <td className="py-2 pr-4">
                      {w.lastRun ? (
                        <Link href={`/runs/${w.lastRun.id}`} className="flex items-center gap-2 hover:underline">
                          <StatusBadge status={w.lastRun.status} />
                          <span className="text-slate-500 dark:text-slate-400">{formatRelative(w.lastRun.queuedAt)}</span>
                        </Link>
                      ) : (
                        <span className="text-slate-500 dark:text-slate-400">never</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="Recent runs" className="mt-6">
        {runs.length ? <RunsTable runs={runs} showProject={false} /> : <EmptyState title="No runs yet">Open a workflow and press Run.</EmptyState>}
      </Card>
      <Card title="Activity" className="mt-6">
        <AuditList entries={await listAudit({ projectId: project.id, take: 30 })} empty="Nothing recorded for this project yet." />
      </Card>
      {hasRole(effectiveRole(me), "editor") ? (
        <Card title="Settings" className="mt-6">
          <ProjectSettings project={project} dependents={project.dependents.map((d) => d.project.name)} />
        </Card>
      ) : null}
    </>
  );
}
