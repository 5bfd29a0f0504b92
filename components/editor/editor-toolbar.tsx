"use client";

import type { ReactNode } from "react";
import type { StepKind } from "@/lib/engine/definition";
import type { LayoutDirection } from "@/lib/workflows/editor/layout";
import { Palette } from "./palette";

const BTN = "rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:bg-slate-900";

interface Props {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  dirty: boolean;
  saving: boolean;
  baseVersion: number;
  direction: LayoutDirection;
  onAdd: (kind: StepKind) => void;
  onUndo: () => void;
  onRedo: () => void;
  onDelete: () => void;
  onDuplicate: () => void;
  onLayout: (d: LayoutDirection) => void;
  onFit: () => void;
  onSave: () => void;
  io: ReactNode;
  run: ReactNode;
}

export function EditorToolbar(p: Props) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <Palette onAdd={p.onAdd} disabled={p.readOnly} />
      <div role="toolbar" aria-label="Edit" className="flex gap-1">
        <button type="button" className={BTN} disabled={p.readOnly || !p.canUndo} onClick={p.onUndo} title="Undo (Ctrl/Cmd+Z)">↶ Undo</button>
        <button type="button" className={BTN} disabled={p.readOnly || !p.canRedo} onClick={p.onRedo} title="Redo (Ctrl/Cmd+Shift+Z)">↷ Redo</button>
        <button type="button" className={BTN} disabled={p.readOnly || !p.hasSelection} onClick={p.onDuplicate} title="Duplicate (Ctrl/Cmd+D)">Duplicate</button>
        <button type="button" className={BTN} disabled={p.readOnly || !p.hasSelection} onClick={p.onDelete} title="Delete (Del)">Delete</button>
      </div>
      <div role="toolbar" aria-label="View" className="flex gap-1">
        <button type="button" className={BTN} disabled={p.readOnly} onClick={() => p.onLayout("LR")} aria-pressed={p.direction === "LR"}>Layout →</button>
        <button type="button" className={BTN} disabled={p.readOnly} onClick={() => p.onLayout("TB")} aria-pressed={p.direction === "TB"}>Layout ↓</button>
        <button type="button" className={BTN} onClick={p.onFit}>Fit</button>
      </div>
      {p.io}
      <div className="ml-auto flex items-start gap-2">
        <span className="pt-1.5 text-xs text-slate-500" data-testid="editor-version">
          {p.baseVersion ? `v${p.baseVersion}` : "unsaved"}
          {p.dirty ? " · unsaved changes" : ""}
        </span>
        {!p.readOnly ? (
          <button type="button" onClick={p.onSave} disabled={p.saving || !p.dirty} className="rounded-md bg-emerald-600 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-500 disabled:opacity-50">
            {p.saving ? "Saving…" : "Save version"}
          </button>
        ) : null}
        {p.run}
      </div>
    </div>
  );
}
