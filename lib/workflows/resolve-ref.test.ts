import { describe, expect, it } from "vitest";
import type { WorkflowDto } from "@/lib/validations/api";
import { describeProblem, resolveWorkflowRef } from "./resolve-ref";

const wf = (id: string, slug: string, project: string, name = slug): WorkflowDto => ({
  id,
  name,
  slug,
  description: "",
  archived: false,
  project: { id: `p-${project}`, slug: project, name: project, status: "active" },
  latestVersion: 1,
  stepCount: 1,
  lastRun: null,
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const all = [wf("w1", "deploy", "web"), wf("w2", "deploy", "api"), wf("w3", "basic-workflow", "examples", "Basic Workflow")];

describe("resolveWorkflowRef", () => {
  it("finds by id, slug or name (case-insensitive)", () => {
    expect(resolveWorkflowRef(all, "w3")).toMatchObject({ ok: true, data: { id: "w3" } });
    expect(resolveWorkflowRef(all, "basic-workflow")).toMatchObject({ ok: true, data: { id: "w3" } });
    expect(resolveWorkflowRef(all, "basic WORKFLOW")).toMatchObject({ ok: true, data: { id: "w3" } });
  });

  it("asks for a project when a name is ambiguous, and uses it", () => {
    const res = resolveWorkflowRef(all, "deploy");
    expect(res).toMatchObject({ ok: false, status: 409 });
    expect(!res.ok && res.error).toContain("pass --project SLUG");
    expect(resolveWorkflowRef(all, "deploy", "api")).toMatchObject({ ok: true, data: { id: "w2" } });
  });

  it("suggests close names when nothing matches", () => {
    const res = resolveWorkflowRef(all, "basic");
    expect(res).toMatchObject({ ok: false, status: 404 });
    expect(!res.ok && res.error).toBe('No workflow "basic". Did you mean examples/basic-workflow?');
    const none = resolveWorkflowRef(all, "zzz", "web");
    expect(!none.ok && none.error).toContain('No workflow "zzz" in project "web". List them with');
  });
});

describe("describeProblem", () => {
  it("names the step, the field and the line", () => {
    expect(describeProblem({ stepId: "b", field: "retry.maxAttempts", message: "must be ≥ 1", line: 7 })).toBe("step b, retry.maxAttempts (line 7): must be ≥ 1");
    expect(describeProblem({ field: "steps", message: "a workflow needs at least one step" })).toBe("workflow, steps: a workflow needs at least one step");
    expect(describeProblem({ field: "(syntax)", message: "line 2, column 3: bad indentation" })).toBe("syntax: line 2, column 3: bad indentation");
  });
});
