/**
 * A fast path of `workflowSchema.safeParse` for well-formed definitions.
 *
 * zod allocates about 2 KB of short- and medium-lived objects per step (a
 * result payload and an issue list per field): parsing a 10,000-step workflow
 * allocated ≈ 21 MB for a 1.7 MB result, enough to make V8 grow its young
 * generation and push the engine's peak RSS up by ~16 MB. This path checks
 * the plain top-level fields of each step by hand and builds the same output
 * (same keys, same order, same defaults); nested blocks (`http`, `resources`,
 * `retry`, `env`, `meta`) and the workflow's own fields still go through their
 * zod schemas. It only ever ACCEPTS what zod accepts: anything unusual
 * (unknown key, `undefined` value, non-plain object, a value out of range…)
 * returns null and the caller parses with zod, which reports the problems.
 *
 * definition-fast.test.ts checks the fields against the schema's shape and
 * compares both paths on generated inputs; keep them in step with
 * `definition.ts`.
 */
import type { z } from "zod";
import { STEP_ID_PATTERN, STEP_KINDS, stepSchema, workflowSchema, type StepDefinition, type WorkflowDefinition } from "./definition";

const FAIL: unique symbol = Symbol("invalid");
type Check = (value: unknown) => unknown;

const MAX_TIMEOUT_SEC = 7 * 24 * 3600;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

const string =
  (max = Number.POSITIVE_INFINITY): Check =>
  (v) =>
    typeof v === "string" && v.length <= max ? v : FAIL;

/** A finite number in [min, max] (`gt`: strictly above min), optionally an integer. */
const number =
  (min: number, max: number, opts: { int?: boolean; gt?: boolean } = {}): Check =>
  (v) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return FAIL;
    if (opts.int && !Number.isSafeInteger(v)) return FAIL;
    if (opts.gt ? !(v > min) : !(v >= min)) return FAIL;
    return v <= max ? v : FAIL;
  };

/** Through the field's own zod schema (nested blocks, rare in bulk). */
const viaZod =
  (schema: z.ZodType): Check =>
  (v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : FAIL;
  };

const KINDS = new Set<unknown>(STEP_KINDS);

/** Every field of `stepSchema`, in its shape order (the output order). */
const STEP_FIELDS: Record<keyof StepDefinition, Check> = {
  id: (v) => (typeof v === "string" && STEP_ID_PATTERN.test(v) ? v : FAIL),
  name: string(200),
  description: string(5000),
  kind: (v) => (KINDS.has(v) ? v : FAIL),
  run: string(),
  http: viaZod(stepSchema.shape.http),
  delayMs: number(0, MAX_TIMEOUT_SEC * 1000, { int: true }),
  delaySec: number(0, MAX_TIMEOUT_SEC),
  dependsOn: (v) => {
    if (!Array.isArray(v)) return FAIL;
    for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return FAIL; // holes too
    return v.slice();
  },
  priority: number(-1_000_000, 1_000_000, { int: true }),
  resources: viaZod(stepSchema.shape.resources),
  timeoutSec: number(0, MAX_TIMEOUT_SEC, { gt: true }),
  retry: viaZod(stepSchema.shape.retry),
  continueOnFailure: (v) => (typeof v === "boolean" ? v : FAIL),
  env: viaZod(stepSchema.shape.env),
  estimateSec: number(0, Number.MAX_VALUE),
  meta: viaZod(stepSchema.shape.meta),
};
const STEP_KEYS = Object.keys(stepSchema.shape) as Array<keyof StepDefinition>;
/** Defaults of the fields that have one (as in `stepSchema`). */
const STEP_DEFAULTS: Partial<Record<keyof StepDefinition, () => unknown>> = {
  dependsOn: () => [],
  priority: () => 0,
  continueOnFailure: () => false,
};

/** The fields the fast path knows, for the consistency test. */
export const FAST_STEP_FIELDS: readonly string[] = Object.keys(STEP_FIELDS);

/** One step as `stepSchema` would output it, or null to let zod decide. */
export function parseStepFast(input: unknown): StepDefinition | null {
  if (!isPlain(input)) return null;
  let known = 0;
  const out: Record<string, unknown> = {};
  for (const key of STEP_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) {
      const def = STEP_DEFAULTS[key];
      if (def) out[key] = def();
      continue;
    }
    known++;
    const raw = input[key];
    if (raw === undefined) return null;
    const value = STEP_FIELDS[key](raw);
    if (value === FAIL) return null;
    out[key] = value;
  }
  // Required fields present and no unknown keys (strict object).
  if (out.id === undefined || out.kind === undefined) return null;
  let own = 0;
  for (const k in input) if (Object.prototype.hasOwnProperty.call(input, k)) own++;
  if (own !== known || Object.getOwnPropertySymbols(input).length > 0) return null;
  return out as StepDefinition;
}

const headerSchema = workflowSchema.omit({ steps: true });
const WORKFLOW_KEYS = Object.keys(workflowSchema.shape);

/**
 * The definition as `workflowSchema.parse` would output it, or null when the
 * input is not a plainly valid definition (then use zod, for its problems).
 */
export function parseWorkflowFast(input: unknown): WorkflowDefinition | null {
  if (!isPlain(input) || Object.getOwnPropertySymbols(input).length > 0) return null;
  const rawSteps = input.steps;
  if (!Array.isArray(rawSteps) || rawSteps.length === 0) return null;
  const header: Record<string, unknown> = {};
  for (const k in input) if (k !== "steps" && Object.prototype.hasOwnProperty.call(input, k)) header[k] = input[k];
  const head = headerSchema.safeParse(header);
  if (!head.success) return null;
  const steps = new Array<StepDefinition>(rawSteps.length);
  for (let i = 0; i < rawSteps.length; i++) {
    const step = parseStepFast(rawSteps[i]);
    if (step === null) return null;
    steps[i] = step;
  }
  const out: Record<string, unknown> = {};
  const data = head.data as Record<string, unknown>;
  for (const key of WORKFLOW_KEYS) {
    if (key === "steps") out.steps = steps;
    else if (Object.prototype.hasOwnProperty.call(data, key)) out[key] = data[key];
  }
  return out as WorkflowDefinition;
}
