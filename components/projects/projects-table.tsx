import Link from "next/link";
import type { ProjectRow } from "@/lib/queries/projects";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatRelative } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table";

export function ProjectsTable({ rows }: { rows: ProjectRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table aria-label="Projects" className="w-full text-left text-sm">
        <TableHead columns={["Name", "Status", "Workflows", "Last run", "Success (7 d)"]} padded />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-3">
                <Link href={`/projects/${p.slug}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {p.name}
                </Link>
                {p.description ? <p className="mt-0.5 line-clamp-1 text-xs text-slate-500 dark:text-slate-400">{p.description}</p> : null}
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={p.status} />
              </td>
              <td className="px-4 py-3 tabular-nums">{p.workflowCount}</td>
              <td className="px-4 py-3">
                {p.lastRun ? (
                  <span className="flex items-center gap-2">
                    <StatusBadge status={p.lastRun.status} />
                    <span className="text-slate-500 dark:text-slate-400">{formatRelative(p.lastRun.queuedAt)}</span>
                  </span>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">never</span>
                )}
              </td>
              <td className="px-4 py-3 tabular-nums">{p.successRate7d === null ? "—" : `${Math.round(p.successRate7d * 100)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
