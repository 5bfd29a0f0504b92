import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { checkHealth } from "@/lib/health/checks";

export const metadata: Metadata = { title: "Health" };
export const dynamic = "force-dynamic";

export default async function HealthPage() {
  await requirePage("viewer");
  const report = await checkHealth();
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
      <p className="mt-6 text-sm text-slate-500 dark:text-slate-400">
        Scripts and monitors: <a className="underline" href="/api-docs">REST API reference</a> · liveness at <code>/api/health</code> (anonymous).
      </p>
    </>
  );
}
