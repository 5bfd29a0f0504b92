import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { listAudit } from "@/lib/audit/audit";
import { AuditList } from "@/components/audit/audit-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRunProvider } from "@/components/runs/live-run-context";
import { RunControls } from "@/components/runs/run-controls";
import { RerunProvider } from "@/components/runs/rerun-context";
import { RunStatus, RunSummary } from "@/components/runs/run-summary";
import { RunViews } from "@/components/runs/run-views";
import { getLiveRun } from "@/lib/queries/live-run";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Run ${(await params).id.slice(0, 10)}` };
}

export default async function RunPage({ params }: { params: Params }) {
  const me = await requirePage("viewer");
  const run = await getLiveRun((await params).id);
  if (!run) notFound();
  const activity = await listAudit({ runId: run.id, take: 50 });
  const role = effectiveRole(me);
  const controlBlocked = hasRole(role, "editor") ? null : `Your role (${role}) can watch runs but not control them.`;

  return (
    <LiveRunProvider initial={run}>
      <RerunProvider roleBlock={controlBlocked}>
        <PageHeader
          title={`${run.workflow.name} · run ${run.id.slice(0, 10)}`}
          breadcrumb={
            <>
              <Link href={`/projects/${run.project.slug}`} className="hover:underline">
                {run.project.name}
              </Link>{" "}
              /{" "}
              <Link href={`/projects/${run.project.slug}/workflows/${run.workflow.slug}`} className="hover:underline">
                {run.workflow.name} v{run.version}
              </Link>
            </>
          }
          actions={
            <div className="flex flex-col items-end gap-2">
              <RunStatus />
              <RunControls blockedReason={controlBlocked} />
            </div>
          }
        />
        <RunSummary />
        <RunViews />
        <Card title="Activity" className="mt-6">
          <AuditList entries={activity} empty="No one has acted on this run yet." />
        </Card>
        <Card title="Parameters" className="mt-6">
          {Object.keys(run.params).length ? (
            <pre className="overflow-auto font-mono text-xs">{JSON.stringify(run.params, null, 2)}</pre>
          ) : (
            <p className="text-sm text-slate-500">This run has no parameters.</p>
          )}
        </Card>
      </RerunProvider>
    </LiveRunProvider>
  );
}
