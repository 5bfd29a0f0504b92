import type { AuditRow } from "@/lib/audit/audit";
import { describeAuditDetails } from "@/lib/audit/describe-details";
import { formatRelative } from "@/components/ui/format";

export function AuditList({ entries, empty, showTarget = false }: { entries: AuditRow[]; empty: string; showTarget?: boolean }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ol aria-label="Activity" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span>
            <span className="font-medium">{e.actorLabel}</span> <span className="font-mono text-xs">{e.action}</span>
            {showTarget && e.targetId ? (
              <span className="text-slate-500 dark:text-slate-400">
                {" "}
                {e.targetType} {e.targetId.slice(0, 10)}
              </span>
            ) : null}
            <Details details={e.details} />
          </span>
          <time dateTime={e.createdAt.toISOString()} title={e.createdAt.toISOString()} className="text-xs text-slate-500 dark:text-slate-400">
            {formatRelative(e.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}

function Details({ details }: { details: unknown }) {
  const parts = describeAuditDetails(details);
  if (parts.length === 0) return null;
  return <span className="text-slate-500 dark:text-slate-400"> · {parts.join(" · ")}</span>;
}
