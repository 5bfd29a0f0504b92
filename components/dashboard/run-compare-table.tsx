import type { StepDelta } from "@/lib/metrics/compare-runs";
import { formatDuration } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table";

const signed = (v: number | null, fmt: (n: number) => string) => (v === null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${fmt(Math.abs(v))}`);
const tone = (v: number | null) => (v === null || v === 0 ? "" : v > 0 ? "text-red-600 dark:text-red-400" : "text-green-700 dark:text-green-400");

/** Per-step durations of runs A and B and the change (red = slower/more in B). */
export function RunCompareTable({ rows }: { rows: StepDelta[] }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Run comparison" className="w-full text-left text-sm">
        <TableHead columns={["Step", "A", "B", "Δ duration", "Δ CPU", "Δ peak memory"]} />
        <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.stepId} data-step={r.stepId}>
              <td className="py-2 pr-4 font-mono text-xs">{r.stepId}</td>
              <td className="py-2 pr-4">{r.a ? `${formatDuration(r.a.durationMs)} · ${r.a.status}` : "—"}</td>
              <td className="py-2 pr-4">{r.b ? `${formatDuration(r.b.durationMs)} · ${r.b.status}` : "—"}</td>
              <td className={`py-2 pr-4 ${tone(r.durationDeltaMs)}`}>
                {signed(r.durationDeltaMs, formatDuration)}
                {r.durationChange !== null ? ` (${r.durationChange > 0 ? "+" : ""}${Math.round(r.durationChange * 100)} %)` : ""}
              </td>
              <td className={`py-2 pr-4 ${tone(r.cpuDeltaSeconds)}`}>{signed(r.cpuDeltaSeconds, (n) => `${n} s`)}</td>
              <td className={`py-2 pr-4 ${tone(r.memoryDeltaMb)}`}>{signed(r.memoryDeltaMb, (n) => `${n} MB`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
