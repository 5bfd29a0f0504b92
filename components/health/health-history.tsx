import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead } from "@/components/ui/table";
import type { HealthHistory as History } from "@/lib/validations/health-history";
import { HealthHistoryChart } from "./health-history-chart";

const percent = (share: number) => `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)} %`;
const when = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

/** The Health page's history: the verdict over time, per-component share of trouble, and the changes with their reasons. */
export function HealthHistory({ history, hours, retentionDays }: { history: History; hours: number; retentionDays: number }) {
  const troubled = history.components.filter((c) => c.degraded + c.unhealthy > 0);
  return (
    <Card title={`History: last ${hours} h (UTC)`} className="mt-6">
      {history.samples === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="health-history-empty">
          No samples yet: the server records its health every {history.sampleIntervalMs / 1000} s once it has started (kept for {retentionDays} days).
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm" data-testid="health-history-summary">
            Healthy {percent(history.share.healthy)} · degraded {percent(history.share.degraded)} · unhealthy {percent(history.share.unhealthy)} of {history.samples.toLocaleString("en")} samples
            (one every {history.sampleIntervalMs / 1000} s; gaps mean no server was running).
          </p>
          <HealthHistoryChart history={history} />
          {troubled.length ? (
            <p className="mt-3 text-sm">
              Not healthy at times:{" "}
              {troubled.map((c, i) => (
                <span key={c.name}>
                  {i ? ", " : ""}
                  <strong>{c.name}</strong> ({percent((c.degraded + c.unhealthy) / (c.healthy + c.degraded + c.unhealthy))})
                </span>
              ))}
            </p>
          ) : null}
          <h3 className="mt-4 text-sm font-semibold">Changes</h3>
          {history.changes.length ? (
            <table className="mt-2 w-full text-left text-sm" data-testid="health-changes">
              <TableHead columns={["When", "From", "To", "Why"]} />
              <tbody>
                {history.changes.map((c) => (
                  <tr key={`${c.at}-${c.to}`} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                    <td className="py-1.5 pr-4 whitespace-nowrap tabular-nums">{when(c.at)}</td>
                    <td className="py-1.5 pr-4">{c.from ? <StatusBadge status={c.from} /> : <span className="text-slate-500 dark:text-slate-400">start</span>}</td>
                    <td className="py-1.5 pr-4">
                      <StatusBadge status={c.to} />
                    </td>
                    <td className="py-1.5">{c.reasons.length ? c.reasons.map((r) => `${r.name}: ${r.detail}`).join("; ") : "every component healthy"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">No change in this period.</p>
          )}
        </>
      )}
    </Card>
  );
}
