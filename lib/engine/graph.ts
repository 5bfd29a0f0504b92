/**
 * Compact adjacency of a workflow DAG (CSR arrays indexed by step position),
 * shared by validation, planning and the scheduler. All algorithms here are
 * iterative, so 10,000-step chains never hit a recursion limit.
 */

/** Dependencies and successors of every step, by definition index. */
export interface DagIndex {
  /** Step ids in definition order. */
  ids: string[];
  /** Step id → definition index. */
  index: Map<string, number>;
  /** deps of i are `deps[depStart[i] .. depStart[i+1])`. */
  depStart: Int32Array;
  deps: Int32Array;
  /** successors of i are `succ[succStart[i] .. succStart[i+1])`. */
  succStart: Int32Array;
  succ: Int32Array;
}

/** Minimal step shape the graph needs. */
export interface GraphStep {
  id: string;
  dependsOn?: readonly string[];
}

/**
 * Builds the index. Unknown dependencies, self-dependencies and duplicate
 * edges are ignored (validation reports them); for duplicate ids the first step wins.
 * Two passes over the steps' `dependsOn` (count, then fill) with one shared
 * marker array: no per-step temporaries, whatever the size of the graph.
 */
export function buildDag(steps: readonly GraphStep[]): DagIndex {
  const n = steps.length;
  const ids = new Array<string>(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = steps[i]!.id;
    ids[i] = id;
    if (!index.has(id)) index.set(id, i);
  }

  // lastSeen[j] = the step that last listed j (duplicate edges are skipped).
  const lastSeen = new Int32Array(n).fill(-1);
  const depStart = new Int32Array(n + 1);
  let edgeCount = 0;
  for (let i = 0; i < n; i++) {
    depStart[i] = edgeCount;
    const list = steps[i]!.dependsOn;
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const j = index.get(list[k]!);
      if (j === undefined || j === i || lastSeen[j] === i) continue;
      lastSeen[j] = i;
      edgeCount++;
    }
  }
  depStart[n] = edgeCount;

  const deps = new Int32Array(edgeCount);
  const outDegree = new Int32Array(n);
  lastSeen.fill(-1);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const list = steps[i]!.dependsOn;
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const j = index.get(list[k]!);
      if (j === undefined || j === i || lastSeen[j] === i) continue;
      lastSeen[j] = i;
      deps[e++] = j;
      outDegree[j]!++;
    }
  }

  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = succStart[i]! + outDegree[i]!;
  const fill = outDegree; // reused as the fill cursor
  fill.set(succStart.subarray(0, n));
  const succ = new Int32Array(edgeCount);
  for (let i = 0; i < n; i++) {
    for (let x = depStart[i]!; x < depStart[i + 1]!; x++) succ[fill[deps[x]!]!++] = i;
  }
  return { ids, index, depStart, deps, succStart, succ };
}

/**
 * Kahn's algorithm. Returns the topological order of the acyclic part and the
 * indices left over (members of cycles and everything downstream of them).
 */
export function topoSort(dag: DagIndex): { order: number[]; leftover: number[] } {
  const n = dag.ids.length;
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = dag.depStart[i + 1]! - dag.depStart[i]!;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order.push(i);
  for (let h = 0; h < order.length; h++) {
    const i = order[h]!;
    for (let e = dag.succStart[i]!; e < dag.succStart[i + 1]!; e++) {
      const s = dag.succ[e]!;
      if (--indeg[s]! === 0) order.push(s);
    }
  }
  const leftover: number[] = [];
  if (order.length < n) for (let i = 0; i < n; i++) if (indeg[i]! > 0) leftover.push(i);
  return { order, leftover };
}

/**
 * Finds distinct cycles among the leftovers of {@link topoSort}. Each cycle is
 * returned as step indices following `dependsOn` edges, first index repeated at
 * the end (`a → b → c → a` means a depends on b, b on c, c on a). O(V + E).
 */
export function findCycles(dag: DagIndex, leftover: readonly number[]): number[][] {
  const inLeft = new Uint8Array(dag.ids.length);
  for (const i of leftover) inLeft[i] = 1;
  // 0 = unvisited, 1 = on the current walk, 2 = done
  const mark = new Uint8Array(dag.ids.length);
  const cycles: number[][] = [];
  for (const start of leftover) {
    if (mark[start] !== 0) continue;
    const walk: number[] = [];
    let cur = start;
    for (;;) {
      if (mark[cur] === 2) break;
      if (mark[cur] === 1) {
        const from = walk.indexOf(cur);
        cycles.push([...walk.slice(from), cur]);
        break;
      }
      mark[cur] = 1;
      walk.push(cur);
      // Every leftover step has at least one leftover dependency.
      let next = -1;
      for (let e = dag.depStart[cur]!; e < dag.depStart[cur + 1]!; e++) {
        if (inLeft[dag.deps[e]!]) {
          next = dag.deps[e]!;
          break;
        }
      }
      if (next < 0) break;
      cur = next;
    }
    for (const i of walk) mark[i] = 2;
  }
  return cycles;
}
