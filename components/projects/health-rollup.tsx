import Link from "next/link";
import type { ProjectHealth } from "@/lib/queries/project-overview";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatRelative } from "@/components/ui/format";

/** Failing workflows (last run failed) and stuck runs of a project, with links to each. */
export function HealthRollup({ projectSlug, health }: { projectSlug: string; health: ProjectHealth }) {
  const { failingWorkflows, stuckRuns } = health;
  return (
    <div data-testid="project-health" className="space-y-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <StatusBadge status={health.status} />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {health.activeRuns} active run{health.activeRuns === 1 ? "" : "s"}
        </span>
      </div>
      <section aria-label="Failing workflows">
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Failing workflows <span className="tabular-nums" data-testid="failing-count">({failingWorkflows.length})</span>
        </h3>
        {failingWorkflows.length === 0 ? (
          <p className="mt-1 text-slate-500 dark:text-slate-400">None: every workflow&apos;s last run passed or has not run.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {failingWorkflows.map((w) => (
              <li key={w.slug} className="flex items-center justify-between gap-2">
                <Link href={`/projects/${projectSlug}/workflows/${w.slug}`} className="truncate font-medium text-red-700 hover:underline dark:text-red-400">
                  {w.name}
                </Link>
                <Link href={`/runs/${w.runId}`} className="shrink-0 text-xs text-slate-500 hover:underline dark:text-slate-400">
                  failed {formatRelative(w.at)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Stuck runs">
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Stuck runs <span className="tabular-nums" data-testid="stuck-count">({stuckRuns.length})</span>
        </h3>
        {stuckRuns.length === 0 ? (
          <p className="mt-1 text-slate-500 dark:text-slate-400">None: no run is past its deadline, a step timeout or its engine.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {stuckRuns.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-2">
                <Link href={`/runs/${r.id}`} className="font-mono text-xs text-amber-700 hover:underline dark:text-amber-400">
                  {r.id.slice(0, 10)}
                </Link>
                <span className="text-xs text-slate-500 dark:text-slate-400">{r.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
