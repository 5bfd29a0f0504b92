"use client";

import type { Edge } from "@xyflow/react";
import { useMemo, useState } from "react";
import { ReadOnlyFlow } from "@/components/ui/read-only-flow";
import { layoutDag, NODE_HEIGHT, NODE_WIDTH } from "@/lib/live/dag-layout";
import type { LiveRun, WaitReason } from "@/lib/live/types";
import { DagStepNode, type StepNode } from "./dag-step-node";

/** Custom node types at module level: a new object per render would remount every node. */
const nodeTypes = { step: DagStepNode };

interface Props {
  run: LiveRun;
  waits: ReadonlyMap<string, WaitReason>;
  selected: string | null;
  onOpen: (stepId: string) => void;
}

/** Shape of the graph only: layout and edges are recomputed when the definition changes, not with every state. */
function shapeKey(run: LiveRun): string {
  return run.tasks.map((t) => `${t.stepId}<${t.dependsOn.join(",")}`).join(";");
}

/**
 * The run's DAG, read-only, coloured by step state. Node objects are reused
 * while their step is unchanged, so React Flow re-renders only the steps an
 * event touched.
 */
export function RunDag({ run, waits, selected, onOpen }: Props) {
  const shape = shapeKey(run);
  const tasksForLayout = run.tasks;
  const layout = run.layout;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the layout depends on the graph's shape only
  const positions = useMemo(() => layoutDag(tasksForLayout, layout), [shape, layout]);
  const edges = useMemo<Edge[]>(
    () => tasksForLayout.flatMap((t) => t.dependsOn.map((d) => ({ id: `${d}->${t.stepId}`, source: d, target: t.stepId, type: "smoothstep" }))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- edges depend on the graph's shape only
    [shape],
  );

  // Last nodes by step: a render cache (not state), reused while a step's inputs are unchanged.
  const [cache] = useState(() => new Map<string, StepNode>());
  const nodes = useMemo(() => {
    const out = run.tasks.map((t) => {
      const wait = waits.get(t.stepId) ?? null;
      const isSelected = selected === t.stepId;
      const position = positions.get(t.stepId) ?? { x: 0, y: 0 };
      const prev = cache.get(t.stepId);
      const same =
        prev &&
        prev.data.task === t &&
        prev.data.selected === isSelected &&
        prev.data.onOpen === onOpen &&
        prev.position === position &&
        JSON.stringify(prev.data.wait) === JSON.stringify(wait);
      const node: StepNode = same ? prev : {
            id: t.stepId,
            type: "step",
            position,
            // Known size: React Flow can place and fit nodes before measuring them.
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            data: { task: t, wait, selected: isSelected, onOpen },
            draggable: false,
            connectable: false,
          };
      cache.set(t.stepId, node);
      return node;
    });
    return out;
  }, [run.tasks, waits, selected, onOpen, positions, cache]);

  return (
    <div className="h-[28rem] w-full rounded-md border border-slate-200 dark:border-slate-800" data-testid="run-dag">
      <ReadOnlyFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodeClick={(_, node) => onOpen(node.id)} onlyRenderVisibleElements padding={0.1} minZoom={0.05} />
    </div>
  );
}
