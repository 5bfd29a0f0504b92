"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { UtilizationPoint } from "@/lib/metrics/utilization";
import { AXIS, formatTick, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-theme";
import { ChartDataTable } from "./chart-data-table";

/** Mean amount held per bucket (area) and the peak (line), against the pool's capacity. */
export function PoolUtilizationChart({ name, capacity, points, bucketMs, colorIndex = 0 }: { name: string; capacity: number; points: UtilizationPoint[]; bucketMs: number; colorIndex?: number }) {
  const color = SERIES_COLORS[colorIndex % SERIES_COLORS.length];
  return (
    <div data-testid={`pool-chart-${name}`} className="text-slate-500 dark:text-slate-400">
      <AreaChart data={points} responsive style={{ width: "100%", height: 160 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="t" tickFormatter={(v: number) => formatTick(v, bucketMs)} minTickGap={24} {...AXIS} />
        <YAxis width={40} domain={[0, (max: number) => Math.max(max, capacity)]} {...AXIS} />
        <Tooltip labelFormatter={(v) => new Date(Number(v)).toISOString().slice(11, 16) + " UTC"} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <ReferenceLine y={capacity} stroke="var(--color-state-failed)" strokeDasharray="4 4" label={{ value: `capacity ${capacity}`, position: "insideTopRight", fontSize: 10, fill: "currentColor" }} />
        <Area type="stepAfter" dataKey="peak" name="Peak" stroke={color} fill="none" strokeDasharray="2 2" isAnimationActive={false} />
        <Area type="stepAfter" dataKey="mean" name="Mean held" stroke={color} fill={color} fillOpacity={0.3} isAnimationActive={false} />
      </AreaChart>
      <ChartDataTable label={`${name} utilization`} columns={["Time", "Mean held", "Peak"]} rows={points.filter((p) => p.peak > 0).map((p) => [formatTick(p.t, bucketMs), p.mean, p.peak])} />
    </div>
  );
}
