"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/metrics/run-trend";
import { AXIS, formatTick, STATE_COLOR, TOOLTIP_STYLE } from "./chart-theme";
import { ChartDataTable } from "./chart-data-table";

/** Runs per bucket, stacked by outcome. */
export function RunsOutcomeChart({ points, bucketMs }: { points: TrendPoint[]; bucketMs: number }) {
  return (
    <div data-testid="runs-outcome-chart" className="text-slate-500 dark:text-slate-400">
      <BarChart data={points} responsive style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="t" tickFormatter={(v: number) => formatTick(v, bucketMs)} {...AXIS} />
        <YAxis allowDecimals={false} width={36} {...AXIS} />
        <Tooltip labelFormatter={(v) => new Date(Number(v)).toISOString().slice(0, 16).replace("T", " ") + " UTC"} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <Legend />
        <Bar dataKey="succeeded" name="Succeeded" stackId="o" fill={STATE_COLOR.succeeded} isAnimationActive={false} />
        <Bar dataKey="failed" name="Failed" stackId="o" fill={STATE_COLOR.failed} isAnimationActive={false} />
        <Bar dataKey="cancelled" name="Cancelled" stackId="o" fill={STATE_COLOR.cancelled} isAnimationActive={false} />
        <Bar dataKey="active" name="Active" stackId="o" fill={STATE_COLOR.running} isAnimationActive={false} />
      </BarChart>
      <ChartDataTable
        label="Runs by outcome"
        columns={["Period", "Succeeded", "Failed", "Cancelled", "Active"]}
        rows={points.filter((p) => p.succeeded + p.failed + p.cancelled + p.active > 0).map((p) => [formatTick(p.t, bucketMs), p.succeeded, p.failed, p.cancelled, p.active])}
      />
    </div>
  );
}
