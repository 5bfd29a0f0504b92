import type { WorkflowDefinition } from "@/lib/engine/definition";
import { TableHead } from "@/components/ui/table";

function resourcesText(r: WorkflowDefinition["steps"][number]["resources"]): string {
  if (!r) return "—";
  const parts: string[] = [];
  if (r.cpu) parts.push(`${r.cpu} cpu`);
  if (r.memoryMb) parts.push(`${r.memoryMb} MB`);
  for (const [pool, n] of Object.entries(r.pools ?? {})) parts.push(`${n} ${pool}`);
  return parts.join(", ") || "—";
}

function summary(step: WorkflowDefinition["steps"][number]): string {
  switch (step.kind) {
    case "shell":
      return (step.run ?? "").split("\n")[0] ?? "";
    case "http":
      return step.http ? `${step.http.method ?? "GET"} ${step.http.url}` : "";
    case "delay":
      return `${step.delayMs ?? (step.delaySec ?? 0) * 1000} ms`;
    case "noop":
      return "";
  }
}

export function StepsTable({ definition }: { definition: WorkflowDefinition }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Steps" className="w-full text-left text-sm">
        <TableHead columns={["Step", "Kind", "Depends on", "Resources", "Retries · timeout"]} />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {definition.steps.map((s) => (
            <tr key={s.id}>
              <td className="py-2 pr-4">
                <div className="font-medium">{s.name ?? s.id}</div>
                <div className="max-w-md truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={summary(s)}>
                  {summary(s)}
                </div>
              </td>
              <td className="py-2 pr-4">{s.kind}</td>
              <td className="py-2 pr-4 font-mono text-xs">{s.dependsOn.join(", ") || "—"}</td>
              <td className="py-2 pr-4">{resourcesText(s.resources)}</td>
              <td className="py-2 pr-4 tabular-nums">
                {(s.retry?.maxAttempts ?? definition.retry?.maxAttempts ?? 1) - 1} · {s.timeoutSec ? `${s.timeoutSec} s` : "none"}
                {s.continueOnFailure ? <span className="ml-1 text-xs text-amber-600">may fail</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
