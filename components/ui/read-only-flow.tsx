"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, ReactFlow, type Edge, type Node, type ReactFlowProps } from "@xyflow/react";
import { useColorMode } from "./use-color-mode";

type Props<N extends Node, E extends Edge> = Pick<ReactFlowProps<N, E>, "nodes" | "edges" | "nodeTypes" | "onNodeClick" | "onlyRenderVisibleElements" | "minZoom"> & {
  /** Space around the graph when it is fitted (fraction of the view). */
  padding: number;
};

/**
 * A graph to look at, not to edit (the run DAG, project dependencies):
 * nothing drags, connects or selects; fitted at most at 100 %; zoom controls;
 * follows the page's colour scheme on a transparent background.
 */
export function ReadOnlyFlow<N extends Node, E extends Edge>({ padding, ...props }: Props<N, E>) {
  const colorMode = useColorMode();
  return (
    <ReactFlow
      {...props}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      colorMode={colorMode}
      style={{ backgroundColor: "transparent" }}
      fitView
      fitViewOptions={{ padding, maxZoom: 1 }}
    >
      <Background gap={16} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
