import Link from "next/link";
import type { HeldAllocation } from "@/lib/metrics/pool-history";
import { formatDuration } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table";

/** Who holds how much of which pool right now, and since when. */
export function AllocationsTable({ rows, now }: { rows: HeldAllocation[]; now: number }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No step holds a pool right now.</p>;
  return (
    <table aria-label="Current allocations" className="w-full text-left text-sm">
      <TableHead columns={["Pool", "Amount", "Run", "Step", "Held for"]} />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((a) => (
          <tr key={a.id}>
            <td className="py-2 pr-4 font-medium">{a.poolName}</td>
            <td className="py-2 pr-4 tabular-nums">{a.amount}</td>
            <td className="py-2 pr-4">
              <Link href={`/runs/${a.runId}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
                {a.workflow}
              </Link>
            </td>
            <td className="py-2 pr-4 font-mono text-xs">
              {a.stepId}
              {a.attempt > 1 ? ` (attempt ${a.attempt})` : ""}
            </td>
            <td className="py-2 pr-4 tabular-nums" title={new Date(a.acquiredAt).toISOString()}>
              {formatDuration(now - a.acquiredAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
