import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { textToWorkflow, workflowToText } from "./codec";
import { addStep, connect, disconnect, duplicateSteps, edgesOf, kindPatch, removeSteps, updateStep, type EditorDoc } from "./doc";
import { autoLayout, positionsFor } from "./layout";
import { indexProblems } from "./problems";
import { stripDefaults } from "./clean";

const empty: EditorDoc = { workflow: { name: "t", steps: [] }, positions: {} };
const EXAMPLES = path.resolve(import.meta.dirname, "../../examples");

describe("editor document", () => {
  it("builds a diamond with edges as dependsOn", () => {
    let doc = empty;
    for (const k of ["shell", "http", "delay", "noop"] as const) doc = addStep(doc, k, { x: 0, y: 0 }).doc;
    expect(doc.workflow.steps.map((s) => s.id)).toEqual(["shell-1", "http-1", "delay-1", "noop-1"]);
    doc = connect(doc, "shell-1", "http-1");
    doc = connect(doc, "shell-1", "delay-1");
    doc = connect(doc, "http-1", "noop-1");
    doc = connect(doc, "delay-1", "noop-1");
    doc = connect(doc, "delay-1", "noop-1"); // duplicate ignored
    doc = connect(doc, "noop-1", "noop-1"); // self ignored
    expect(edgesOf(doc.workflow).map((e) => e.id)).toEqual(["shell-1->http-1", "shell-1->delay-1", "http-1->noop-1", "delay-1->noop-1"]);
    expect(validateWorkflow(doc.workflow).ok).toBe(true);
  });

  it("renaming a step follows dependencies and positions", () => {
    let doc = addStep(addStep(empty, "noop", { x: 1, y: 2 }).doc, "noop", { x: 3, y: 4 }).doc;
    doc = connect(doc, "noop-1", "noop-2");
    doc = updateStep(doc, "noop-1", { id: "start" });
    expect(doc.workflow.steps[1]!.dependsOn).toEqual(["start"]);
    expect(doc.positions.start).toEqual({ x: 1, y: 2 });
    expect(doc.positions["noop-1"]).toBeUndefined();
  });

  it("removing steps removes dependencies on them; duplicating remaps internal edges", () => {
    let doc = addStep(addStep(empty, "noop", { x: 0, y: 0 }).doc, "shell", { x: 0, y: 0 }).doc;
    doc = connect(doc, "noop-1", "shell-1");
    const dup = duplicateSteps(doc, ["noop-1", "shell-1"]);
    expect(dup.ids).toEqual(["noop-2", "shell-2"]);
    expect(dup.doc.workflow.steps[3]!.dependsOn).toEqual(["noop-2"]);
    const removed = removeSteps(dup.doc, ["noop-1"]);
    expect(removed.workflow.steps.find((s) => s.id === "shell-1")!.dependsOn).toEqual([]);
    expect(disconnect(doc, "noop-1", "shell-1").workflow.steps[1]!.dependsOn).toEqual([]);
  });

  it("marks the edges of a cycle", () => {
    let doc = addStep(addStep(addStep(empty, "noop", { x: 0, y: 0 }).doc, "noop", { x: 0, y: 0 }).doc, "noop", { x: 0, y: 0 }).doc;
    doc = connect(connect(connect(doc, "noop-1", "noop-2"), "noop-2", "noop-3"), "noop-3", "noop-1");
    const res = validateWorkflow(doc.workflow);
    expect(res.ok).toBe(false);
    const idx = indexProblems(res.ok ? [] : res.problems);
    expect(idx.cycles).toHaveLength(1);
    expect([...idx.cycleEdges].sort()).toEqual(["noop-1->noop-2", "noop-2->noop-3", "noop-3->noop-1"]);
  });
});

describe("definition ⇄ text ⇄ graph round trip", () => {
  const files = readdirSync(EXAMPLES).filter((f) => /\.ya?ml$/.test(f));
  it.each(files)("%s", (file) => {
    const parsed = textToWorkflow(readFileSync(path.join(EXAMPLES, file), "utf8"), "yaml");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const w = parsed.workflow;
    const doc: EditorDoc = { workflow: w, positions: positionsFor(w, null) };
    expect(Object.keys(doc.positions).sort()).toEqual(w.steps.map((s) => s.id).sort());
    const edges = edgesOf(doc.workflow);
    expect(edges.length).toBe(w.steps.reduce((n, s) => n + (s.dependsOn?.length ?? 0), 0));
    for (const format of ["yaml", "json"] as const) {
      const again = textToWorkflow(workflowToText(w, format), format);
      expect(again.ok && again.workflow).toEqual(w);
    }
    // The stored form (defaults applied) strips back to an equivalent definition.
    const stored = validateWorkflow(w);
    if (stored.ok) expect(validateWorkflow(stripDefaults(stored.definition))).toMatchObject({ ok: true, definition: stored.definition });
  });

  it("reports syntax errors with their line and keeps nothing", () => {
    const res = textToWorkflow("name: x\nsteps:\n  - id: a\n    kind: [noop\n", "yaml");
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]!.line).toBeGreaterThan(0);
  });

  it("refuses schema errors with their line", () => {
    const res = textToWorkflow("name: x\nsteps:\n  - id: a\n    kind: bogus\n", "yaml");
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toMatchObject({ line: 4 });
  });

  it("lays out left-to-right and top-to-bottom", () => {
    const w = { name: "x", steps: [{ id: "a", kind: "noop" as const }, { id: "b", kind: "noop" as const, dependsOn: ["a"] }] };
    const lr = autoLayout(w, "LR");
    const tb = autoLayout(w, "TB");
    expect(lr.b!.x).toBeGreaterThan(lr.a!.x);
    expect(tb.b!.y).toBeGreaterThan(tb.a!.y);
  });
});

describe("changing a step's kind", () => {
  it("drops the old kind's settings and adds the new kind's defaults", () => {
    let doc = addStep(empty, "shell", { x: 0, y: 0 }).doc;
    doc = updateStep(doc, "shell-1", kindPatch("http"));
    expect(doc.workflow.steps[0]).toEqual({ id: "shell-1", kind: "http", http: { method: "GET", url: "https://example.com" } });
    expect(validateWorkflow(doc.workflow).ok).toBe(true);
  });
});

describe("layout of big workflows", () => {
  it("lays out 1,000 steps / ~1,500 edges by layers quickly", () => {
    const steps = Array.from({ length: 1000 }, (_, i) => ({
      id: `s${i}`,
      kind: "noop" as const,
      dependsOn: i === 0 ? [] : i % 2 === 0 && i > 1 ? [`s${i - 1}`, `s${Math.floor(i / 2)}`] : [`s${i - 1}`],
    }));
    const t = performance.now();
    const pos = autoLayout({ name: "big", steps }, "LR");
    expect(performance.now() - t).toBeLessThan(500);
    expect(Object.keys(pos)).toHaveLength(1000);
    // Every dependency sits in an earlier layer.
    for (const s of steps) for (const d of s.dependsOn) expect(pos[d]!.x).toBeLessThan(pos[s.id]!.x);
  });
});
