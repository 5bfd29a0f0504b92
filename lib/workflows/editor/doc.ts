/**
 * The editor's document: a workflow definition as written (steps keep their
 * `dependsOn`, which IS the edge list) plus node positions, kept apart so the
 * YAML stays clean and diffable. Every operation is pure and returns a new
 * document; the undo history stores documents as they are.
 */
import type { StepInput, StepKind, WorkflowInput } from "@/lib/engine/definition";

export interface XY {
  x: number;
  y: number;
}

export interface EditorDoc {
  workflow: WorkflowInput;
  positions: Record<string, XY>;
}

export type StepPatch = Partial<StepInput>;

const DEFAULTS: Record<StepKind, Partial<StepInput>> = {
  shell: { run: "echo hello" },
  http: { http: { method: "GET", url: "https://example.com" } },
  delay: { delayMs: 1000 },
  noop: {},
};

/** Patch switching a step to another kind: the old kind's settings go, the new kind's defaults come. */
export function kindPatch(kind: StepKind): StepPatch {
  return { kind, run: undefined, http: undefined, delayMs: undefined, delaySec: undefined, ...structuredClone(DEFAULTS[kind]) };
}

/** An id not used by any step: `shell-1`, `shell-2`… */
export function freshId(doc: EditorDoc, base: string): string {
  const taken = new Set(doc.workflow.steps.map((s) => s.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function withSteps(doc: EditorDoc, steps: StepInput[], positions = doc.positions): EditorDoc {
  return { workflow: { ...doc.workflow, steps }, positions };
}

export function addStep(doc: EditorDoc, kind: StepKind, position: XY): { doc: EditorDoc; id: string } {
  const id = freshId(doc, kind);
  const step: StepInput = { id, kind, ...structuredClone(DEFAULTS[kind]) };
  return { doc: withSteps(doc, [...doc.workflow.steps, step], { ...doc.positions, [id]: position }), id };
}

/** Removes steps and every dependency on them. */
export function removeSteps(doc: EditorDoc, ids: readonly string[]): EditorDoc {
  const gone = new Set(ids);
  const steps = doc.workflow.steps
    .filter((s) => !gone.has(s.id))
    .map((s) => (s.dependsOn?.some((d) => gone.has(d)) ? { ...s, dependsOn: s.dependsOn.filter((d) => !gone.has(d)) } : s));
  const positions = Object.fromEntries(Object.entries(doc.positions).filter(([id]) => !gone.has(id)));
  return withSteps(doc, steps, positions);
}

/** Copies steps with fresh ids; dependencies among the copies follow the copies. */
export function duplicateSteps(doc: EditorDoc, ids: readonly string[]): { doc: EditorDoc; ids: string[] } {
  const taken = new Set(doc.workflow.steps.map((s) => s.id));
  const rename = new Map<string, string>();
  for (const id of ids) {
    const base = id.replace(/-\d+$/, "") || "step";
    let n = 1;
    while (taken.has(`${base}-${n}`)) n++;
    taken.add(`${base}-${n}`);
    rename.set(id, `${base}-${n}`);
  }
  const copies: StepInput[] = [];
  const positions = { ...doc.positions };
  for (const s of doc.workflow.steps) {
    const newId = rename.get(s.id);
    if (!newId) continue;
    copies.push({ ...structuredClone(s), id: newId, dependsOn: (s.dependsOn ?? []).map((d) => rename.get(d) ?? d) });
    const p = doc.positions[s.id] ?? { x: 0, y: 0 };
    positions[newId] = { x: p.x + 40, y: p.y + 40 };
  }
  return { doc: withSteps(doc, [...doc.workflow.steps, ...copies], positions), ids: [...rename.values()] };
}

/** `target` depends on `source`. Self-links and duplicates are ignored. */
export function connect(doc: EditorDoc, source: string, target: string): EditorDoc {
  if (source === target) return doc;
  const steps = doc.workflow.steps.map((s) =>
    s.id === target && !(s.dependsOn ?? []).includes(source) ? { ...s, dependsOn: [...(s.dependsOn ?? []), source] } : s,
  );
  return withSteps(doc, steps);
}

export function disconnect(doc: EditorDoc, source: string, target: string): EditorDoc {
  const steps = doc.workflow.steps.map((s) =>
    s.id === target && (s.dependsOn ?? []).includes(source) ? { ...s, dependsOn: s.dependsOn!.filter((d) => d !== source) } : s,
  );
  return withSteps(doc, steps);
}

/** Applies a patch to one step; a new `id` is followed by every dependency and position. */
export function updateStep(doc: EditorDoc, id: string, patch: StepPatch): EditorDoc {
  const newId = patch.id ?? id;
  const steps = doc.workflow.steps.map((s) => {
    if (s.id === id) return dropUndefined({ ...s, ...patch });
    if (newId !== id && s.dependsOn?.includes(id)) return { ...s, dependsOn: s.dependsOn.map((d) => (d === id ? newId : d)) };
    return s;
  });
  let positions = doc.positions;
  if (newId !== id && positions[id]) {
    const { [id]: p, ...rest } = positions;
    positions = { ...rest, [newId]: p! };
  }
  return withSteps(doc, steps, positions);
}

export function updateWorkflow(doc: EditorDoc, patch: Partial<Omit<WorkflowInput, "steps">>): EditorDoc {
  return { ...doc, workflow: dropUndefined({ ...doc.workflow, ...patch }) };
}

export function moveSteps(doc: EditorDoc, moved: Record<string, XY>): EditorDoc {
  return { ...doc, positions: { ...doc.positions, ...moved } };
}

/** Removes keys whose value is undefined, so YAML/JSON output stays minimal. */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Edges as React Flow wants them: source → target means target depends on source. */
export function edgesOf(workflow: WorkflowInput): { id: string; source: string; target: string }[] {
  const ids = new Set(workflow.steps.map((s) => s.id));
  return workflow.steps.flatMap((s) =>
    (s.dependsOn ?? []).filter((d) => ids.has(d)).map((d) => ({ id: `${d}->${s.id}`, source: d, target: s.id })),
  );
}
