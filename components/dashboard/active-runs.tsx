import Link from "next/link";
import type { ActiveRun } from "@/lib/metrics/overview-query";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/components/ui/format";

/** Runs queued, running or paused right now, with step progress. */
export function ActiveRuns({ runs, now }: { runs: ActiveRun[]; now: number }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">Nothing is running right now.</p>;
  return (
    <ul aria-label="Active runs" className="space-y-3">
      {runs.map((r) => {
        const pct = r.stepsTotal > 0 ? Math.round((r.stepsDone / r.stepsTotal) * 100) : 0;
        return (
          <li key={r.id}>
            <div className="flex items-center justify-between gap-2 text-sm">
              <Link href={`/runs/${r.id}`} className="truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {r.project}/{r.workflow}
              </Link>
              <span className="flex items-center gap-2 tabular-nums text-slate-600 dark:text-slate-400">
                {r.stepsDone}/{r.stepsTotal} steps · {r.startedAt ? formatDuration(now - r.startedAt) : "queued"}
                <StatusBadge status={r.status} />
              </span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="progressbar" aria-label={`${r.workflow} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
              <div className="h-full" style={{ width: `${pct}%`, background: "var(--color-state-running)" }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
