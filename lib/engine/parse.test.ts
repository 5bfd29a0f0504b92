import { describe, expect, it } from "vitest";
import { loadWorkflow, parseWorkflowText, stringifyWorkflow } from "./parse";

describe("parsing workflow text", () => {
  it("parses YAML and JSON", () => {
    const yaml = "name: x\nsteps:\n  - id: a\n    kind: noop\n";
    expect(parseWorkflowText(yaml)).toMatchObject({ ok: true, format: "yaml", value: { name: "x" } });
    expect(parseWorkflowText('{"name":"x","steps":[]}')).toMatchObject({ ok: true, format: "json" });
  });

  it("reports YAML syntax errors with line numbers", () => {
    const res = parseWorkflowText("name: x\nsteps:\n  - id: a\n   kind: [noop\n");
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it("reports JSON syntax errors with line numbers", () => {
    const res = parseWorkflowText('{\n  "name": "x",\n  "steps": [\n    {"id": "a",, "kind": "noop"}\n  ]\n}');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]!.line).toBe(4);
  });

  it("rejects duplicate keys", () => {
    expect(parseWorkflowText("name: a\nname: b\nsteps: []\n").ok).toBe(false);
  });

  it("puts line numbers on validation problems", () => {
    const text = ["name: demo", "steps:", "  - id: a", "    kind: noop", "  - id: b", "    kind: noop", "    dependsOn: [zzz]", "    timeoutSec: -1", ""].join("\n");
    const res = loadWorkflow(text);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      const byField = Object.fromEntries(res.problems.map((p) => [p.field, p.line]));
      expect(byField).toEqual({ timeoutSec: 8, dependsOn: 7 });
    }
  });

  it("round-trips through YAML and JSON", () => {
    const def = { name: "rt", steps: [{ id: "a", kind: "shell", run: "echo 'hi: there'" }] };
    for (const format of ["yaml", "json"] as const) {
      const res = loadWorkflow(stringifyWorkflow(def, format));
      expect(res.ok).toBe(true);
      if (res.ok) expect(res.definition.steps[0]!.run).toBe("echo 'hi: there'");
    }
  });
});
