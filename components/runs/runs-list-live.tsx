"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchJson } from "@/lib/live/fetch-json";
import { liveKeys } from "@/lib/live/query-keys";
import type { RunRow, RunsPage } from "@/lib/queries/runs";
import type { RunsFilter } from "@/lib/validations/live-runs";
import { EmptyState } from "@/components/ui/empty-state";
import { RunsTable } from "./runs-table";

/** A runs page as fetched (JSON dates are strings). */
type WirePage = Omit<RunsPage, "rows"> & { rows: (Omit<RunRow, "queuedAt" | "startedAt" | "finishedAt"> & { queuedAt: string; startedAt: string | null; finishedAt: string | null })[] };

const LIVE_STATUSES = new Set(["queued", "running", "paused"]);
/** While a listed run is live, refresh often; otherwise only look for new runs now and then. */
const FAST_MS = 2000;
const SLOW_MS = 10_000;

export function filterQuery(filter: RunsFilter, page = filter.page): string {
  const q = new URLSearchParams();
  if (filter.project) q.set("project", filter.project);
  if (filter.workflow) q.set("workflow", filter.workflow);
  if (filter.status) q.set("status", filter.status);
  if (filter.trigger) q.set("trigger", filter.trigger);
  if (filter.range) q.set("range", filter.range);
  if (filter.order) q.set("order", filter.order);
  if (page > 1) q.set("page", String(page));
  return q.toString();
}

const revive = (p: WirePage): RunsPage => ({
  ...p,
  rows: p.rows.map((r) => ({
    ...r,
    queuedAt: new Date(r.queuedAt),
    startedAt: r.startedAt ? new Date(r.startedAt) : null,
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
  })),
});

/** The runs list, kept current by polling while the tab is visible: status, progress and duration change without a reload. */
export function RunsListLive({ filter, initial }: { filter: RunsFilter; initial: RunsPage }) {
  const { data } = useQuery({
    queryKey: liveKeys.runs(filter),
    queryFn: async ({ signal }) => revive(await fetchJson<WirePage>(`/api/v1/runs/search?${filterQuery(filter)}`, signal)),
    initialData: initial,
    staleTime: FAST_MS,
    refetchInterval: (q) => (q.state.data?.rows.some((r) => LIVE_STATUSES.has(r.status)) ? FAST_MS : SLOW_MS),
  });
  const { rows, total, page, pages } = data;
  const href = (p: number) => {
    const qs = filterQuery(filter, p);
    return qs ? `/runs?${qs}` : "/runs";
  };

  if (rows.length === 0) {
    return (
      <EmptyState title={total === 0 && !filter.project && !filter.workflow && !filter.status && !filter.trigger && !filter.range ? "No runs yet" : "No run matches these filters"}>
        Runs appear here when a workflow is started from its page, the CLI or the API.
      </EmptyState>
    );
  }
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <RunsTable runs={rows} now={new Date(data.asOf)} />
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-slate-500" data-testid="runs-total">
          {total} run{total === 1 ? "" : "s"} · page {page} of {pages}
        </span>
        <span className="flex gap-2">
          {page > 1 ? (
            <Link href={href(page - 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              ← Previous
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={href(page + 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              Next →
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
