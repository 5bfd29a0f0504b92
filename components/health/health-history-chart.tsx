"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { HealthHistory } from "@/lib/validations/health-history";
import { AXIS, formatTick, STATE_COLOR, TOOLTIP_STYLE } from "@/components/charts/chart-theme";
import { ChartDataTable } from "@/components/charts/chart-data-table";

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
/** Legend and tooltip in order of severity, not alphabetically. */
const bySeverity = (item: { dataKey?: unknown }) => ["healthy", "degraded", "unhealthy"].indexOf(String(item.dataKey));
const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Share of each bucket's samples that were healthy, degraded or unhealthy; an empty bucket means no server was running. */
export function HealthHistoryChart({ history }: { history: HealthHistory }) {
  const points = history.buckets.map((b) => {
    const total = b.healthy + b.degraded + b.unhealthy;
    return { t: b.t, samples: total, healthy: pct(b.healthy, total), degraded: pct(b.degraded, total), unhealthy: pct(b.unhealthy, total) };
  });
  return (
    <div data-testid="health-history-chart" className="text-slate-500 dark:text-slate-400">
      <BarChart data={points} responsive style={{ width: "100%", height: 200 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} vertical={false} />
        <XAxis dataKey="t" tickFormatter={(v: number) => formatTick(v, history.bucketMs)} minTickGap={24} {...AXIS} />
        <YAxis width={44} domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={(v: number) => `${v}%`} {...AXIS} />
        <Tooltip formatter={(v) => `${Number(v)} %`} labelFormatter={(v) => utc(Number(v))} itemSorter={bySeverity} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <Legend itemSorter={bySeverity} />
        <Bar dataKey="healthy" name="Healthy" stackId="h" fill={STATE_COLOR.succeeded} isAnimationActive={false} />
        <Bar dataKey="degraded" name="Degraded" stackId="h" fill={STATE_COLOR.paused} isAnimationActive={false} />
        <Bar dataKey="unhealthy" name="Unhealthy" stackId="h" fill={STATE_COLOR.failed} isAnimationActive={false} />
      </BarChart>
      <ChartDataTable
        label="Health history"
        columns={["Period", "Samples", "Healthy %", "Degraded %", "Unhealthy %"]}
        rows={points.filter((p) => p.samples > 0).map((p) => [utc(p.t), p.samples, p.healthy, p.degraded, p.unhealthy])}
      />
    </div>
  );
}
