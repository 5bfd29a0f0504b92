"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { StepKind, WorkflowInput } from "@/lib/engine/definition";
import type { WorkflowFormat } from "@/lib/engine/parse";
import { validateWorkflow } from "@/lib/engine/validate";
import * as ops from "@/lib/workflows/editor/doc";
import { autoLayout, placeNewSteps, positionsFor, type LayoutDirection } from "@/lib/workflows/editor/layout";
import { indexProblems } from "@/lib/workflows/editor/problems";
import { stripDefaults } from "@/lib/workflows/editor/clean";
import { RunWithParamsButton } from "@/components/workflows/run-with-params-button";
import { CodePanel } from "./code-panel";
import { ImportExport } from "./import-export";
import { EditorCanvas, FIT_VIEW } from "./editor-canvas";
import { EditorToolbar } from "./editor-toolbar";
import { ProblemsList } from "./problems-list";
import { SaveMessage } from "./save-message";
import { SettingsPanel } from "./settings-panel";
import { StepPanel } from "./step-panel";
import { useEditorDoc } from "./use-editor-doc";
import { useEditorKeys } from "./use-editor-keys";
import { useLeaveGuard } from "./use-leave-guard";
import { useSaveWorkflow } from "./use-save-workflow";
import { VersionsPanel, type VersionInfo } from "./versions-panel";

export interface WorkflowEditorProps {
  workflowId: string;
  baseVersion: number;
  workflow: WorkflowInput;
  layout: Record<string, ops.XY> | null;
  pools: Record<string, number>;
  versions: VersionInfo[];
  readOnly: string | null;
  runBlocked: string | null;
  /** Base name of exported files. */
  fileName: string;
}

type Tab = "step" | "workflow" | "code" | "versions";

export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorInner {...props} />
    </ReactFlowProvider>
  );
}

function EditorInner({ workflowId, baseVersion: loadedVersion, workflow, layout, pools, versions, readOnly, runBlocked, fileName }: WorkflowEditorProps) {
  const [initialDoc] = useState<ops.EditorDoc>(() => ({ workflow, positions: positionsFor(workflow, layout) }));
  const { doc, edit, live, undo, redo, canUndo, canRedo } = useEditorDoc(() => initialDoc);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState<Tab>("workflow");
  const [format, setFormat] = useState<WorkflowFormat>("yaml");
  const [direction, setDirection] = useState<LayoutDirection>("LR");
  const [diffMarks, setDiffMarks] = useState<Map<string, "added" | "changed"> | null>(null);
  const clipboard = useRef<string[]>([]);
  const canvasBox = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const saver = useSaveWorkflow(workflowId, loadedVersion);
  const ro = readOnly !== null;

  // Pools the server knows (cpu/memory capacities included) make the browser's checks match the save's.
  const validation = useMemo(() => validateWorkflow(doc.workflow, { pools }), [doc.workflow, pools]);
  const problems = useMemo(() => (validation.ok ? [] : validation.problems), [validation]);
  const problemIndex = useMemo(() => indexProblems(problems), [problems]);
  const dirty = doc !== (saver.savedDoc ?? initialDoc);

  useLeaveGuard(dirty);

  // Callbacks read the latest document through a ref so they stay stable for the memoised canvas.
  const docRef = useRef(doc);
  useLayoutEffect(() => {
    docRef.current = doc;
  });
  const select = useCallback((ids: Set<string>, edges: Set<string> = new Set()) => {
    setSelected(ids);
    setSelectedEdges(edges);
    if (ids.size === 1) setTab("step");
  }, []);
  const addAt = useCallback((kind: StepKind, at: ops.XY) => {
    const r = ops.addStep(docRef.current, kind, at);
    edit(r.doc);
    select(new Set([r.id]));
  }, [edit, select]);
  const addCentered = (kind: StepKind) => {
    const box = canvasBox.current?.getBoundingClientRect();
    const p = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    const jitter = (doc.workflow.steps.length % 5) * 24;
    addAt(kind, { x: Math.round(p.x - 115 + jitter), y: Math.round(p.y - 48 + jitter) });
  };
  const onMove = useCallback((moved: Record<string, ops.XY>, gesture: "start" | "live") => {
    (gesture === "start" ? edit : live)(ops.moveSteps(docRef.current, moved));
  }, [edit, live]);
  const onConnect = useCallback((s: string, t: string) => edit(ops.connect(docRef.current, s, t)), [edit]);
  const onDelete = useCallback((steps: string[], edges: { source: string; target: string }[]) => {
    let next = ops.removeSteps(docRef.current, steps);
    for (const e of edges) next = ops.disconnect(next, e.source, e.target);
    edit(next);
    setSelected(new Set());
    setSelectedEdges(new Set());
  }, [edit]);
  const deleteSelected = () => onDelete([...selected], [...selectedEdges].map((id) => { const [source = "", target = ""] = id.split("->"); return { source, target }; }));
  const duplicate = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    const r = ops.duplicateSteps(docRef.current, ids.filter((id) => docRef.current.workflow.steps.some((s) => s.id === id)));
    edit(r.doc);
    setSelected(new Set(r.ids));
  }, [edit]);
  const relayout = (dir: LayoutDirection) => {
    setDirection(dir);
    edit({ ...doc, positions: autoLayout(doc.workflow, dir) });
    window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
  };
  const focusStep = (id: string) => {
    select(new Set([id]));
    void flow.fitView({ ...FIT_VIEW, nodes: [{ id }], maxZoom: 1.2, duration: 300 });
  };
  const onCodeWorkflow = useCallback((w: WorkflowInput) => {
    const cur = docRef.current;
    edit({ workflow: w, positions: placeNewSteps(w, cur.positions) });
  }, [edit]);

  const keys = useMemo(() => ({
    undo, redo,
    duplicate: () => duplicate([...selected]),
    copy: () => { clipboard.current = [...selected]; },
    paste: () => duplicate(clipboard.current),
  }), [undo, redo, duplicate, selected]);
  useEditorKeys(!ro, keys);

  const selectedStep = selected.size === 1 ? doc.workflow.steps.find((s) => selected.has(s.id)) : undefined;
  const save = () => {
    if (problems.length) {
      saver.setStatus({ kind: "error", conflict: false, message: `Fix the ${problems.length} problem${problems.length === 1 ? "" : "s"} below before saving.`, problems: [] });
      return;
    }
    saver.save(doc, format);
  };

  return (
    <div className="flex h-[calc(100vh-9rem)] min-h-[36rem] flex-col gap-2" data-testid="workflow-editor">
      <EditorToolbar
        readOnly={ro}
        canUndo={canUndo}
        canRedo={canRedo}
        hasSelection={selected.size + selectedEdges.size > 0}
        dirty={dirty}
        saving={saver.pending}
        baseVersion={saver.baseVersion}
        direction={direction}
        onAdd={addCentered}
        onUndo={undo}
        onRedo={redo}
        onDelete={deleteSelected}
        onDuplicate={() => duplicate([...selected])}
        onLayout={relayout}
        onFit={() => void flow.fitView(FIT_VIEW)}
        onSave={save}
        io={<ImportExport workflow={doc.workflow} format={format} fileName={fileName} readOnly={ro} onImport={(w) => { edit({ workflow: w, positions: positionsFor(w, null) }); window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW)); }} />}
        run={<RunWithParamsButton workflowId={workflowId} params={doc.workflow.params} disabledReason={runBlocked ?? (dirty ? "Save your changes before running." : null)} />}
      />
      {readOnly ? <p className="rounded bg-amber-50 px-3 py-1 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200">{readOnly}</p> : null}
      <SaveMessage status={saver.status} onFocus={focusStep} />
      <div className="flex min-h-0 flex-1 gap-2">
        <div ref={canvasBox} className="relative min-w-0 flex-1 rounded-md border border-slate-200 dark:border-slate-800">
          <EditorCanvas
            doc={doc}
            problems={problemIndex}
            selected={selected}
            selectedEdges={selectedEdges}
            vertical={direction === "TB"}
            readOnly={ro}
            diff={diffMarks ?? undefined}
            onSelect={select}
            onMove={onMove}
            onConnect={onConnect}
            onDelete={onDelete}
            onDropKind={addAt}
          />
        </div>
        <aside className="flex w-[26rem] shrink-0 flex-col rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <div role="tablist" aria-label="Editor panels" className="mb-2 flex gap-1 text-xs">
            {(["step", "workflow", "code", "versions"] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)} className={`rounded px-2 py-1 capitalize ${tab === t ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-slate-100 dark:bg-slate-800"}`}>
                {t}
              </button>
            ))}
          </div>
          <div className="min-h-0 flex-1 overflow-auto">
            {tab === "step" ? (
              selectedStep ? (
                <StepPanel key={selectedStep.id} step={selectedStep} problems={problemIndex.byStep.get(selectedStep.id)} pools={Object.keys(pools).filter((p) => p !== "cpu" && p !== "memory")} readOnly={ro} onChange={(id, patch) => { edit(ops.updateStep(doc, id, patch)); if (patch.id) setSelected(new Set([patch.id])); }} onRemoveDependency={(s, t) => edit(ops.disconnect(doc, s, t))} />
              ) : (
                <p className="text-sm text-slate-500">Select one step to edit its properties.</p>
              )
            ) : null}
            {tab === "workflow" ? <SettingsPanel workflow={doc.workflow} problems={problems} readOnly={ro} onChange={(patch) => edit(ops.updateWorkflow(doc, patch))} /> : null}
            {tab === "code" ? <CodePanel workflow={doc.workflow} readOnly={ro} format={format} onFormat={setFormat} onWorkflow={onCodeWorkflow} /> : null}
            {tab === "versions" ? <VersionsPanel versions={versions} readOnly={ro} onShowDiff={setDiffMarks} onRestore={(v) => { const w = stripDefaults(v.definition); edit({ workflow: w, positions: placeNewSteps(w, doc.positions) }); }} /> : null}
          </div>
          <div className="mt-2 border-t border-slate-200 pt-2 dark:border-slate-800">
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Problems ({problems.length})</h2>
            <ProblemsList problems={problems} onFocus={focusStep} />
          </div>
        </aside>
      </div>
    </div>
  );
}
