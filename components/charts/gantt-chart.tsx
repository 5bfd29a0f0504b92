"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps, type TooltipValueType } from "recharts";
import type { Gantt, GanttRow } from "@/lib/live/gantt";
import { formatDuration } from "@/components/ui/format";
import { ATTEMPT_FILL } from "@/components/runs/state-colors";
import { formatUtcClock } from "@/components/runs/format-time";

const ROW_PX = 22;
const QUEUE_FILL = "#fcd34d";
const CRITICAL_STROKE = "#0f172a";

interface Props {
  gantt: Gantt;
  /** Ms after the origin for the now-line, or null once the run has ended. */
  nowOffset: number | null;
  onOpen?: (stepId: string) => void;
}

function RunBar(props: BarShapeProps) {
  const row = props.payload as GanttRow;
  return (
    <Rectangle
      {...props}
      fill={ATTEMPT_FILL[row.status]}
      stroke={row.critical ? CRITICAL_STROKE : "none"}
      strokeWidth={row.critical ? 2 : 0}
      data-critical={row.critical || undefined}
    />
  );
}

function GanttTooltip({ active, payload }: TooltipContentProps<TooltipValueType, string | number>) {
  const row = payload?.[0]?.payload as GanttRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
      <div className="font-semibold">
        {row.label} · attempt {row.attempt} · {row.status.replace("_", " ")}
      </div>
      <div>queued {formatUtcClock(row.queuedAt)} · waited {formatDuration(row.queue)}</div>
      <div>
        started {formatUtcClock(row.startedAt)} · {row.finishedAt ? `finished ${formatUtcClock(row.finishedAt)}` : "running"} · ran {formatDuration(row.run)}
      </div>
      {row.critical ? <div className="font-medium">on the critical path</div> : null}
      <div className="text-slate-500">times in UTC</div>
    </div>
  );
}

const tick = (ms: number) => formatDuration(ms).replace(".0 s", " s");

/** One bar per attempt: queue wait then run time, retries as their own rows, critical path outlined, a now-line while live. */
export function GanttChart({ gantt, nowOffset, onOpen }: Props) {
  const labels = new Map(gantt.rows.map((r) => [r.key, r.label]));
  const height = Math.max(120, gantt.rows.length * ROW_PX + 40);
  return (
    <div>
      <ul className="mb-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400" aria-label="Timeline legend">
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 rounded-sm" style={{ background: QUEUE_FILL }} /> queue wait
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 rounded-sm" style={{ background: ATTEMPT_FILL.succeeded }} /> run time (coloured by outcome)
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 rounded-sm border-2" style={{ borderColor: CRITICAL_STROKE }} /> critical path: {gantt.criticalPath.join(" → ") || "—"}
        </li>
        {nowOffset !== null ? (
          <li className="flex items-center gap-1">
            <span className="inline-block h-3 w-0.5 bg-red-500" /> now
          </li>
        ) : null}
      </ul>
      <div className="max-h-[32rem] overflow-y-auto" data-testid="gantt">
        <BarChart
          layout="vertical"
          data={gantt.rows}
          responsive
          style={{ width: "100%", height }}
          margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
          barCategoryGap={3}
          accessibilityLayer
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, Math.max(1, gantt.span)]} tickFormatter={tick} fontSize={11} allowDataOverflow />
          <YAxis type="category" dataKey="key" width={170} interval={0} fontSize={11} tickFormatter={(k: string) => labels.get(k) ?? k} />
          <Tooltip content={GanttTooltip} cursor={{ fill: "rgba(99,102,241,0.08)" }} isAnimationActive={false} />
          <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={false} />
          <Bar dataKey="queue" stackId="t" fill={QUEUE_FILL} isAnimationActive={false} />
          <Bar
            dataKey="run"
            stackId="t"
            shape={RunBar}
            isAnimationActive={false}
            onClick={(d: { payload?: GanttRow }) => d.payload && onOpen?.(d.payload.stepId)}
            className={onOpen ? "cursor-pointer" : undefined}
          />
          {nowOffset !== null ? <ReferenceLine x={nowOffset} stroke="#ef4444" strokeWidth={1.5} ifOverflow="extendDomain" /> : null}
        </BarChart>
      </div>
    </div>
  );
}
