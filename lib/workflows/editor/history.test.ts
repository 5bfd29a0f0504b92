import { describe, expect, it } from "vitest";
import { initHistory, push, redo, replace, undo } from "./history";
import { diffLines } from "./text-diff";
import { diffSettings, diffSteps } from "./step-diff";

describe("undo history", () => {
  it("undoes and redoes; a new edit forgets the redo branch", () => {
    let h = initHistory(1);
    h = push(push(h, 2), 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h.present).toBe(2);
    h = push(h, 9);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it("replace changes the present without an entry (drags)", () => {
    let h = push(initHistory("a"), "drag-start");
    h = replace(replace(h, "drag-mid"), "drag-end");
    expect(undo(h).present).toBe("a");
  });
});

describe("version diffs", () => {
  it("lists steps added, removed and changed field by field", () => {
    const a = { name: "w", steps: [{ id: "x", kind: "shell", run: "a" }, { id: "gone", kind: "noop" }] };
    const b = { name: "w2", steps: [{ id: "x", kind: "shell", run: "b", retry: { maxAttempts: 2 } }, { id: "new", kind: "noop" }] };
    expect(diffSteps(a, b)).toEqual([
      { stepId: "x", change: "changed", fields: ["retry", "run"] },
      { stepId: "new", change: "added", fields: [] },
      { stepId: "gone", change: "removed", fields: [] },
    ]);
    expect(diffSettings(a, b)).toEqual(["name"]);
  });

  it("diffs text by line", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc")).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "add", text: "B" },
      { op: "same", text: "c" },
    ]);
  });
});
