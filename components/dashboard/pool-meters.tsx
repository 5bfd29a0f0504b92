import type { PoolDto } from "@/lib/validations/api";

/** Current use of each pool as a meter; red when full. */
export function PoolMeters({ pools }: { pools: PoolDto[] }) {
  return (
    <ul aria-label="Pool utilization" className="space-y-3">
      {pools.map((p) => {
        const pct = p.capacity > 0 ? Math.min(100, (p.inUse / p.capacity) * 100) : 0;
        return (
          <li key={p.name}>
            <div className="flex justify-between text-sm">
              <span className="font-medium">{p.name}</span>
              <span className="tabular-nums text-slate-600 dark:text-slate-400">
                {p.inUse} / {p.capacity}
                {p.name === "memory" ? " MB" : ""} · {Math.round(pct)} %
              </span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="meter" aria-label={`${p.name} in use`} aria-valuemin={0} aria-valuemax={p.capacity} aria-valuenow={p.inUse}>
              <div className={`h-full ${pct >= 100 ? "bg-red-500" : "bg-indigo-500"}`} style={{ width: `${pct}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
