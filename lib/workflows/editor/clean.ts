/**
 * A stored definition (defaults applied by the schema) back to what an author
 * writes: defaults dropped, so the editor's YAML stays short and diffable.
 */
import type { StepInput, WorkflowInput } from "@/lib/engine/definition";
import { parseWorkflowText } from "@/lib/engine/parse";
import { workflowSchema } from "@/lib/engine/definition";

type Loose = Record<string, unknown>;

function cleanStep(s: Loose): StepInput {
  const out: Loose = { ...s };
  if (Array.isArray(out.dependsOn) && out.dependsOn.length === 0) delete out.dependsOn;
  if (out.priority === 0) delete out.priority;
  if (out.continueOnFailure === false) delete out.continueOnFailure;
  return out as unknown as StepInput;
}

export function stripDefaults(definition: unknown): WorkflowInput {
  const d = { ...(definition as Loose) };
  if (d.params && typeof d.params === "object" && Object.keys(d.params).length === 0) delete d.params;
  if (d.onFailure === "stop") delete d.onFailure;
  d.steps = Array.isArray(d.steps) ? d.steps.map((s) => cleanStep(s as Loose)) : [];
  return d as unknown as WorkflowInput;
}

/** The author's text when it still parses into a definition, else the stored definition without defaults. */
export function editableWorkflow(source: string | null | undefined, definition: unknown): WorkflowInput {
  if (source?.trim()) {
    const parsed = parseWorkflowText(source);
    if (parsed.ok && workflowSchema.safeParse(parsed.value).success) return parsed.value as WorkflowInput;
  }
  return stripDefaults(definition);
}
