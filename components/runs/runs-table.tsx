import Link from "next/link";
import type { RunRow } from "@/lib/queries/runs";
import { StatusBadge } from "@/components/ui/status-badge";
import { durationBetween, formatDuration, formatRelative } from "@/components/ui/format";

/** Runs with status, step progress, duration and who started them. `now` makes server and browser render alike. */
export function RunsTable({ runs, showProject = true, now = new Date() }: { runs: RunRow[]; showProject?: boolean; now?: Date }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Runs" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th className="py-2 pr-4 font-medium">Run</th>
            <th className="py-2 pr-4 font-medium">Workflow</th>
            {showProject ? <th className="py-2 pr-4 font-medium">Project</th> : null}
            <th className="py-2 pr-4 font-medium">Status</th>
            <th className="py-2 pr-4 font-medium">Steps</th>
            <th className="py-2 pr-4 font-medium">Duration</th>
            <th className="py-2 pr-4 font-medium">Started</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {runs.map((r) => (
            <tr key={r.id} data-run={r.id}>
              <td className="py-2 pr-4">
                <Link href={`/runs/${r.id}`} className="whitespace-nowrap font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400">
                  {r.id.slice(0, 8)}
                </Link>
              </td>
              <td className="py-2 pr-4">
                <Link href={`/projects/${r.projectSlug}/workflows/${r.workflowSlug}`} className="hover:underline">
                  {r.workflowName}
                </Link>
                <span className="ml-1 text-xs text-slate-500">v{r.versionNumber}</span>
              </td>
              {showProject ? (
                <td className="py-2 pr-4">
                  <Link href={`/projects/${r.projectSlug}`} className="hover:underline">
                    {r.projectName}
                  </Link>
                </td>
              ) : null}
              <td className="py-2 pr-4">
                <StatusBadge status={r.status} />
              </td>
              <td className="py-2 pr-4 tabular-nums">
                <span data-testid="run-progress">
                  {r.stepsDone}/{r.stepsTotal}
                </span>
                <div className="mt-1 h-1 w-16 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" aria-hidden>
                  <div className="h-full bg-indigo-500" style={{ width: `${r.stepsTotal ? (r.stepsDone / r.stepsTotal) * 100 : 0}%` }} />
                </div>
              </td>
              <td className="py-2 pr-4 tabular-nums">{formatDuration(durationBetween(r.startedAt, r.finishedAt, now))}</td>
              <td className="py-2 pr-4 text-slate-600 dark:text-slate-400" title={r.queuedAt.toISOString()}>
                {formatRelative(r.queuedAt, now)} · {r.trigger}
                {r.triggeredBy ? <div className="truncate text-xs text-slate-500">by {r.triggeredBy}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
