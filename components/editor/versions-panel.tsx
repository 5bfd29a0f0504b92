"use client";

import { useMemo, useState } from "react";
import { stringifyWorkflow } from "@/lib/engine/parse";
import { diffSettings, diffSteps } from "@/lib/workflows/editor/step-diff";
import { diffLines } from "@/lib/workflows/editor/text-diff";

export interface VersionInfo {
  number: number;
  createdAt: string;
  createdBy: string | null;
  definition: unknown;
}

interface Props {
  versions: VersionInfo[];
  readOnly: boolean;
  onRestore: (v: VersionInfo) => void;
  onShowDiff: (marks: Map<string, "added" | "changed"> | null) => void;
}

/** Version history (who, when) and the diff of any two versions: steps added/removed/changed field by field, and the YAML. */
export function VersionsPanel({ versions, readOnly, onRestore, onShowDiff }: Props) {
  const [from, setFrom] = useState(versions[1]?.number ?? versions[0]?.number ?? 0);
  const [to, setTo] = useState(versions[0]?.number ?? 0);
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  const diff = useMemo(() => {
    if (!a || !b) return null;
    const steps = diffSteps(a.definition, b.definition);
    const settings = diffSettings(a.definition, b.definition);
    const lines = diffLines(stringifyWorkflow(a.definition as Record<string, unknown>, "yaml"), stringifyWorkflow(b.definition as Record<string, unknown>, "yaml"));
    return { steps, settings, lines };
  }, [a, b]);

  if (versions.length === 0) return <p className="text-sm text-slate-500">No saved version yet.</p>;
  return (
    <div className="text-sm">
      <table aria-label="Versions" className="mb-3 w-full text-left text-xs">
        <thead><tr className="text-slate-500"><th>#</th><th>By</th><th>When</th><th /></tr></thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number} data-version={v.number}>
              <td className="font-semibold">v{v.number}</td>
              <td className="truncate">{v.createdBy ?? "—"}</td>
              <td>{new Date(v.createdAt).toLocaleString()}</td>
              <td>{!readOnly ? <button type="button" className="text-indigo-600 hover:underline" onClick={() => onRestore(v)}>Restore</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mb-2 flex items-center gap-2 text-xs">
        Compare
        <select aria-label="From version" value={from} onChange={(e) => setFrom(Number(e.target.value))} className="rounded border px-1 dark:bg-slate-900">
          {versions.map((v) => <option key={v.number} value={v.number}>v{v.number}</option>)}
        </select>
        →
        <select aria-label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))} className="rounded border px-1 dark:bg-slate-900">
          {versions.map((v) => <option key={v.number} value={v.number}>v{v.number}</option>)}
        </select>
      </div>
      {diff ? (
        <>
          <ul aria-label="Changes" className="mb-2 space-y-0.5 text-xs">
            {diff.steps.length === 0 && diff.settings.length === 0 ? <li className="text-slate-500">No differences.</li> : null}
            {diff.settings.length ? <li>workflow settings changed: {diff.settings.join(", ")}</li> : null}
            {diff.steps.map((c) => (
              <li key={c.stepId} className={c.change === "added" ? "text-emerald-700" : c.change === "removed" ? "text-red-700" : "text-amber-700"}>
                <strong>{c.stepId}</strong> {c.change}
                {c.fields.length ? `: ${c.fields.join(", ")}` : ""}
              </li>
            ))}
          </ul>
          <div className="mb-2 flex gap-2 text-xs">
            <button type="button" className="text-indigo-600 hover:underline" onClick={() => onShowDiff(new Map(diff.steps.filter((c) => c.change !== "removed").map((c) => [c.stepId, c.change as "added" | "changed"])))}>
              Highlight on canvas
            </button>
            <button type="button" className="text-slate-500 hover:underline" onClick={() => onShowDiff(null)}>Clear highlight</button>
          </div>
          <pre aria-label="YAML diff" className="max-h-72 overflow-auto rounded bg-slate-950 p-2 font-mono text-[11px] leading-4 text-slate-200">
            {diff.lines.filter((l, i, all) => l.op !== "same" || all.slice(Math.max(0, i - 2), i + 3).some((n) => n.op !== "same")).map((l, i) => (
              <div key={i} className={l.op === "add" ? "bg-emerald-900/60" : l.op === "del" ? "bg-red-900/60" : undefined}>
                {l.op === "add" ? "+ " : l.op === "del" ? "- " : "  "}
                {l.text}
              </div>
            ))}
          </pre>
        </>
      ) : null}
    </div>
  );
}
