import type { StepStatsRow } from "@/lib/metrics/step-stats";
import { formatDuration } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table";

const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
const num = (v: number | null, unit: string) => (v === null ? "—" : `${v} ${unit}`);

/** Per-step p50/p95, failure rate, CPU, memory and critical-path share. */
export function StepStatsTable({ rows }: { rows: StepStatsRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Step statistics" className="w-full text-left text-sm">
        <TableHead columns={["Step", "Runs", "p50", "p95", "Failure rate", "CPU (mean)", "Peak memory", "On critical path"]} />
        <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.stepId} data-step={r.stepId}>
              <td className="py-2 pr-4 font-mono text-xs">{r.stepId}</td>
              <td className="py-2 pr-4">{r.runs}</td>
              <td className="py-2 pr-4">{formatDuration(r.p50Ms)}</td>
              <td className="py-2 pr-4">{formatDuration(r.p95Ms)}</td>
              <td className={`py-2 pr-4 ${r.failures > 0 ? "text-red-600 dark:text-red-400" : ""}`}>
                {pct(r.failureRate)} ({r.failures})
              </td>
              <td className="py-2 pr-4">{num(r.meanCpuSeconds, "s")}</td>
              <td className="py-2 pr-4">{num(r.maxPeakMemoryMb, "MB")}</td>
              <td className="py-2 pr-4">{pct(r.criticalShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
