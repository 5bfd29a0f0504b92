"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { WorkflowInput } from "@/lib/engine/definition";
import type { WorkflowFormat } from "@/lib/engine/parse";
import { textToWorkflow, workflowToText, type TextError } from "@/lib/workflows/editor/codec";

// CodeMirror loads only when the code view is first opened: the editor's first load does not carry it.
const CodeEditor = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: () => <p className="p-2 text-xs text-slate-400">Loading the code editor…</p>,
});

const PARSE_AT_ONCE_CHARS = 20_000;
const PARSE_DELAY_MS = 250;

interface Props {
  workflow: WorkflowInput;
  readOnly: boolean;
  format: WorkflowFormat;
  onFormat: (f: WorkflowFormat) => void;
  /** Called with each text that parses into a definition; the canvas follows it. */
  onWorkflow: (w: WorkflowInput) => void;
}

/**
 * The definition as YAML or JSON, two-way with the canvas. Text that does not
 * parse (or breaks the schema) shows its errors with their line and leaves the
 * canvas on the last good definition.
 */
export function CodePanel({ workflow, readOnly, format, onFormat, onWorkflow }: Props) {
  const [text, setText] = useState(() => workflowToText(workflow, format));
  const [errors, setErrors] = useState<TextError[]>([]);
  // The definition and format the text currently shows; a different one (a canvas edit, undo) regenerates it.
  const [shown, setShown] = useState<{ workflow: WorkflowInput; format: WorkflowFormat }>({ workflow, format });
  if (shown.workflow !== workflow || shown.format !== format) {
    setShown({ workflow, format });
    setText(workflowToText(workflow, format));
    setErrors([]);
  }
  // Big definitions (a 1,000-step YAML takes ~50 ms to parse) are parsed once typing pauses, not per key.
  const textNow = useRef(text);
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => {
    textNow.current = text;
  });
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const apply = (next: string) => {
    // A canvas edit (or undo) replaced the text meanwhile: that one wins.
    if (textNow.current !== next) return;
    const parsed = textToWorkflow(next, format);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    // Keep the user's text (comments, spacing) for this definition.
    setShown({ workflow: parsed.workflow, format });
    onWorkflow(parsed.workflow);
  };
  const onText = (next: string) => {
    setText(next);
    textNow.current = next;
    window.clearTimeout(pending.current);
    if (next.length < PARSE_AT_ONCE_CHARS) apply(next);
    else pending.current = window.setTimeout(() => apply(next), PARSE_DELAY_MS);
  };

  return (
    <div className="flex h-full flex-col">
      <div className="mb-1 flex items-center gap-1 text-xs" role="tablist" aria-label="Format">
        {(["yaml", "json"] as const).map((f) => (
          <button key={f} type="button" role="tab" aria-selected={format === f} onClick={() => onFormat(f)} className={`rounded px-2 py-0.5 ${format === f ? "bg-indigo-600 text-white" : "bg-slate-100 dark:bg-slate-800"}`}>
            {f.toUpperCase()}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-hidden rounded border border-slate-300 bg-slate-950 dark:border-slate-700">
        <CodeEditor value={text} format={format} readOnly={readOnly} errors={errors} label={`Definition (${format.toUpperCase()})`} onChange={onText} />
      </div>
      {errors.length ? (
        <ul aria-label="Code errors" className="mt-1 max-h-24 overflow-auto text-xs text-red-600">
          {errors.map((e, i) => <li key={i} role="alert">{e.message}</li>)}
          <li className="text-slate-500">The canvas keeps the last definition that parsed.</li>
        </ul>
      ) : null}
    </div>
  );
}
