import type { WorkflowOption } from "@/lib/metrics/workflow-options";
import type { InsightRun } from "@/lib/metrics/workflow-insights";
import { secondaryButton } from "@/components/ui/buttons";
import { formatDuration } from "@/components/ui/format";

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Plain GET forms: the choice lives in the URL (?workflow=…&a=…&b=…), so a report can be linked. */
export function WorkflowPicker({ options, value }: { options: WorkflowOption[]; value: string | undefined }) {
  return (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-2">
      <label className="text-sm font-medium">
        Workflow
        <select name="workflow" defaultValue={value ?? ""} className={`${select} ml-2`} aria-label="Workflow">
          <option value="" disabled>
            Choose a workflow…
          </option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label} ({o.runs} run{o.runs === 1 ? "" : "s"})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={secondaryButton}>
        Show report
      </button>
    </form>
  );
}

const runLabel = (r: InsightRun, i: number) => `#${i + 1} · ${new Date(r.queuedAt).toISOString().slice(0, 16).replace("T", " ")} · ${r.status} · ${formatDuration(r.durationMs)}`;

export function ComparePicker({ workflowId, runs, a, b }: { workflowId: string; runs: InsightRun[]; a?: string; b?: string }) {
  const indexed = runs.map((r, i) => ({ r, i })).reverse();
  return (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="workflow" value={workflowId} />
      {(["a", "b"] as const).map((side) => (
        <label key={side} className="text-sm font-medium">
          Run {side.toUpperCase()}
          <select name={side} defaultValue={(side === "a" ? a : b) ?? indexed[side === "a" ? 1 : 0]?.r.id ?? ""} className={`${select} ml-2`} aria-label={`Run ${side.toUpperCase()}`}>
            {indexed.map(({ r, i }) => (
              <option key={r.id} value={r.id}>
                {runLabel(r, i)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={secondaryButton}>
        Compare
      </button>
    </form>
  );
}
