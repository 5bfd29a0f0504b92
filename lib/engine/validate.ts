/**
 * Whole-workflow validation: schema (zod) + graph + resources + templates.
 * Reports EVERY problem at once, each naming the step and the field, so the
 * editor, the API, the CLI and importers show the same messages. Linear-time
 * and iterative: a 10,000-step DAG validates in milliseconds.
 */
import type { z } from "zod";
import { workflowSchema, type WorkflowDefinition } from "./definition";
import { parseWorkflowFast } from "./definition-fast";
import { buildDag, findCycles, topoSort, type DagIndex, type GraphStep } from "./graph";
import { templateRefs } from "./template";

/** One problem found in a definition. */
export interface ValidationProblem {
  /** The step concerned, when the problem is inside a step. */
  stepId?: string;
  /** Dotted field path inside the step (or the workflow), e.g. `retry.maxAttempts`. */
  field: string;
  message: string;
  /** Path inside the document, e.g. `["steps", 3, "retry", "maxAttempts"]` (for editors and line lookup). */
  path: (string | number)[];
  /** 1-based source line, when the definition was parsed from text (see `parse.ts`). */
  line?: number;
}

/** Names of the built-in pools. */
export const CPU_POOL = "cpu";
export const MEMORY_POOL = "memory";

/** Options of {@link validateWorkflow}. */
export interface ValidateOptions {
  /**
   * Pool capacities (`cpu` = slots, `memory` = MB, plus named pools). When
   * given, unknown pools and requests above capacity are problems; when
   * omitted, resource checks are skipped (e.g. offline editing).
   */
  pools?: Record<string, number>;
}

/** Result of {@link validateWorkflow}. */
export type ValidationResult =
  | { ok: true; definition: WorkflowDefinition; dag: DagIndex }
  | { ok: false; problems: ValidationProblem[] };

type Loose = Record<string, unknown>;

const isObj = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates an untrusted definition object (already parsed from YAML/JSON). */
export function validateWorkflow(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const problems: ValidationProblem[] = [];
  // Well-formed definitions skip zod's per-field allocations (same result; see definition-fast.ts).
  const fast = parseWorkflowFast(input);
  const parsed = fast !== null ? ({ success: true, data: fast } as const) : workflowSchema.safeParse(input);
  const rawSteps: unknown[] = isObj(input) && Array.isArray(input.steps) ? input.steps : [];
  if (!parsed.success) problems.push(...mapZodIssues(parsed.error.issues, rawSteps));

  // Graph checks run on a lenient view so they are reported even with schema
  // errors. A well-formed step is its own view (no copy of a big definition).
  const graphSteps = new Array<GraphStep>(rawSteps.length);
  for (let i = 0; i < rawSteps.length; i++) graphSteps[i] = graphView(rawSteps[i], i);
  const dag = buildDag(graphSteps);
  checkGraph(graphSteps, dag, problems);

  const params = isObj(input) && isObj(input.params) ? new Set(Object.keys(input.params)) : new Set<string>();
  for (let i = 0; i < rawSteps.length; i++) {
    const s = rawSteps[i];
    if (isObj(s)) checkStep(s, i, graphSteps[i]!.id, params, options, problems);
  }

  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, definition: parsed.data, dag };
}

/** The step itself when its id and dependsOn are well-formed, else a sanitized copy. */
function graphView(s: unknown, i: number): GraphStep {
  const o = isObj(s) ? s : {};
  const id = o.id;
  const deps = o.dependsOn;
  if (typeof id === "string" && (deps === undefined || (Array.isArray(deps) && deps.every((d) => typeof d === "string")))) {
    return o as unknown as GraphStep;
  }
  return {
    id: typeof id === "string" ? id : `#${i}`,
    dependsOn: Array.isArray(deps) ? deps.filter((d): d is string => typeof d === "string") : [],
  };
}

function mapZodIssues(issues: readonly z.core.$ZodIssue[], rawSteps: unknown[]): ValidationProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    let stepId: string | undefined;
    let fieldPath = path;
    if (path[0] === "steps" && path.length >= 2) {
      const raw = rawSteps[Number(path[1])];
      stepId = isObj(raw) && typeof raw.id === "string" ? raw.id : `#${path[1]}`;
      fieldPath = path.slice(2);
    }
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
      message = `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
      if (issue.keys.length === 1) fieldPath = [...fieldPath, issue.keys[0]!];
    } else if (issue.code === "invalid_value" && fieldPath[fieldPath.length - 1] === "kind") {
      message = `unknown kind; expected one of ${issue.values.map(String).join(", ")}`;
    }
    const field = fieldPath.length > 0 ? fieldPath.join(".") : stepId !== undefined ? "" : "(root)";
    const at = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    return stepId !== undefined ? { stepId, field, message, path: at } : { field, message, path: at };
  });
}

function checkGraph(steps: GraphStep[], dag: DagIndex, problems: ValidationProblem[]): void {
  // lastSeen[j] = the step that last listed step j (duplicates), as in buildDag.
  const lastSeen = new Int32Array(steps.length).fill(-1);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const first = dag.index.get(s.id)!; // the first step with this id
    if (first !== i) {
      const message = `duplicate step id "${s.id}" (steps #${first + 1} and #${i + 1})`;
      problems.push({ stepId: s.id, field: "id", message, path: ["steps", i, "id"] });
    }
    const deps = s.dependsOn;
    if (!deps) continue;
    for (let k = 0; k < deps.length; k++) {
      const d = deps[k]!;
      const j = dag.index.get(d);
      let message: string | null = null;
      if (d === s.id) message = "a step cannot depend on itself";
      else if (j === undefined) message = `unknown step "${d}"`;
      else if (lastSeen[j] === i) message = `"${d}" is listed twice`;
      else lastSeen[j] = i;
      if (message !== null) problems.push({ stepId: s.id, field: "dependsOn", message, path: ["steps", i, "dependsOn", k] });
    }
  }
  // Self-dependencies are not edges of the index (reported above).
  const { leftover } = topoSort(dag);
  for (const cycle of findCycles(dag, leftover)) {
    const ids = cycle.map((i) => dag.ids[i]!);
    const message = `dependency cycle: ${ids.join(" → ")}`;
    problems.push({ stepId: ids[0]!, field: "dependsOn", message, path: ["steps", cycle[0]!, "dependsOn"] });
  }
}

function checkStep(
  s: Loose,
  index: number,
  stepId: string,
  params: Set<string>,
  options: ValidateOptions,
  problems: ValidationProblem[],
): void {
  const add = (field: string, message: string) =>
    problems.push({ stepId, field, message, path: ["steps", index, ...field.split(".")] });
  const dependsOn = (d: string) => Array.isArray(s.dependsOn) && s.dependsOn.includes(d);

  switch (s.kind) {
    case "shell":
      if (typeof s.run !== "string" || s.run.trim() === "") add("run", "a shell step needs a command in `run`");
      break;
    case "http":
      if (!isObj(s.http)) add("http", "an http step needs an `http` block with at least `url`");
      else if (typeof s.http.url === "string") checkUrl(s.http.url, add);
      break;
    case "delay":
      if (s.delayMs === undefined && s.delaySec === undefined) add("delayMs", "a delay step needs `delayMs` or `delaySec`");
      if (s.delayMs !== undefined && s.delaySec !== undefined) add("delaySec", "give either `delayMs` or `delaySec`, not both");
      break;
    default:
      break; // noop, or an invalid kind already reported by the schema
  }

  const checkTemplates = (field: string, text: unknown) => {
    if (typeof text !== "string") return;
    for (const ref of templateRefs(text)) {
      if (ref.kind === "invalid") add(field, `unsupported placeholder {{ ${ref.raw} }}`);
      else if (ref.kind === "param" && !params.has(ref.name)) add(field, `unknown param "${ref.name}"`);
      else if (ref.kind === "output" && !dependsOn(ref.stepId))
        add(field, `{{ ${ref.raw} }} needs "${ref.stepId}" in dependsOn`);
    }
  };
  if (isObj(s.http)) {
    checkTemplates("http.url", s.http.url);
    if (isObj(s.http.headers)) for (const [k, v] of Object.entries(s.http.headers)) checkTemplates(`http.headers.${k}`, v);
    if (typeof s.http.body === "string") checkTemplates("http.body", s.http.body);
  }
  if (isObj(s.env)) for (const [k, v] of Object.entries(s.env)) checkTemplates(`env.${k}`, v);

  if (options.pools && isObj(s.resources)) checkResources(s.resources, options.pools, add);
  if (isObj(s.resources) && isObj(s.resources.pools)) {
    for (const name of [CPU_POOL, MEMORY_POOL]) {
      if (name in s.resources.pools)
        add(`resources.pools.${name}`, `use resources.${name === CPU_POOL ? "cpu" : "memoryMb"} for the built-in ${name} pool`);
    }
  }
}

function checkUrl(url: string, add: (field: string, message: string) => void): void {
  const probe = url.replace(/\{\{[^{}]*\}\}/g, "x");
  let parsed: URL;
  try {
    parsed = new URL(probe);
  } catch {
    add("http.url", `not a valid URL: ${url}`);
    return;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") add("http.url", "URL must start with http:// or https://");
}

function checkResources(
  r: Loose,
  pools: Record<string, number>,
  add: (field: string, message: string) => void,
): void {
  const check = (field: string, pool: string, amount: unknown) => {
    if (typeof amount !== "number" || amount <= 0) return;
    const capacity = pools[pool];
    if (capacity === undefined) {
      if (pool !== CPU_POOL && pool !== MEMORY_POOL) add(field, `unknown resource pool "${pool}"`);
      return;
    }
    if (amount > capacity) add(field, `asks for ${amount} of "${pool}" but its capacity is ${capacity}: it could never start`);
  };
  check("resources.cpu", CPU_POOL, r.cpu);
  check("resources.memoryMb", MEMORY_POOL, r.memoryMb);
  if (isObj(r.pools)) for (const [name, amount] of Object.entries(r.pools)) check(`resources.pools.${name}`, name, amount);
}
