import type { PoolWait } from "@/lib/metrics/pool-wait";
import { formatDuration } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table";

/** Time steps spent ready but waiting to acquire each pool. */
export function PoolWaitsTable({ waits, label = "Waiting per pool" }: { waits: PoolWait[]; label?: string }) {
  if (waits.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No step took capacity from a pool in this period.</p>;
  return (
    <table aria-label={label} className="w-full text-left text-sm">
      <TableHead columns={["Pool", "Allocations", "Had to wait", "Total wait", "Longest wait"]} />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {waits.map((w) => (
          <tr key={w.poolName} data-pool={w.poolName}>
            <td className="py-2 pr-4 font-medium">{w.poolName}</td>
            <td className="py-2 pr-4 tabular-nums">{w.allocations}</td>
            <td className="py-2 pr-4 tabular-nums">{w.waited}</td>
            <td className="py-2 pr-4 tabular-nums" data-wait-ms={w.totalWaitMs}>
              {formatDuration(w.totalWaitMs)}
            </td>
            <td className="py-2 pr-4 tabular-nums">{formatDuration(w.maxWaitMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
