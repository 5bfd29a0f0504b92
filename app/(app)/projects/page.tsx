import Link from "next/link";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { primaryButton } from "@/components/ui/buttons";
import { ProjectsTable } from "@/components/projects/projects-table";
import { listProjects } from "@/lib/queries/projects";
import { projectListQuerySchema } from "@/lib/validations/projects";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProjectsPage({ searchParams }: { searchParams: Search }) {
  const me = await requirePage("viewer");
  const raw = await searchParams;
  const query = projectListQuerySchema.parse({ q: raw.q, status: raw.status, sort: raw.sort, page: raw.page });
  const { rows, total, page, pages } = await listProjects(query);
  const canCreate = hasRole(effectiveRole(me), "editor");
  const link = (over: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: query.q, status: query.status, sort: query.sort, page: query.page, ...over })) {
      if (v !== undefined && v !== "") params.set(k, String(v));
    }
    return `/projects${params.size ? `?${params}` : ""}`;
  };

  return (
    <>
      <PageHeader
        title="Projects"
        description="Projects group workflows, their runs and a working directory."
        actions={canCreate ? <Link href="/projects/new" className={primaryButton}>New project</Link> : null}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Search</span>
          <input name="q" defaultValue={query.q} placeholder="Name or slug" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Status</span>
          <select name="status" defaultValue={query.status ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950">
            <option value="">Active and paused</option>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Sort by</span>
          <select name="sort" defaultValue={query.sort ?? "name"} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950">
            <option value="name">Name</option>
            <option value="last-run">Last run</option>
            <option value="success-rate">Success rate (7 d)</option>
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Apply
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={query.q || query.status ? "No project matches" : "No projects yet"}>
          {query.q || query.status ? "Change the search or the status filter." : "Create a project, or restart to seed the Examples project."}
        </EmptyState>
      ) : (
        <>
          <ProjectsTable rows={rows} />
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
            <span>
              {total} project{total === 1 ? "" : "s"} · page {page} of {pages}
            </span>
            <span className="space-x-3">
              {page > 1 ? <Link href={link({ page: page - 1 })} className="hover:underline">Previous</Link> : null}
              {page < pages ? <Link href={link({ page: page + 1 })} className="hover:underline">Next</Link> : null}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
