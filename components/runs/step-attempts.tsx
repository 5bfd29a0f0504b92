import type { StepAttemptDetail, StepTransition } from "@/lib/live/step-types";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/components/ui/format";
import { StepDuration } from "./elapsed";
import { formatUtc, formatUtcClock } from "./format-time";

/** Every attempt with its wait, run time and outcome; the selected one is the one whose log and metrics show. */
export function StepAttempts({ attempts, selected, onSelect }: { attempts: StepAttemptDetail[]; selected: number; onSelect: (n: number) => void }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-500">No attempt yet.</p>;
  return (
    <table aria-label="Attempts" className="w-full text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 pr-2 font-medium">#</th>
          <th className="py-1 pr-2 font-medium">Outcome</th>
          <th className="py-1 pr-2 font-medium">Waited</th>
          <th className="py-1 pr-2 font-medium">Ran</th>
          <th className="py-1 pr-2 font-medium">Result</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {attempts.map((a) => (
          <tr key={a.attempt} data-attempt={a.attempt} className={a.attempt === selected ? "bg-indigo-50 dark:bg-indigo-950/40" : undefined}>
            <td className="py-1 pr-2">
              <button type="button" onClick={() => onSelect(a.attempt)} className="font-mono text-indigo-700 hover:underline dark:text-indigo-300" aria-pressed={a.attempt === selected} aria-label={`Show attempt ${a.attempt}`}>
                {a.attempt}
              </button>
            </td>
            <td className="py-1 pr-2">
              <StatusBadge status={a.status} />
            </td>
            <td className="py-1 pr-2 tabular-nums" title={`queued ${formatUtc(a.queuedAt)}`}>
              {formatDuration(a.startedAt - a.queuedAt)}
            </td>
            <td className="py-1 pr-2 tabular-nums" title={`started ${formatUtc(a.startedAt)}`}>
              <StepDuration startedAt={a.startedAt} finishedAt={a.finishedAt} running={a.status === "running"} />
            </td>
            <td className="py-1 pr-2">
              {a.exitCode != null ? <span className="font-mono">exit {a.exitCode} </span> : null}
              {a.httpStatus != null ? <span className="font-mono">HTTP {a.httpStatus} </span> : null}
              {a.reason ? <span className="text-slate-500">({a.reason}) </span> : null}
              {a.error ? <div className="break-words text-red-700 dark:text-red-400">{a.error}</div> : null}
              {a.cpuSeconds != null || a.peakMemoryMb != null ? (
                <div className="text-slate-500">
                  CPU {a.cpuSeconds != null ? `${a.cpuSeconds.toFixed(2)} s` : "—"} · peak {a.peakMemoryMb != null ? `${Math.round(a.peakMemoryMb)} MB` : "—"}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The step's state changes in order, with the time and, for failures, why. */
export function StepHistory({ history }: { history: StepTransition[] }) {
  if (history.length === 0) return <p className="text-sm text-slate-500">No state change recorded yet.</p>;
  return (
    <ol aria-label="State history" className="space-y-1 text-xs">
      {history.map((h) => (
        <li key={h.seq} className="flex flex-wrap items-center gap-1.5">
          <span className="font-mono text-slate-500">{formatUtcClock(h.ts)}</span>
          <StatusBadge status={h.previous} />→<StatusBadge status={h.status} />
          {h.attempt ? <span className="text-slate-500">attempt {h.attempt}</span> : null}
          {h.reason ? <span className="text-slate-500">({h.reason})</span> : null}
          {h.error ? <span className="text-red-700 dark:text-red-400">{h.error}</span> : null}
        </li>
      ))}
    </ol>
  );
}
