"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveWorkflowAction, type SaveProblem } from "@/lib/actions/workflows/save-workflow";
import type { WorkflowFormat } from "@/lib/engine/parse";
import { workflowToText } from "@/lib/workflows/editor/codec";
import type { EditorDoc } from "@/lib/workflows/editor/doc";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saved"; version: number; unchanged: boolean }
  | { kind: "error"; message: string; conflict: boolean; problems: SaveProblem[] };

/** Saving as a new version on top of the version the editor loaded (optimistic concurrency). */
export function useSaveWorkflow(workflowId: string, initialVersion: number) {
  const router = useRouter();
  const [baseVersion, setBaseVersion] = useState(initialVersion);
  const [savedDoc, setSavedDoc] = useState<EditorDoc | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [pending, startTransition] = useTransition();

  const save = (doc: EditorDoc, format: WorkflowFormat) =>
    startTransition(async () => {
      const res = await saveWorkflowAction({
        workflowId,
        baseVersion,
        source: workflowToText(doc.workflow, format),
        format,
        layout: { nodes: doc.positions },
      });
      if (!res.ok) {
        setStatus({ kind: "error", message: res.error, conflict: res.conflict ?? false, problems: res.problems ?? [] });
        return;
      }
      setBaseVersion(res.data.version);
      setSavedDoc(doc);
      setStatus({ kind: "saved", version: res.data.version, unchanged: res.data.unchanged });
      router.refresh();
    });

  return { baseVersion, savedDoc, status, setStatus, pending, save };
}
