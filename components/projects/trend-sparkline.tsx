"use client";

import { Bar, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectTrend } from "@/lib/queries/project-overview";
import { formatDuration } from "@/components/ui/format";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { SERIES_COLORS, STATE_COLOR, TOOLTIP_STYLE, formatTick } from "@/components/charts/chart-theme";

const DAY_MS = 86_400_000;

function pct(v: number | null): string {
  return v === null ? "—" : `${Math.round(v * 100)} %`;
}

function dayLabel(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** First and last day under a sparkline. */
function DayRange({ trend }: { trend: ProjectTrend }) {
  const first = trend.points[0];
  const last = trend.points.at(-1);
  if (!first || !last) return null;
  return (
    <div aria-hidden className="flex justify-between text-[10px] tabular-nums text-slate-400 dark:text-slate-500">
      <span>{formatTick(first.t, DAY_MS)}</span>
      <span>{formatTick(last.t, DAY_MS)}</span>
    </div>
  );
}

/** Success rate (line over run-count bars) and median duration per day, as two compact sparklines. */
export function TrendSparklines({ trend }: { trend: ProjectTrend }) {
  const data = trend.points.map((p) => ({
    t: p.t,
    rate: p.successRate === null ? null : Math.round(p.successRate * 100),
    ok: p.succeeded,
    bad: p.failed + p.cancelled,
    p50: p.p50Ms,
  }));
  const latestP50 = [...trend.points].reverse().find((p) => p.p50Ms !== null)?.p50Ms ?? null;
  return (
    <div data-testid="project-trend" className="grid gap-4 sm:grid-cols-2">
      <figure className="min-w-0" aria-label="Success rate per day, last 14 days">
        <figcaption className="flex items-baseline justify-between gap-2">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Success rate · 14 d</span>
          <span className="text-lg font-semibold tabular-nums" data-testid="trend-success-rate">
            {pct(trend.successRate)}
          </span>
        </figcaption>
        <div className="text-slate-500 dark:text-slate-400" data-testid="success-sparkline">
          <ComposedChart data={data} responsive style={{ width: "100%", height: 64 }} margin={{ top: 4, right: 2, bottom: 0, left: 2 }}>
            <XAxis dataKey="t" hide />
            <YAxis yAxisId="rate" domain={[0, 100]} hide />
            <YAxis yAxisId="runs" orientation="right" hide allowDecimals={false} />
            <Tooltip
              labelFormatter={(v) => dayLabel(Number(v))}
              formatter={(v, name) => (name === "Success" ? (v == null ? "—" : `${v} %`) : String(v))}
              isAnimationActive={false}
              {...TOOLTIP_STYLE}
            />
            <Bar yAxisId="runs" dataKey="ok" name="Succeeded" stackId="runs" fill={STATE_COLOR.succeeded} fillOpacity={0.25} maxBarSize={14} isAnimationActive={false} />
            <Bar yAxisId="runs" dataKey="bad" name="Failed or cancelled" stackId="runs" fill={STATE_COLOR.failed} fillOpacity={0.35} maxBarSize={14} isAnimationActive={false} />
            <Line yAxisId="rate" dataKey="rate" name="Success" stroke={STATE_COLOR.succeeded} strokeWidth={2} connectNulls dot={{ r: 2 }} isAnimationActive={false} />
          </ComposedChart>
        </div>
        <DayRange trend={trend} />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {trend.finished} finished of {trend.total} run{trend.total === 1 ? "" : "s"}
        </p>
      </figure>
      <figure className="min-w-0" aria-label="Median run duration per day, last 14 days">
        <figcaption className="flex items-baseline justify-between gap-2">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Median duration · 14 d</span>
          <span className="text-lg font-semibold tabular-nums" data-testid="trend-duration">
            {formatDuration(trend.p50Ms)}
          </span>
        </figcaption>
        <div className="text-slate-500 dark:text-slate-400" data-testid="duration-sparkline">
          <ComposedChart data={data} responsive style={{ width: "100%", height: 64 }} margin={{ top: 4, right: 2, bottom: 0, left: 2 }}>
            <XAxis dataKey="t" hide />
            <YAxis hide domain={[0, "auto"]} />
            <Tooltip labelFormatter={(v) => dayLabel(Number(v))} formatter={(v) => formatDuration(v == null ? null : Number(v))} isAnimationActive={false} {...TOOLTIP_STYLE} />
            <Line dataKey="p50" name="Median" stroke={SERIES_COLORS[0]} strokeWidth={2} connectNulls dot={{ r: 2 }} isAnimationActive={false} />
          </ComposedChart>
        </div>
        <DayRange trend={trend} />
        <p className="text-xs text-slate-500 dark:text-slate-400">latest day with runs: {formatDuration(latestP50)}</p>
      </figure>
      <ChartDataTable
        label="Runs per day"
        columns={["Day", "Runs", "Success rate", "Median duration"]}
        rows={trend.points.filter((p) => p.succeeded + p.failed + p.cancelled + p.active > 0).map((p) => [formatTick(p.t, DAY_MS), p.succeeded + p.failed + p.cancelled + p.active, pct(p.successRate), formatDuration(p.p50Ms)])}
      />
    </div>
  );
}
