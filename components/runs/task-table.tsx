import type { RunDetail } from "@/lib/queries/runs";
import type { WaitReason } from "@/lib/engine/store";
import { StatusBadge } from "@/components/ui/status-badge";
import { durationBetween, formatDuration } from "@/components/ui/format";
import { describeWaitReason } from "./wait-reason";

type Task = RunDetail["tasks"][number];

export function TaskTable({ tasks, names }: { tasks: Task[]; names: Record<string, string> }) {
  const now = new Date();
  return (
    <div className="overflow-x-auto">
      <table aria-label="Step states" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th className="py-2 pr-4 font-medium">Step</th>
            <th className="py-2 pr-4 font-medium">State</th>
            <th className="py-2 pr-4 font-medium">Attempt</th>
            <th className="py-2 pr-4 font-medium">Duration</th>
            <th className="py-2 pr-4 font-medium">Result</th>
            <th className="py-2 pr-4 font-medium">CPU · memory</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {tasks.map((t) => {
            const wait = describeWaitReason(t.waitReason as WaitReason | null, now.getTime());
            return (
              <tr key={t.id} data-step={t.stepId}>
                <td className="py-2 pr-4">
                  <div className="font-medium">{names[t.stepId] ?? t.stepId}</div>
                  <div className="font-mono text-xs text-slate-500">{t.stepId}</div>
                </td>
                <td className="py-2 pr-4">
                  <StatusBadge status={t.status} />
                  {wait ? <div className="mt-1 text-xs text-purple-700 dark:text-purple-300">{wait}</div> : null}
                </td>
                <td className="py-2 pr-4 tabular-nums">{t.attempt || "—"}</td>
                <td className="py-2 pr-4 tabular-nums">{formatDuration(durationBetween(t.startedAt, t.finishedAt, now))}</td>
                <td className="max-w-xs py-2 pr-4 text-xs">
                  {t.exitCode != null ? <span className="font-mono">exit {t.exitCode}</span> : null}
                  {t.httpStatus != null ? <span className="font-mono">HTTP {t.httpStatus}</span> : null}
                  {t.error ? <div className="truncate text-red-700 dark:text-red-400" title={t.error}>{t.error}</div> : null}
                </td>
                <td className="py-2 pr-4 tabular-nums text-xs">
                  {t.cpuSeconds != null ? `${t.cpuSeconds.toFixed(2)} s` : "—"} · {t.peakMemoryMb != null ? `${Math.round(t.peakMemoryMb)} MB` : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
