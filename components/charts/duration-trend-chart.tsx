"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/metrics/run-trend";
import { formatDuration } from "@/components/ui/format";
import { AXIS, formatTick, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-theme";
import { ChartDataTable } from "./chart-data-table";

/** p50 and p95 run duration per bucket (runs that finished; cancelled runs excluded). */
export function DurationTrendChart({ points, bucketMs }: { points: TrendPoint[]; bucketMs: number }) {
  const data = points.map((p) => ({ t: p.t, p50: p.p50Ms, p95: p.p95Ms }));
  return (
    <div data-testid="duration-trend-chart" className="text-slate-500 dark:text-slate-400">
      <LineChart data={data} responsive style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="t" tickFormatter={(v: number) => formatTick(v, bucketMs)} {...AXIS} />
        <YAxis width={56} tickFormatter={(v: number) => formatDuration(v)} {...AXIS} />
        <Tooltip formatter={(v) => formatDuration(Number(v))} labelFormatter={(v) => new Date(Number(v)).toISOString().slice(0, 16).replace("T", " ") + " UTC"} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <Legend />
        <Line dataKey="p50" name="p50" stroke={SERIES_COLORS[0]} connectNulls dot={{ r: 2 }} isAnimationActive={false} />
        <Line dataKey="p95" name="p95" stroke={SERIES_COLORS[1]} connectNulls dot={{ r: 2 }} isAnimationActive={false} />
      </LineChart>
      <ChartDataTable label="Run duration percentiles" columns={["Period", "p50", "p95"]} rows={points.filter((p) => p.p50Ms !== null).map((p) => [formatTick(p.t, bucketMs), formatDuration(p.p50Ms), formatDuration(p.p95Ms)])} />
    </div>
  );
}
