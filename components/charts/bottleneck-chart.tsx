"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { StepStatsRow } from "@/lib/metrics/step-stats";
import { AXIS, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-theme";
import { ChartDataTable } from "./chart-data-table";

const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;

/** Share of the total makespan each step spent on the critical path, and how often it was on it. */
export function BottleneckChart({ rows }: { rows: StepStatsRow[] }) {
  const data = rows.map((r) => ({ step: r.stepId, makespan: r.makespanShare, onPath: r.criticalShare }));
  return (
    <div data-testid="bottleneck-chart" className="text-slate-500 dark:text-slate-400">
      <BarChart data={data} layout="vertical" responsive style={{ width: "100%", height: Math.max(140, 36 * data.length + 64) }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={pct} {...AXIS} />
        <YAxis type="category" dataKey="step" width={96} {...AXIS} />
        <Tooltip formatter={(v) => pct(Number(v))} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <Legend />
        <Bar dataKey="makespan" name="Share of makespan" fill={SERIES_COLORS[0]} isAnimationActive={false} />
        <Bar dataKey="onPath" name="Runs on critical path" fill={SERIES_COLORS[2]} isAnimationActive={false} />
      </BarChart>
      <ChartDataTable label="Bottlenecks" columns={["Step", "Share of makespan", "Runs on critical path"]} rows={rows.map((r) => [r.stepId, pct(r.makespanShare), pct(r.criticalShare)])} />
    </div>
  );
}
