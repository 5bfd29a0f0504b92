import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { checkHealth } from "@/lib/health/checks";
import { HostChart } from "@/components/charts/host-chart";
import { db } from "@/lib/queries/db";
import { loadHostSamples } from "@/lib/metrics/host-query";
import { HOST_RETENTION_MS, HOST_SAMPLE_INTERVAL_MS } from "@/lib/metrics/host-collector";
import { HealthHistory } from "@/components/health/health-history";
import { HEALTH_RETENTION_MS, loadHealthHistory } from "@/lib/health/history";

const HISTORY_HOURS = 24;

export const metadata: Metadata = { title: "Health" };
export const dynamic = "force-dynamic";

export default async function HealthPage() {
  await requirePage("viewer");
  const [report, host, history] = await Promise.all([
    checkHealth(),
    loadHostSamples(db(), { rangeMs: 3_600_000 }),
    // The live checks above matter more than their history: a history that cannot be read is left out.
    loadHealthHistory(db(), { rangeMs: HISTORY_HOURS * 3_600_000 }).catch(() => null),
  ]);
  return (
    <>
      <PageHeader
        title="Health"
        description={`Checked ${report.checkedAt.replace("T", " ").slice(0, 19)} UTC · refreshes every 5 s · also at /api/health/ready (token) and \`orchestrate health\``}
        actions={<StatusBadge status={report.status} />}
      />
      <AutoRefresh active intervalMs={5000} />
      <div className="grid gap-4 md:grid-cols-2">
        {report.components.map((c) => (
          <Card key={c.name} title={c.name[0]?.toUpperCase() + c.name.slice(1)} actions={<StatusBadge status={c.status} />}>
            <p className="text-sm">{c.detail}</p>
            {c.value ? <p className="mt-1 text-2xl font-semibold tabular-nums">{c.value}</p> : null}
            {c.thresholds ? <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Thresholds: {c.thresholds}</p> : null}
          </Card>
        ))}
      </div>
      {history ? (
        <HealthHistory history={history} hours={HISTORY_HOURS} retentionDays={HEALTH_RETENTION_MS / 86_400_000} />
      ) : (
        <Card title="History" className="mt-6">
          <p className="text-sm text-slate-500 dark:text-slate-400">The health history could not be read from the database.</p>
        </Card>
      )}
      <Card title="System: this host, last hour (UTC)" className="mt-6">
        {host.length ? (
          <HostChart points={host} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No samples yet: the server records CPU, memory and disk every {HOST_SAMPLE_INTERVAL_MS / 1000} s once it has started (kept for {HOST_RETENTION_MS / 3_600_000} h).</p>
        )}
      </Card>
      <p className="mt-6 text-sm text-slate-500 dark:text-slate-400">
        Scripts and monitors: <a className="underline" href="/api-docs">REST API reference</a> · liveness at <code>/api/health</code> (anonymous).
      </p>
    </>
  );
}
