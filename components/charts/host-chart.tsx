"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { HostPoint } from "@/lib/metrics/host-query";
import { AXIS, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-theme";
import { ChartDataTable } from "./chart-data-table";

const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

/** Host CPU busy %, memory used % and disk used % over time. */
export function HostChart({ points }: { points: HostPoint[] }) {
  const last = points.at(-1);
  return (
    <div data-testid="host-chart" className="text-slate-500 dark:text-slate-400">
      <LineChart data={points} responsive style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={hhmm} minTickGap={32} {...AXIS} />
        <YAxis width={44} domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} {...AXIS} />
        <Tooltip formatter={(v) => `${Number(v).toFixed(1)} %`} labelFormatter={(v) => `${hhmm(Number(v))} UTC`} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <Legend />
        <Line dataKey="cpuPercent" name="CPU" stroke={SERIES_COLORS[0]} dot={false} isAnimationActive={false} />
        <Line dataKey="memPercent" name="Memory" stroke={SERIES_COLORS[1]} dot={false} isAnimationActive={false} />
        <Line dataKey="diskPercent" name="Disk" stroke={SERIES_COLORS[2]} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
      {last ? (
        <p className="mt-2 text-xs">
          Latest: CPU {last.cpuPercent.toFixed(1)} % · memory {Math.round(last.memUsedMb)} / {Math.round(last.memTotalMb)} MB
          {last.diskTotalMb ? ` · disk ${Math.round((last.diskUsedMb ?? 0) / 1024)} / ${Math.round(last.diskTotalMb / 1024)} GB` : ""}
        </p>
      ) : null}
      <ChartDataTable label="Host samples" columns={["Time", "CPU %", "Memory %", "Disk %"]} rows={points.slice(-20).map((p) => [hhmm(p.t), p.cpuPercent, p.memPercent, p.diskPercent ?? "—"])} />
    </div>
  );
}
