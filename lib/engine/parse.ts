/**
 * Workflow text (YAML or JSON) → definition, with 1-based line numbers on
 * syntax errors and on validation problems. YAML is parsed with the `yaml`
 * package (data only: no custom tags, no code). JSON goes through
 * `JSON.parse`; the YAML parser is used on it only to locate problems.
 */
import { isMap, isSeq, LineCounter, parseDocument, stringify, type Document } from "yaml";
import type { WorkflowDefinition, WorkflowInput } from "./definition";
import { validateWorkflow, type ValidateOptions, type ValidationProblem, type ValidationResult } from "./validate";

/** Text formats of a definition. */
export type WorkflowFormat = "yaml" | "json";

/** A syntax error of the text. */
export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** Result of {@link parseWorkflowText}. */
export type ParseResult = { ok: true; value: unknown; format: WorkflowFormat } | { ok: false; errors: SyntaxProblem[] };

/** Guesses the format: JSON when the first non-blank character is `{`. */
export function detectFormat(text: string): WorkflowFormat {
  return /^\s*\{/.test(text) ? "json" : "yaml";
}

/** Parses YAML or JSON text into a plain value (not yet validated). */
export function parseWorkflowText(text: string, format: WorkflowFormat | "auto" = "auto"): ParseResult {
  const fmt = format === "auto" ? detectFormat(text) : format;
  if (fmt === "json") {
    try {
      return { ok: true, value: JSON.parse(text) as unknown, format: "json" };
    } catch (err) {
      // Fall through to the YAML parser for a positioned message.
      const yamlResult = parseYaml(text);
      if (!yamlResult.ok) return yamlResult;
      return { ok: false, errors: [{ line: 1, column: 1, message: (err as Error).message }] };
    }
  }
  return parseYaml(text);
}

function parseYaml(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, message: e.message.split("\n")[0] ?? e.message };
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown, format: "yaml" };
}

/** Result of {@link loadWorkflow}. */
export type LoadResult = ValidationResult | { ok: false; problems: ValidationProblem[]; syntax: true };

/**
 * Parses and validates workflow text. Syntax errors are returned as problems
 * with `field: "(syntax)"`; validation problems get a `line` when found.
 */
export function loadWorkflow(
  text: string,
  options: ValidateOptions & { format?: WorkflowFormat | "auto" } = {},
): LoadResult {
  const parsed = parseWorkflowText(text, options.format ?? "auto");
  if (!parsed.ok) {
    return {
      ok: false,
      syntax: true,
      problems: parsed.errors.map((e) => ({ field: "(syntax)", path: [], line: e.line, message: `line ${e.line}, column ${e.column}: ${e.message}` })),
    };
  }
  const result = validateWorkflow(parsed.value, options);
  if (result.ok) return result;
  return { ok: false, problems: locateProblems(text, result.problems) };
}

/** Adds 1-based `line` numbers to problems by following their `path` in the text. */
export function locateProblems(text: string, problems: ValidationProblem[]): ValidationProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return problems;
  return problems.map((p) => {
    const offset = offsetOf(doc, p.path);
    return offset === null ? p : { ...p, line: lineCounter.linePos(offset).line };
  });
}

/** Start offset of the deepest node along `path`. */
function offsetOf(doc: Document, path: (string | number)[]): number | null {
  let node: unknown = doc.contents;
  let offset: number | null = rangeStart(node);
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((it) => {
        const k = it.key as { value?: unknown } | null;
        return k !== null && typeof k === "object" && String(k.value) === String(key);
      });
      if (!pair) break;
      next = pair.value ?? pair.key;
      if (next === null) next = pair.key;
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key];
    } else break;
    if (next === undefined || next === null) break;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : null;
}

/** Serialises a definition as YAML or JSON text. */
export function stringifyWorkflow(definition: WorkflowDefinition | WorkflowInput | Record<string, unknown>, format: WorkflowFormat): string {
  return format === "json" ? JSON.stringify(definition, null, 2) + "\n" : stringify(definition, { lineWidth: 0 });
}
