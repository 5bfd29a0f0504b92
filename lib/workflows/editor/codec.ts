/**
 * Text ⇄ document for the code view. Text is accepted as soon as it parses and
 * has the shape of a definition (the zod schema); graph problems such as
 * cycles are accepted too, so the canvas can show them. A syntax or schema
 * error is reported with its line and the caller keeps its last good canvas.
 */
import { workflowSchema, type WorkflowInput } from "@/lib/engine/definition";
import { locateProblems, parseWorkflowText, stringifyWorkflow, type WorkflowFormat } from "@/lib/engine/parse";
import { validateWorkflow } from "@/lib/engine/validate";

export interface TextError {
  line?: number;
  message: string;
}

export type TextParse = { ok: true; workflow: WorkflowInput } | { ok: false; errors: TextError[] };

export function workflowToText(workflow: WorkflowInput, format: WorkflowFormat): string {
  return stringifyWorkflow(workflow, format);
}

export function textToWorkflow(text: string, format: WorkflowFormat): TextParse {
  const parsed = parseWorkflowText(text, format);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ line: e.line, message: `line ${e.line}: ${e.message}` })) };
  const shape = workflowSchema.safeParse(parsed.value);
  if (!shape.success) {
    // Re-run the engine's validator for its field/step wording, then locate lines.
    const result = validateWorkflow(parsed.value);
    const problems = result.ok ? [] : locateProblems(text, result.problems);
    const schemaPaths = new Set(shape.error.issues.map((i) => i.path.join(".")));
    const relevant = problems.filter((p) => schemaPaths.has(p.path.join("."))) ;
    const list = relevant.length ? relevant : problems;
    return {
      ok: false,
      errors: list.map((p) => ({ line: p.line, message: `${p.line ? `line ${p.line}: ` : ""}${p.stepId ? `${p.stepId}: ` : ""}${p.field} ${p.message}` })),
    };
  }
  return { ok: true, workflow: parsed.value as WorkflowInput };
}
