import Link from "next/link";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatRelative } from "@/components/ui/format";
import { listProjects } from "@/lib/queries/projects";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

export default async function ProjectsPage() {
  await requirePage("viewer");
  const projects = await listProjects();
  return (
    <>
      <PageHeader title="Projects" description="Projects group workflows, their runs and a working directory." />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">Projects appear here once created. The Examples project is seeded on first start.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table aria-label="Projects" className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 font-medium">Workflows</th>
                <th className="px-4 py-2 font-medium">Last run</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {projects.map((p) => (
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
