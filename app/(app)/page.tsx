import { requirePage } from "@/lib/auth/current";
import Link from "next/link";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RunsTable } from "@/components/runs/runs-table";
import { listRuns, runCountsByStatus } from "@/lib/queries/runs";
import { listProjects } from "@/lib/queries/projects";
import { listPoolUsage } from "@/lib/queries/resources";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  await requirePage("viewer");
  const [counts, recent, projects, pools] = await Promise.all([runCountsByStatus(), listRuns({ take: 10 }), listProjects({ pageSize: 10_000 }), listPoolUsage()]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const finished = (counts.succeeded ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0);
  const successRate = finished > 0 ? `${Math.round(((counts.succeeded ?? 0) / finished) * 100)} %` : "—";
  const active = (counts.running ?? 0) + (counts.queued ?? 0) + (counts.paused ?? 0);

  return (
    <>
      <PageHeader title="Overview" description="What is running, what finished, and how it went." />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Projects" value={projects.total} hint={`${projects.rows.reduce((a, p) => a + p.workflowCount, 0)} workflows`} />
        <Stat label="Active runs" value={active} hint={`${counts.running ?? 0} running · ${counts.paused ?? 0} paused`} />
        <Stat label="Runs (all time)" value={total} hint={`${counts.failed ?? 0} failed · ${counts.cancelled ?? 0} cancelled`} />
        <Stat label="Success rate" value={successRate} hint={`of ${finished} finished runs`} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Recent runs" className="lg:col-span-2" actions={<Link href="/runs" className="text-xs text-indigo-600 hover:underline dark:text-indigo-400">All runs</Link>}>
          {recent.length ? (
            <RunsTable runs={recent} />
          ) : (
            <EmptyState title="No runs yet">
              Open the <Link href="/projects/examples" className="text-indigo-600 underline dark:text-indigo-400">Examples</Link> project and run one of its workflows to see results here.
            </EmptyState>
          )}
        </Card>
        <Card title="Resource pools" actions={<Link href="/resources" className="text-xs text-indigo-600 hover:underline dark:text-indigo-400">Resources</Link>}>
          <ul className="space-y-3">
            {pools.map((p) => (
              <li key={p.name}>
                <div className="flex justify-between text-sm">
                  <span className="font-medium">{p.name}</span>
                  <span className="tabular-nums text-slate-600 dark:text-slate-400">
                    {p.inUse} / {p.capacity}
                  </span>
                </div>
                <div className="mt-1 h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="meter" aria-label={`${p.name} in use`} aria-valuemin={0} aria-valuemax={p.capacity} aria-valuenow={p.inUse}>
                  <div className="h-full bg-indigo-500" style={{ width: `${p.capacity > 0 ? Math.min(100, (p.inUse / p.capacity) * 100) : 0}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
