import Link from "next/link";
import { requirePage } from "@/lib/auth/current";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDuration } from "@/components/ui/format";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { RunsOutcomeChart } from "@/components/charts/runs-outcome-chart";
import { DurationTrendChart } from "@/components/charts/duration-trend-chart";
import { RangeSelector } from "@/components/dashboard/range-selector";
import { ActiveRuns } from "@/components/dashboard/active-runs";
import { FailingSteps, RecentFailures } from "@/components/dashboard/failing-steps";
import { PoolMeters } from "@/components/dashboard/pool-meters";
import { db } from "@/lib/queries/db";
import { listPools } from "@/lib/pools/manage-pools";
import { loadOverview } from "@/lib/metrics/overview-query";
import { resolveWindow } from "@/lib/metrics/time-window";

export const dynamic = "force-dynamic";

const link = "text-xs text-indigo-600 hover:underline dark:text-indigo-400";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("viewer");
  const window = resolveWindow(await searchParams);
  const [o, pools] = await Promise.all([loadOverview(db(), { window }), listPools()]);
  const t = o.trend;
  const label = window.label;
  const now = new Date(o.asOf);
  return (
    <>
      <PageHeader title="Overview" description="What is running, what finished, and how it went." actions={<RangeSelector window={window} allowCustom />} />
      <AutoRefresh active={o.active.length > 0} intervalMs={5000} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={window.key === "custom" ? "Runs in range" : `Runs (${label})`} value={t.total} hint={`${t.points.reduce((a, p) => a + p.failed, 0)} failed · ${t.points.reduce((a, p) => a + p.cancelled, 0)} cancelled`} />
        <Stat label="Success rate" value={t.successRate === null ? "—" : `${(t.successRate * 100).toFixed(1)} %`} hint={`of ${t.finished} finished runs`} />
        <Stat label="Duration p50" value={formatDuration(t.p50Ms)} hint={`p95 ${formatDuration(t.p95Ms)}`} />
        <Stat label="Active runs" value={o.active.length} hint={`${o.active.filter((r) => r.status === "running").length} running now`} />
      </div>
      {t.total === 0 ? (
        <div className="mt-6">
          <EmptyState title={window.key === "custom" ? `No runs ${label}` : `No runs in the last ${label}`}>
            Open the <Link href="/projects/examples" className="text-indigo-600 underline dark:text-indigo-400">Examples</Link> project and run one of its workflows: every chart here is built from recorded runs.
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title={`Runs by outcome (${label}, UTC)`}>
            <RunsOutcomeChart points={t.points} bucketMs={o.bucketMs} />
          </Card>
          <Card title="Run duration p50 / p95">
            <DurationTrendChart points={t.points} bucketMs={o.bucketMs} />
          </Card>
        </div>
      )}
      {o.truncated ? <p className="mt-2 text-xs text-amber-600">Only the latest 50,000 runs of this period are charted.</p> : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Active runs" className="lg:col-span-2" actions={<Link href="/runs" className={link}>All runs</Link>}>
          <ActiveRuns runs={o.active} now={o.asOf} />
        </Card>
        <Card title="Resource pools" actions={<Link href="/resources" className={link}>Resources</Link>}>
          <PoolMeters pools={pools} />
        </Card>
        <Card title="Top failing steps" actions={<Link href="/reports" className={link}>Reports</Link>}>
          <FailingSteps steps={o.failingSteps} />
        </Card>
        <Card title="Recent failures" className="lg:col-span-2">
          <RecentFailures runs={o.recentFailures} now={now} />
        </Card>
      </div>
    </>
  );
}
