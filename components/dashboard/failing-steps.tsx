import Link from "next/link";
import type { FailingStep, RecentFailure } from "@/lib/metrics/overview-query";
import { formatRelative } from "@/components/ui/format";

/** Steps that failed most often in the range, linking to their workflow's report. */
export function FailingSteps({ steps }: { steps: FailingStep[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No step failed in this period.</p>;
  return (
    <table aria-label="Top failing steps" className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          <th className="py-1 pr-2 font-medium">Step</th>
          <th className="py-1 pr-2 font-medium">Workflow</th>
          <th className="py-1 text-right font-medium">Failures</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {steps.map((s) => (
          <tr key={`${s.workflowId}/${s.stepId}`}>
            <td className="py-1 pr-2 font-mono text-xs">{s.stepId}</td>
            <td className="py-1 pr-2">
              <Link href={`/reports?workflow=${s.workflowId}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
                {s.workflow}
              </Link>
            </td>
            <td className="py-1 text-right tabular-nums">{s.failures}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The latest failed runs with their error. */
export function RecentFailures({ runs, now }: { runs: RecentFailure[]; now: Date }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No failed runs in this period.</p>;
  return (
    <ul aria-label="Recent failures" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {runs.map((r) => (
        <li key={r.id} className="py-2">
          <div className="flex justify-between gap-2">
            <Link href={`/runs/${r.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {r.project}/{r.workflow}
            </Link>
            <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{formatRelative(r.finishedAt ? new Date(r.finishedAt) : null, now)}</span>
          </div>
          {r.error ? <p className="mt-0.5 truncate text-xs text-slate-600 dark:text-slate-400" title={r.error}>{r.error}</p> : null}
        </li>
      ))}
    </ul>
  );
}
