"use client";

import { useRef, useState } from "react";
import type { WorkflowInput } from "@/lib/engine/definition";
import { detectFormat, type WorkflowFormat } from "@/lib/engine/parse";
import { textToWorkflow, workflowToText } from "@/lib/workflows/editor/codec";

const BTN = "rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:bg-slate-900";

/** Import a YAML/JSON definition file into the editor (not saved until "Save version"), or download the current one. */
export function ImportExport({ workflow, format, fileName, readOnly, onImport }: { workflow: WorkflowInput; format: WorkflowFormat; fileName: string; readOnly: boolean; onImport: (w: WorkflowInput) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const download = () => {
    const blob = new Blob([workflowToText(workflow, format)], { type: format === "json" ? "application/json" : "application/yaml" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${fileName}.${format === "json" ? "json" : "yaml"}`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const load = async (file: File) => {
    const text = await file.text();
    const parsed = textToWorkflow(text, detectFormat(text));
    if (!parsed.ok) setError(`${file.name}: ${parsed.errors.map((e) => e.message).join("; ")}`);
    else {
      setError(null);
      onImport(parsed.workflow);
    }
  };
  return (
    <div className="flex items-center gap-1">
      <button type="button" className={BTN} disabled={readOnly} onClick={() => input.current?.click()}>Import…</button>
      <input ref={input} type="file" accept=".yaml,.yml,.json" aria-label="Import definition file" className="hidden" onChange={(e) => { const f = e.target.files?.[0]; if (f) void load(f); e.target.value = ""; }} />
      <button type="button" className={BTN} onClick={download}>Export</button>
      {error ? <span role="alert" className="text-xs text-red-600">{error}</span> : null}
    </div>
  );
}
