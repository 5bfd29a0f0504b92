import Link from "next/link";
import type { WorkflowRow } from "@/lib/queries/projects";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatRelative } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table";

/** A project's workflows with their step count, latest version and last run. */
export function WorkflowsTable({ projectSlug, workflows }: { projectSlug: string; workflows: WorkflowRow[] }) {
  if (workflows.length === 0) return <EmptyState title="No workflows in this project" />;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Workflows" className="w-full text-left text-sm">
        <TableHead columns={["Name", "Steps", "Version", "Last run"]} />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {workflows.map((w) => (
            <tr key={w.id}>
              <td className="py-2 pr-4">
                <Link href={`/projects/${projectSlug}/workflows/${w.slug}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {w.name}
                </Link>
                {w.description ? <p className="mt-0.5 line-clamp-1 text-xs text-slate-500 dark:text-slate-400">{w.description}</p> : null}
              </td>
              <td className="py-2 pr-4 tabular-nums">{w.stepCount}</td>
              <td className="py-2 pr-4 tabular-nums">v{w.latestVersion}</td>
              <td className="py-2 pr-4">
                {w.lastRun ? (
                  <Link href={`/runs/${w.lastRun.id}`} className="flex items-center gap-2 hover:underline">
                    <StatusBadge status={w.lastRun.status} />
                    <span className="text-slate-500 dark:text-slate-400">{formatRelative(w.lastRun.queuedAt)}</span>
                  </Link>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">never</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
