"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from "@xyflow/react";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { useColorMode } from "@/components/ui/use-color-mode";
import type { StepKind } from "@/lib/engine/definition";
import { edgesOf, type EditorDoc, type XY } from "@/lib/workflows/editor/doc";
import type { ProblemIndex } from "@/lib/workflows/editor/problems";
import { STEP_NODE_HEIGHT, STEP_NODE_WIDTH } from "@/lib/workflows/editor/layout";
import { StepNode, type StepFlowNode } from "./step-node";

/** Module level: a new object per render would remount every node. */
const nodeTypes = { step: StepNode };
/**
 * Fit options for every fit in the editor. `includeHiddenNodes` makes React Flow size steps it has not
 * rendered (off screen, see `onlyRenderVisibleElements`) from their initial size; otherwise a fit would only
 * see the steps already measured.
 */
export const FIT_VIEW = { padding: 0.15, maxZoom: 1, includeHiddenNodes: true };
/**
 * The first view: the whole graph, but not below 25 % — a big workflow opens on its middle at a zoom where
 * steps are still boxes (and few enough are on screen to pan at full frame rate); Fit and the minimap show all.
 */
const INITIAL_FIT = { ...FIT_VIEW, minZoom: 0.25 };
export const KIND_MIME = "application/x-myrmex-step-kind";

interface Props {
  doc: EditorDoc;
  problems: ProblemIndex;
  selected: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  vertical: boolean;
  readOnly: boolean;
  diff?: ReadonlyMap<string, "added" | "changed">;
  onSelect: (nodes: Set<string>, edges: Set<string>) => void;
  onMove: (moved: Record<string, XY>, gesture: "start" | "live") => void;
  onConnect: (source: string, target: string) => void;
  onDelete: (steps: string[], edges: { source: string; target: string }[]) => void;
  onDropKind: (kind: StepKind, at: XY) => void;
}

export function EditorCanvas(props: Props) {
  const { doc, problems, selected, selectedEdges, vertical, readOnly, diff, onSelect, onMove, onConnect, onDelete, onDropKind } = props;
  const { screenToFlowPosition } = useReactFlow();
  const colorMode = useColorMode();
  const dragging = useRef(false);


  // Node objects are reused while their step, problems and selection are unchanged (memoised nodes skip rendering).
  // A render cache (not state): the Map is reused and pruned in place.
  const [cache] = useState(() => new Map<string, StepFlowNode>());
  const nodes = useMemo(() => {
    const out = doc.workflow.steps.map((step) => {
      const position = doc.positions[step.id] ?? { x: 0, y: 0 };
      const msgs = (problems.byStep.get(step.id) ?? []).map((p) => `${p.field}: ${p.message}`);
      const isSelected = selected.has(step.id);
      const mark = diff?.get(step.id);
      const prev = cache.get(step.id);
      const same =
        prev &&
        prev.data.step === step &&
        prev.position === position &&
        prev.selected === isSelected &&
        prev.data.vertical === vertical &&
        prev.data.diff === mark &&
        prev.data.problems.join("\n") === msgs.join("\n");
      const node: StepFlowNode = same
        ? prev
        : {
            id: step.id,
            type: "step",
            position,
            selected: isSelected,
            // Sizes before measuring, so fitView can place nodes not rendered yet.
            initialWidth: STEP_NODE_WIDTH,
            initialHeight: STEP_NODE_HEIGHT,
            data: { step, problems: msgs, vertical, diff: mark },
          };
      cache.set(step.id, node);
      return node;
    });
    if (cache.size > out.length) {
      const live = new Set(out.map((n) => n.id));
      for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    }
    return out;
  }, [doc, problems, selected, vertical, diff, cache]);

  const edges = useMemo<Edge[]>(
    () =>
      edgesOf(doc.workflow).map((e) => {
        const bad = problems.cycleEdges.has(e.id);
        return {
          ...e,
          type: "smoothstep",
          selected: selectedEdges.has(e.id),
          markerEnd: { type: MarkerType.ArrowClosed, color: bad ? "#dc2626" : "#64748b" },
          style: bad ? { stroke: "#dc2626", strokeWidth: 2.5 } : { stroke: "#64748b" },
          className: bad ? "cycle-edge" : undefined,
          data: { cycle: bad },
        };
      }),
    [doc.workflow, problems, selectedEdges],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const moved: Record<string, XY> = {};
      let anyDragging = false;
      let selectionChanged = false;
      const nextSel = new Set(selected);
      for (const c of changes) {
        if (c.type === "position" && c.position) {
          moved[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          if (c.dragging) anyDragging = true;
        } else if (c.type === "select") {
          selectionChanged = true;
          if (c.selected) nextSel.add(c.id);
          else nextSel.delete(c.id);
        }
      }
      if (Object.keys(moved).length) {
        onMove(moved, anyDragging && !dragging.current ? "start" : "live");
        dragging.current = anyDragging;
      } else if (changes.some((c) => c.type === "position" && !c.dragging)) dragging.current = false;
      if (selectionChanged) onSelect(nextSel, new Set(selectedEdges));
    },
    [selected, selectedEdges, onMove, onSelect],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const next = new Set(selectedEdges);
      let changed = false;
      for (const c of changes) {
        if (c.type !== "select") continue;
        changed = true;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      if (changed) onSelect(new Set(selected), next);
    },
    [selected, selectedEdges, onSelect],
  );

  const handleConnect = useCallback((c: Connection) => onConnect(c.source, c.target), [onConnect]);
  const handleDelete: OnDelete = useCallback(
    ({ nodes: ns, edges: es }) => onDelete(ns.map((n) => n.id), es.map((e) => ({ source: e.source, target: e.target }))),
    [onDelete],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME) as StepKind;
      if (!kind) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      onDropKind(kind, { x: Math.round(p.x - 115), y: Math.round(p.y - 40) });
    },
    [screenToFlowPosition, onDropKind],
  );

  return (
    <div className="h-full w-full" onDragOver={onDragOver} onDrop={onDrop} data-testid="editor-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={handleConnect}
        onDelete={handleDelete}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        colorMode={colorMode}
        style={{ backgroundColor: "transparent" }}
        fitView
        fitViewOptions={INITIAL_FIT}
        minZoom={0.05}
        // Big graphs: only steps and edges in the viewport are in the DOM.
        onlyRenderVisibleElements
      >
        <Background gap={16} size={1} />
        <Controls fitViewOptions={FIT_VIEW} />
        <MiniMap pannable zoomable className="!h-28 !w-40" />
      </ReactFlow>
    </div>
  );
}
