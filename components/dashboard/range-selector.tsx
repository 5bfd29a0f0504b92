import Link from "next/link";
import { RANGES, type RangeKey } from "@/lib/metrics/overview-query";

/** 24 h / 7 d / 30 d as links (?range=…): the server page re-renders with the new window. */
export function RangeSelector({ value, basePath = "/" }: { value: RangeKey; basePath?: string }) {
  return (
    <nav aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-700">
      {(Object.keys(RANGES) as RangeKey[]).map((k) => (
        <Link
          key={k}
          href={`${basePath}?range=${k}`}
          aria-current={k === value ? "page" : undefined}
          className={`px-3 py-1 ${k === value ? "bg-indigo-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
        >
          {RANGES[k].label}
        </Link>
      ))}
    </nav>
  );
}
