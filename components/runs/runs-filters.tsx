import Link from "next/link";
import type { RunFilterOptions } from "@/lib/queries/runs";
import { RUN_STATUS_FILTERS, RUN_TRIGGER_FILTERS, type RunsFilter } from "@/lib/validations/live-runs";

const RANGE_LABELS = { "1h": "the last hour", "24h": "the last 24 hours", "7d": "the last 7 days", "30d": "the last 30 days" } as const;
import { secondaryButton } from "@/components/ui/buttons";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

function Select({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        {children}
      </select>
    </label>
  );
}

/** Filters of the runs list: a plain GET form, so it works without JavaScript and the URL is shareable. */
export function RunsFilters({ filter, options }: { filter: RunsFilter; options: RunFilterOptions }) {
  const workflows = filter.project ? options.workflows.filter((w) => w.projectSlug === filter.project) : options.workflows;
  const projectName = new Map(options.projects.map((p) => [p.slug, p.name]));
  return (
    <form method="get" action="/runs" aria-label="Filter runs" className="mb-4 flex flex-wrap items-end gap-3">
      <Select name="project" label="Project" value={filter.project}>
        <option value="">All projects</option>
        {options.projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select name="workflow" label="Workflow" value={filter.workflow}>
        <option value="">All workflows</option>
        {workflows.map((w) => (
          <option key={w.id} value={w.id}>
            {filter.project ? w.name : `${projectName.get(w.projectSlug) ?? w.projectSlug} / ${w.name}`}
          </option>
        ))}
      </Select>
      <Select name="status" label="Status" value={filter.status}>
        <option value="">Any status</option>
        {RUN_STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
      <Select name="trigger" label="Started from" value={filter.trigger}>
        <option value="">Anywhere</option>
        {RUN_TRIGGER_FILTERS.map((t) => (
          <option key={t} value={t}>
            {t === "ui" ? "web UI" : t === "cli" ? "CLI" : t === "api" ? "API" : "schedule"}
          </option>
        ))}
      </Select>
      <Select name="range" label="Queued within" value={filter.range}>
        <option value="">Any time</option>
        {Object.entries(RANGE_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </Select>
      <Select name="order" label="Order" value={filter.order}>
        <option value="">Newest first</option>
        <option value="oldest">Oldest first</option>
      </Select>
      <button type="submit" className={secondaryButton}>
        Apply
      </button>
      {filter.project || filter.workflow || filter.status || filter.trigger || filter.range || filter.order ? (
        <Link href="/runs" className="py-1.5 text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
