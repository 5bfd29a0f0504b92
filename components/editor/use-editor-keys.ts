"use client";

import { useEffect } from "react";

interface Keys {
  undo: () => void;
  redo: () => void;
  duplicate: () => void;
  copy: () => void;
  paste: () => void;
}

/** Ctrl/Cmd+Z undo, Shift+Z or Y redo, D duplicate, C/V copy/paste — not while typing in a field. */
export function useEditorKeys(enabled: boolean, keys: Keys): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      const run = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (k === "z" && e.shiftKey) run(keys.redo);
      else if (k === "z") run(keys.undo);
      else if (k === "y") run(keys.redo);
      else if (k === "d") run(keys.duplicate);
      else if (k === "c") keys.copy();
      else if (k === "v") run(keys.paste);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, keys]);
}
