import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { listAudit } from "@/lib/audit/audit";
import { AuditList } from "@/components/audit/audit-list";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RunsTable } from "@/components/runs/runs-table";
import { StepsTable } from "@/components/workflows/steps-table";
import { RunWorkflowButton } from "@/components/workflows/run-workflow-button";
import { getWorkflow } from "@/lib/queries/projects";
import { listRuns } from "@/lib/queries/runs";
import type { WorkflowDefinition } from "@/lib/engine/definition";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; workflow: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const wf = await getWorkflow(p.slug, p.workflow);
  return { title: wf?.name ?? "Workflow not found" };
}

export default async function WorkflowPage({ params }: { params: Params }) {
  const me = await requirePage("viewer");
  const p = await params;
  const workflow = await getWorkflow(p.slug, p.workflow);
  if (!workflow) notFound();
  const version = workflow.versions[0];
  const definition = version?.definition as WorkflowDefinition | undefined;
  const runs = await listRuns({ workflowId: workflow.id, take: 20 });
  const runBlocked = !hasRole(effectiveRole(me), "editor")
    ? `Your role (${effectiveRole(me)}) can read workflows but not run them.`
    : workflow.project.status === "archived"
      ? "This project is archived: runs are refused."
      : workflow.project.status === "paused"
        ? "This project is paused: no new runs start until it is resumed."
        : !version
          ? "This workflow has no version yet."
          : null;

  return (
    <>
      <PageHeader
        title={workflow.name}
        breadcrumb={
          <>
            <Link href="/projects" className="hover:underline">Projects</Link> /{" "}
            <Link href={`/projects/${workflow.project.slug}`} className="hover:underline">{workflow.project.name}</Link>
          </>
        }
        description={workflow.description || undefined}
        actions={
          <div className="flex items-start gap-2">
            <Link
              href={`/projects/${workflow.project.slug}/workflows/${workflow.slug}/edit`}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {hasRole(effectiveRole(me), "editor") && workflow.project.status !== "archived" ? "✎ Edit" : "View in editor"}
            </Link>
            <RunWorkflowButton workflowId={workflow.id} disabledReason={runBlocked} />
          </div>
        }
      />
      {definition && version ? (
        <>
          <Card title={`Steps (${definition.steps.length}) · version ${version.number}`}>
            <StepsTable definition={definition} />
          </Card>
          <Card title="Definition" className="mt-6">
            <pre className="max-h-[28rem] overflow-auto rounded bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100">
              {version.source ?? JSON.stringify(definition, null, 2)}
            </pre>
          </Card>
        </>
      ) : (
        <EmptyState title="No definition yet" />
      )}
      <Card title="Runs" className="mt-6">
        {runs.length ? <RunsTable runs={runs} showProject={false} /> : <EmptyState title="Not run yet">Press Run to start this workflow.</EmptyState>}
      </Card>
      <Card title="Activity" className="mt-6">
        <AuditList entries={await listAudit({ workflowId: workflow.id, take: 30 })} empty="Nothing recorded for this workflow yet." />
      </Card>
    </>
  );
}
