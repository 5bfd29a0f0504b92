"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { InsightRun } from "@/lib/metrics/workflow-insights";
import { formatDuration } from "@/components/ui/format";
import { AXIS, SERIES_COLORS, STATE_COLOR, TOOLTIP_STYLE } from "./chart-theme";
import { ChartDataTable } from "./chart-data-table";

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: { regression: boolean; status: string };
}

/** Each run's state colour; a regression (much slower than the median of the previous runs) gets a ring. */
function RunDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const fill = STATE_COLOR[payload.status as keyof typeof STATE_COLOR] ?? STATE_COLOR.queued;
  return (
    <g>
      {payload.regression ? <circle cx={cx} cy={cy} r={7} fill="none" stroke={STATE_COLOR.failed} strokeWidth={2} /> : null}
      <circle cx={cx} cy={cy} r={3} fill={fill} />
    </g>
  );
}

/** Duration of every run over time (run order), with its queue wait. */
export function RunDurationChart({ runs }: { runs: InsightRun[] }) {
  const data = runs.map((r, i) => ({ n: i + 1, duration: r.durationMs, wait: r.queueWaitMs, regression: r.regression, status: r.status, at: r.queuedAt }));
  return (
    <div data-testid="run-duration-chart" className="text-slate-500 dark:text-slate-400">
      <LineChart data={data} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="n" {...AXIS} label={{ value: "run #", position: "insideBottomRight", offset: -2, fontSize: 10, fill: "currentColor" }} />
        <YAxis width={56} tickFormatter={(v: number) => formatDuration(v)} {...AXIS} />
        <Tooltip formatter={(v) => formatDuration(Number(v))} labelFormatter={(n) => { const r = data[Number(n) - 1]; return r ? `Run ${n} · ${new Date(r.at).toISOString().slice(0, 16).replace("T", " ")} UTC${r.regression ? " · regression" : ""}` : ""; }} isAnimationActive={false} {...TOOLTIP_STYLE} />
        <Legend />
        <Line dataKey="duration" name="Duration" stroke={SERIES_COLORS[0]} connectNulls dot={<RunDot />} isAnimationActive={false} />
        <Line dataKey="wait" name="Queue wait" stroke={SERIES_COLORS[1]} strokeDasharray="4 2" dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
      <ChartDataTable label="Run durations" columns={["Run", "Status", "Duration", "Queue wait", "Regression"]} rows={runs.map((r, i) => [i + 1, r.status, formatDuration(r.durationMs), formatDuration(r.queueWaitMs), r.regression ? "yes" : "no"])} />
    </div>
  );
}
