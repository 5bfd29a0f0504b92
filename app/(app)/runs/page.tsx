import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { RunsTable } from "@/components/runs/runs-table";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { listRuns } from "@/lib/queries/runs";

export const metadata: Metadata = { title: "Runs" };
export const dynamic = "force-dynamic";

export default async function RunsPage() {
  await requirePage("viewer");
  const runs = await listRuns({ take: 100 });
  const live = runs.some((r) => r.status === "running" || r.status === "queued");
  return (
    <>
      <PageHeader title="Runs" description="The latest 100 runs across all projects, newest first." />
      <AutoRefresh active={live} />
      {runs.length ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <RunsTable runs={runs} />
        </div>
      ) : (
        <EmptyState title="No runs yet">Runs appear here when a workflow is started from its page, the CLI or the API.</EmptyState>
      )}
    </>
  );
}
