"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricPoint } from "@/lib/live/step-types";

/** CPU (% of one core) and resident memory (MB) of a step attempt's process tree over time. */
export function UsageChart({ samples, startedAt }: { samples: MetricPoint[]; startedAt: number }) {
  const data = samples.map((s) => ({ t: (s.ts - startedAt) / 1000, cpu: Math.round(s.cpuPercent * 10) / 10, rss: Math.round(s.rssMb * 10) / 10 }));
  return (
    <div data-testid="usage-chart">
      <LineChart data={data} responsive style={{ width: "100%", height: 200 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => `${v.toFixed(0)} s`} fontSize={11} />
        <YAxis yAxisId="cpu" fontSize={11} width={44} tickFormatter={(v: number) => `${v}%`} />
        <YAxis yAxisId="rss" orientation="right" fontSize={11} width={52} tickFormatter={(v: number) => `${v} MB`} />
        <Tooltip labelFormatter={(v) => `${Number(v).toFixed(1)} s after start`} isAnimationActive={false} />
        <Legend />
        <Line yAxisId="cpu" dataKey="cpu" name="CPU %" stroke="#6366f1" dot={false} isAnimationActive={false} />
        <Line yAxisId="rss" dataKey="rss" name="Memory MB" stroke="#f59e0b" dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
