import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDuration } from "@/components/ui/format";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { RangeSelector } from "@/components/dashboard/range-selector";
import { PoolUtilizationChart } from "@/components/charts/pool-utilization-chart";
import { NewPoolForm } from "@/components/resources/pool-form";
import { PoolRowActions } from "@/components/resources/pool-row-actions";
import { AllocationsTable } from "@/components/resources/allocations-table";
import { PoolWaitsTable } from "@/components/resources/pool-waits-table";
import { db } from "@/lib/queries/db";
import { listPools } from "@/lib/pools/manage-pools";
import { loadPoolHistory } from "@/lib/metrics/pool-history";
import { presetWindow, parseRange, RANGES } from "@/lib/metrics/time-window";

export const metadata: Metadata = { title: "Resources" };
export const dynamic = "force-dynamic";

const th = "py-2 pr-4 font-medium";

export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("viewer");
  const canEdit = hasRole(effectiveRole(principal), "editor");
  const range = parseRange((await searchParams).range, "24h");
  const [pools, history] = await Promise.all([listPools(), loadPoolHistory(db(), { rangeMs: RANGES[range].ms })]);
  const label = RANGES[range].label;
  return (
    <>
      <PageHeader title="Resources" description="Pools that steps take capacity from before they start, and what is held right now." actions={<RangeSelector window={presetWindow(range, history.to)} basePath="/resources" />} />
      <AutoRefresh active={pools.some((p) => p.holders > 0)} intervalMs={2000} />
      <Card title="Pools">
        <table aria-label="Pools" className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th className={th}>Pool</th>
              <th className={th}>Capacity</th>
              <th className={th}>In use</th>
              <th className={th}>Holders</th>
              <th className={th}>Kind</th>
              {canEdit ? <th className={th}>Change</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {pools.map((p) => (
              <tr key={p.name}>
                <td className="py-2 pr-4">
                  <div className="font-medium">{p.name}</div>
                  {p.description ? <div className="text-xs text-slate-500 dark:text-slate-400">{p.description}</div> : null}
                </td>
                <td className="py-2 pr-4 tabular-nums">
                  {p.capacity}
                  {p.name === "memory" ? " MB" : ""}
                </td>
                <td className="py-2 pr-4 tabular-nums">{p.inUse}</td>
                <td className="py-2 pr-4 tabular-nums">{p.holders}</td>
                <td className="py-2 pr-4">{p.builtin ? "built-in" : "named"}</td>
                {canEdit ? <td className="py-2 pr-4">{p.builtin ? <span className="text-xs text-slate-500 dark:text-slate-400">mirrors this host</span> : <PoolRowActions name={p.name} capacity={p.capacity} />}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit ? (
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <NewPoolForm />
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Capacity changes reach running schedulers at once on this server and within 5 s on other engines.</p>
          </div>
        ) : null}
      </Card>
      <Card title="Held right now" className="mt-6">
        <AllocationsTable rows={history.held} now={history.to} />
      </Card>
      <Card title={`Waiting for pools (${label})`} className="mt-6">
        <PoolWaitsTable waits={history.waits} />
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Wait = time from a step being ready to acquiring the pool; a step needing several pools counts against each.</p>
      </Card>
      <h2 className="mb-3 mt-8 text-sm font-semibold text-slate-700 dark:text-slate-200">Utilization {history.viewFrom > history.from ? `since ${new Date(history.viewFrom).toISOString().slice(0, 19).replace("T", " ")}` : `over ${label}`} (UTC)</h2>
      {history.truncated ? <p className="mb-2 text-xs text-amber-600">Only the latest 20,000 allocations of this period are charted.</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {history.pools.map((p, i) => (
          <Card key={p.name} title={p.name} actions={<span className="text-xs text-slate-500 dark:text-slate-400">{p.saturatedMs > 0 ? `saturated ${formatDuration(p.saturatedMs)}` : "never saturated"}</span>}>
            {p.points.some((pt) => pt.peak > 0) ? (
              <PoolUtilizationChart name={p.name} capacity={p.capacity} points={p.points} bucketMs={history.bucketMs} colorIndex={i} />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">Nothing held in this period. Steps take from a pool when their workflow lists it under resources.pools (example 4 of the Examples project does).</p>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
