"use client";

import { STEP_KINDS, type StepKind } from "@/lib/engine/definition";
import { KIND_MIME } from "./editor-canvas";
import { KindIcon } from "./kind-icon";

const LABELS: Record<StepKind, string> = { shell: "Shell", http: "HTTP", delay: "Delay", noop: "No-op" };

/** Step kinds: drag one onto the canvas, or click to add it in the middle of the view. */
export function Palette({ onAdd, disabled }: { onAdd: (kind: StepKind) => void; disabled: boolean }) {
  return (
    <div role="toolbar" aria-label="Step palette" className="flex items-center gap-1">
      {STEP_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          draggable={!disabled}
          disabled={disabled}
          data-kind={kind}
          aria-label={`Add ${kind} step`}
          title={`Drag onto the canvas or click to add a ${kind} step`}
          onDragStart={(e) => {
            e.dataTransfer.setData(KIND_MIME, kind);
            e.dataTransfer.effectAllowed = "copy";
          }}
          onClick={() => onAdd(kind)}
          className="flex cursor-grab items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:bg-slate-900"
        >
          <KindIcon kind={kind} />
          {LABELS[kind]}
        </button>
      ))}
    </div>
  );
}
