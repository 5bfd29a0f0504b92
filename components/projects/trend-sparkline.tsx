"use client";

import type { ReactNode } from "react";
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

const CHART = { responsive: true, style: { width: "100%", height: 64 }, margin: { top: 4, right: 2, bottom: 0, left: 2 } } as const;

/** One sparkline: a caption with the headline figure, the chart, its day range and a footnote. */
function Sparkline(props: { label: string; title: string; value: string; valueTestId: string; chartTestId: string; trend: ProjectTrend; note: string; children: ReactNode }) {
  return (
    <figure className="min-w-0" aria-label={props.label}>
      <figcaption className="flex items-baseline justify-between gap-2">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{props.title}</span>
        <span className="text-lg font-semibold tabular-nums" data-testid={props.valueTestId}>
          {props.value}
        </span>
      </figcaption>
      <div className="text-slate-500 dark:text-slate-400" data-testid={props.chartTestId}>
        {props.children}
      </div>
      <DayRange trend={props.trend} />
      <p className="text-xs text-slate-500 dark:text-slate-400">{props.note}</p>
    </figure>
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
      <Sparkline
        label="Success rate per day, last 14 days"
        title="Success rate · 14 d"
        value={pct(trend.successRate)}
        valueTestId="trend-success-rate"
        chartTestId="success-sparkline"
        trend={trend}
        note={`${trend.finished} finished of ${trend.total} run${trend.total === 1 ? "" : "s"}`}
      >
        <ComposedChart data={data} {...CHART}>
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
      </Sparkline>
      <Sparkline
        label="Median run duration per day, last 14 days"
        title="Median duration · 14 d"
        value={formatDuration(trend.p50Ms)}
        valueTestId="trend-duration"
        chartTestId="duration-sparkline"
        trend={trend}
        note={`latest day with runs: ${formatDuration(latestP50)}`}
      >
        <ComposedChart data={data} {...CHART}>
          <XAxis dataKey="t" hide />
          <YAxis hide domain={[0, "auto"]} />
          <Tooltip labelFormatter={(v) => dayLabel(Number(v))} formatter={(v) => formatDuration(v == null ? null : Number(v))} isAnimationActive={false} {...TOOLTIP_STYLE} />
          <Line dataKey="p50" name="Median" stroke={SERIES_COLORS[0]} strokeWidth={2} connectNulls dot={{ r: 2 }} isAnimationActive={false} />
        </ComposedChart>
      </Sparkline>
      <ChartDataTable
        label="Runs per day"
        columns={["Day", "Runs", "Success rate", "Median duration"]}
        rows={trend.points.filter((p) => p.succeeded + p.failed + p.cancelled + p.active > 0).map((p) => [formatTick(p.t, DAY_MS), p.succeeded + p.failed + p.cancelled + p.active, pct(p.successRate), formatDuration(p.p50Ms)])}
      />
    </div>
  );
}
