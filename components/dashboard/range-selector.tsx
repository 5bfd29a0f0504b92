import Link from "next/link";
import { RANGES, type RangeKey, type TimeWindow } from "@/lib/metrics/time-window";

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const dateInput = "rounded-md border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-950";

/** 24 h / 7 d / 30 d as links (?range=…) and a custom span of UTC days (?from=…&to=…). */
export function RangeSelector({ window, basePath = "/", allowCustom = false }: { window: TimeWindow; basePath?: string; allowCustom?: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <nav aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-700">
        {(Object.keys(RANGES) as RangeKey[]).map((k) => (
          <Link
            key={k}
            href={`${basePath}?range=${k}`}
            aria-current={k === window.key ? "page" : undefined}
            className={`px-3 py-1 ${k === window.key ? "bg-indigo-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
          >
            {RANGES[k].label}
          </Link>
        ))}
      </nav>
      {allowCustom ? (
        <form method="get" action={basePath} aria-label="Custom range" className={`flex items-center gap-1 rounded-md px-1 text-sm ${window.key === "custom" ? "ring-2 ring-indigo-500" : ""}`}>
          <input type="date" name="from" aria-label="From (UTC)" defaultValue={day(window.from)} className={dateInput} required />
          <span aria-hidden>–</span>
          <input type="date" name="to" aria-label="To (UTC)" defaultValue={day(window.to - 1)} className={dateInput} required />
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
            Apply
          </button>
        </form>
      ) : null}
    </div>
  );
}
