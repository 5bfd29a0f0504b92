"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { bracketMatching, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Annotation, Compartment, EditorState, type Text } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import type { WorkflowFormat } from "@/lib/engine/parse";
import type { TextError } from "@/lib/workflows/editor/codec";

export interface CodeEditorProps {
  value: string;
  format: WorkflowFormat;
  readOnly: boolean;
  /** Parse or schema errors; each one with a line is shown on that line (underline and gutter marker). */
  errors: readonly TextError[];
  label: string;
  onChange: (text: string) => void;
}

/** Marks transactions that load text from outside (a canvas edit), so they are not echoed back. */
const external = Annotation.define<boolean>();

const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: "#7dd3fc" },
  { tag: [t.string, t.special(t.string)], color: "#bef264" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "#fdba74" },
  { tag: [t.keyword, t.operator], color: "#c4b5fd" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "#94a3b8", fontStyle: "italic" },
  { tag: [t.meta, t.labelName, t.typeName], color: "#f0abfc" },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace], color: "#cbd5e1" },
  { tag: t.invalid, color: "#fca5a5" },
]);

const theme = EditorView.theme(
  {
    "&": { height: "100%", backgroundColor: "#020617", color: "#f1f5f9", fontSize: "12px" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", lineHeight: "1.25rem" },
    ".cm-content": { caretColor: "#f8fafc", padding: "0.5rem 0" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#f8fafc" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "#334155" },
    ".cm-gutters": { backgroundColor: "#0f172a", color: "#64748b", border: "none" },
    ".cm-activeLine": { backgroundColor: "#0f172a80" },
    ".cm-activeLineGutter": { backgroundColor: "#1e293b", color: "#cbd5e1" },
    ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy #f87171" },
    ".cm-tooltip": { backgroundColor: "#1e293b", color: "#f1f5f9", border: "1px solid #334155" },
  },
  { dark: true },
);

function language(format: WorkflowFormat) {
  return format === "json" ? json() : yaml();
}

/** Errors as diagnostics on their whole line; errors without a line go on the first line. */
export function diagnosticsFor(doc: Text, errors: readonly TextError[]): Diagnostic[] {
  return errors.map((e) => {
    const line = doc.line(Math.min(Math.max(e.line ?? 1, 1), doc.lines));
    return { from: line.from, to: line.to, severity: "error", message: e.message };
  });
}

/**
 * CodeMirror 6 for the definition: syntax highlighting (YAML or JSON), line
 * numbers, undo history and a lint gutter showing each error on its line.
 * Controlled: `value` changes from outside replace the text; typing calls
 * `onChange`.
 */
export function CodeEditor({ value, format, readOnly, errors, label, onChange }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const compartments = useRef({ lang: new Compartment(), ro: new Compartment(), label: new Compartment() });
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  // Created once; later prop changes are applied as transactions below.
  useEffect(() => {
    const c = compartments.current;
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          lintGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          syntaxHighlighting(highlight),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          theme,
          c.lang.of(language(format)),
          c.ro.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          c.label.of(EditorView.contentAttributes.of({ "aria-label": label })),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((tr) => tr.annotation(external))) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view is created once; the effects below follow the props
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: [external.of(true)] });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const c = compartments.current;
    v.dispatch({
      effects: [
        c.lang.reconfigure(language(format)),
        c.ro.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        c.label.reconfigure(EditorView.contentAttributes.of({ "aria-label": label })),
      ],
    });
  }, [format, readOnly, label]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(setDiagnostics(v.state, diagnosticsFor(v.state.doc, errors)));
  }, [errors, value]);

  return <div ref={host} className="h-full min-h-0" data-testid="code-editor" />;
}
