import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RunsTable } from "@/components/runs/runs-table";
import { projectForPage, projectReader } from "@/components/projects/project-loader";
import { listRunsPage } from "@/lib/queries/runs";
import { RUN_STATUS_FILTERS, firstValues, runsFilterSchema } from "@/lib/validations/live-runs";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const pill = (active: boolean) =>
  `rounded-full border px-3 py-1 text-xs font-medium ${
    active
      ? "border-indigo-600 bg-indigo-50 text-indigo-700 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-300"
      : "border-slate-300 text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
  }`;

/** Every run of the project, newest first, by status, a page at a time. */
export default async function ProjectRunsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await projectReader();
  const project = await projectForPage((await params).slug);
  const sp = runsFilterSchema.parse(firstValues(await searchParams));
  const page = await listRunsPage({ project: project.slug, workflow: undefined, status: sp.status, page: sp.page });
  const base = `/projects/${project.slug}/runs`;
  const href = (status: string | undefined, p = 1) => {
    const qs = new URLSearchParams({ ...(status ? { status } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString();
    return qs ? `${base}?${qs}` : base;
  };
  return (
    <Card
      title="Runs"
      actions={
        <Link href={`/runs?project=${encodeURIComponent(project.slug)}`} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
          Open in the runs list →
        </Link>
      }
    >
      <nav aria-label="Run status" className="mb-4 flex flex-wrap gap-2">
        <Link href={href(undefined)} aria-current={!sp.status ? "page" : undefined} className={pill(!sp.status)}>
          All
        </Link>
        {RUN_STATUS_FILTERS.map((s) => (
          <Link key={s} href={href(s)} aria-current={sp.status === s ? "page" : undefined} className={pill(sp.status === s)}>
            {s}
          </Link>
        ))}
      </nav>
      {page.rows.length === 0 ? (
        <EmptyState title={sp.status ? `No ${sp.status} runs` : "No runs yet"}>Runs appear here when one of the project&apos;s workflows is started.</EmptyState>
      ) : (
        <>
          <RunsTable runs={page.rows} showProject={false} now={new Date(page.asOf)} />
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
            <span className="text-slate-500 dark:text-slate-400">
              {page.total} run{page.total === 1 ? "" : "s"} · page {page.page} of {page.pages}
            </span>
            <span className="flex gap-2">
              {page.page > 1 ? (
                <Link href={href(sp.status, page.page - 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                  ← Previous
                </Link>
              ) : null}
              {page.page < page.pages ? (
                <Link href={href(sp.status, page.page + 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                  Next →
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </Card>
  );
}
