"use client";

import { useCallback, useReducer } from "react";
import { initHistory, push, redo, replace, undo, type History } from "@/lib/workflows/editor/history";
import type { EditorDoc } from "@/lib/workflows/editor/doc";

type Action =
  | { type: "edit"; doc: EditorDoc }
  | { type: "live"; doc: EditorDoc }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "reset"; doc: EditorDoc };

function reducer(h: History<EditorDoc>, a: Action): History<EditorDoc> {
  switch (a.type) {
    case "edit":
      return push(h, a.doc);
    case "live":
      return replace(h, a.doc);
    case "undo":
      return undo(h);
    case "redo":
      return redo(h);
    case "reset":
      return initHistory(a.doc);
  }
}

/**
 * The editor's document with undo/redo. `edit` records a history entry;
 * `live` updates in place (during a drag, after `edit` recorded its start).
 * Updaters receive the present document, so callbacks stay stable.
 */
export function useEditorDoc(initial: () => EditorDoc) {
  const [history, dispatch] = useReducer(reducer, undefined, () => initHistory(initial()));
  const edit = useCallback((doc: EditorDoc) => dispatch({ type: "edit", doc }), []);
  const live = useCallback((doc: EditorDoc) => dispatch({ type: "live", doc }), []);
  const reset = useCallback((doc: EditorDoc) => dispatch({ type: "reset", doc }), []);
  const doUndo = useCallback(() => dispatch({ type: "undo" }), []);
  const doRedo = useCallback(() => dispatch({ type: "redo" }), []);
  return {
    doc: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    edit,
    live,
    reset,
    undo: doUndo,
    redo: doRedo,
  };
}
