/**
 * The native workflow definition format (YAML or JSON), as a zod schema.
 * Documented in `docs/workflow-format.md`; the JSON Schema published at
 * `public/schema/workflow.schema.json` is generated from {@link workflowSchema}.
 *
 * The schema checks the shape of one document; graph rules (unknown deps,
 * cycles, pools…) live in `validate.ts`, which also maps zod issues to
 * `{ stepId, field, message }` problems.
 */
import { z } from "zod";

/** Step and param identifiers: letters, digits, `_`, `-`, `.`; no spaces. */
export const STEP_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Param names become env vars `MYRMEX_PARAM_<NAME>`, so they are identifier-like. */
export const PARAM_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
/** Environment variable names. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const MAX_TIMEOUT_SEC = 7 * 24 * 3600;

/** Step kinds the engine can execute. */
export const STEP_KINDS = ["shell", "http", "delay", "noop"] as const;
/** A step kind. */
export type StepKind = (typeof STEP_KINDS)[number];

const timeoutSec = z
  .number()
  .positive("must be greater than 0")
  .max(MAX_TIMEOUT_SEC, `must be at most ${MAX_TIMEOUT_SEC} (7 days)`);

/** Retry policy. Every field optional; step values override workflow values override defaults. */
export const retrySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100).optional().describe("Total attempts including the first (1 = no retry)."),
  backoff: z.enum(["fixed", "exponential"]).optional().describe("fixed: delaySec every time; exponential: delaySec·2^(n−1)."),
  delaySec: z.number().min(0).max(86_400).optional().describe("Base delay before a retry."),
  maxDelaySec: z.number().min(0).max(86_400).optional().describe("Cap of the (exponential) delay."),
  jitter: z
    .union([z.boolean(), z.number().min(0).max(1)])
    .optional()
    .describe("Fraction of the delay randomised away (0–1); true = 1 (full jitter)."),
  retryOnTimeout: z.boolean().optional().describe("Retry an attempt that timed out (default true)."),
});
/** Retry policy as written. */
export type RetryInput = z.infer<typeof retrySchema>;

/** HTTP methods of `http` steps. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Configuration of an `http` step. Strings may contain `{{ params.x }}` templates. */
export const httpSchema = z.strictObject({
  method: z.enum(HTTP_METHODS).default("GET"),
  url: z.string().min(1).describe("http:// or https:// URL."),
  headers: z.record(z.string(), z.string()).optional(),
  body: z
    .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
    .optional()
    .describe("A string is sent as is; an object/array is sent as JSON."),
  expectStatus: z
    .array(z.number().int().min(100).max(599))
    .min(1)
    .optional()
    .describe("Accepted status codes; default any 2xx."),
  maxBodyBytes: z.number().int().min(0).max(10_000_000).optional().describe("Response body kept as output (default 65536)."),
});

/** Resources a step asks for; taken all-or-nothing before it starts. */
export const resourcesSchema = z.strictObject({
  cpu: z.number().min(0).optional().describe("Slots of the built-in `cpu` pool (default 0)."),
  memoryMb: z.number().min(0).optional().describe("MB of the built-in `memory` pool (default 0)."),
  pools: z.record(z.string().min(1), z.number().positive()).optional().describe("Named pools: amount each."),
});

/** One step of a workflow. */
export const stepSchema = z.strictObject({
  id: z.string().regex(STEP_ID_PATTERN, "must be 1–128 letters, digits, '_', '-' or '.'"),
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  kind: z.enum(STEP_KINDS),
  run: z.string().optional().describe("shell: command line run by /bin/sh -c in the working directory."),
  http: httpSchema.optional(),
  delayMs: z.number().int().min(0).max(MAX_TIMEOUT_SEC * 1000).optional().describe("delay: milliseconds to wait."),
  delaySec: z.number().min(0).max(MAX_TIMEOUT_SEC).optional().describe("delay: seconds to wait."),
  dependsOn: z.array(z.string()).default([]),
  priority: z.number().int().min(-1_000_000).max(1_000_000).default(0).describe("Higher runs first among ready steps."),
  resources: resourcesSchema.optional(),
  timeoutSec: timeoutSec.optional(),
  retry: retrySchema.optional(),
  continueOnFailure: z.boolean().default(false).describe("A failure of this step does not fail the run or its dependents."),
  env: z.record(z.string().regex(ENV_NAME_PATTERN, "invalid environment variable name"), z.string()).optional(),
  estimateSec: z.number().min(0).optional().describe("Expected duration for planning and simulation."),
  meta: z.record(z.string(), z.unknown()).optional().describe("Free-form data for tools (e.g. editor positions)."),
});
/** A step as written (before defaults). */
export type StepInput = z.input<typeof stepSchema>;
/** A step with defaults applied. */
export type StepDefinition = z.output<typeof stepSchema>;

/** A run parameter: its default and description. A bare scalar is shorthand for `{ default }`. */
export const paramSchema = z.union([
  z.strictObject({
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    description: z.string().optional(),
    required: z.boolean().optional(),
  }),
  z.string(),
  z.number(),
  z.boolean(),
]);

/** A whole workflow definition. */
export const workflowSchema = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(20_000).optional(),
  params: z.record(z.string().regex(PARAM_NAME_PATTERN, "invalid param name"), paramSchema).default({}),
  concurrency: z.number().int().min(1).max(100_000).optional().describe("Most steps of one run at once."),
  timeoutSec: timeoutSec.optional().describe("Timeout of the whole run."),
  retry: retrySchema.optional().describe("Default retry policy of the steps."),
  onFailure: z
    .enum(["stop", "continue"])
    .default("stop")
    .describe("stop: start nothing new after a failure; continue: run independent branches."),
  steps: z.array(stepSchema).min(1, "a workflow needs at least one step"),
  meta: z.record(z.string(), z.unknown()).optional(),
});
/** A workflow definition as written (before defaults). */
export type WorkflowInput = z.input<typeof workflowSchema>;
/** A workflow definition with defaults applied (what the engine runs). */
export type WorkflowDefinition = z.output<typeof workflowSchema>;

/** A retry policy with every field resolved. */
export interface ResolvedRetry {
  maxAttempts: number;
  backoff: "fixed" | "exponential";
  delaySec: number;
  maxDelaySec: number;
  /** 0–1. */
  jitter: number;
  retryOnTimeout: boolean;
}

/** Defaults when neither the step nor the workflow says anything. */
export const DEFAULT_RETRY: ResolvedRetry = {
  maxAttempts: 1,
  backoff: "exponential",
  delaySec: 1,
  maxDelaySec: 300,
  jitter: 0,
  retryOnTimeout: true,
};

/** Step retry over workflow retry over {@link DEFAULT_RETRY}. */
export function resolveRetry(workflow: RetryInput | undefined, step: RetryInput | undefined): ResolvedRetry {
  const pick = <K extends keyof RetryInput>(k: K) => step?.[k] ?? workflow?.[k];
  const jitter = pick("jitter");
  return {
    maxAttempts: pick("maxAttempts") ?? DEFAULT_RETRY.maxAttempts,
    backoff: pick("backoff") ?? DEFAULT_RETRY.backoff,
    delaySec: pick("delaySec") ?? DEFAULT_RETRY.delaySec,
    maxDelaySec: pick("maxDelaySec") ?? DEFAULT_RETRY.maxDelaySec,
    jitter: jitter === undefined ? DEFAULT_RETRY.jitter : jitter === true ? 1 : jitter === false ? 0 : jitter,
    retryOnTimeout: pick("retryOnTimeout") ?? DEFAULT_RETRY.retryOnTimeout,
  };
}

/**
 * Resolves run params: declared defaults, overridden by `given` (stringified).
 * Returns the names of required params without a value as `missing`.
 */
export function resolveParams(
  definition: WorkflowDefinition,
  given: Record<string, string | number | boolean> = {},
): { params: Record<string, string>; missing: string[]; unknown: string[] } {
  const params: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(definition.params)) {
    const fallback = typeof spec === "object" ? spec.default : spec;
    const value = given[name] ?? fallback;
    if (value === undefined) {
      if (typeof spec === "object" && spec.required) missing.push(name);
      continue;
    }
    params[name] = String(value);
  }
  const unknown = Object.keys(given).filter((k) => !(k in definition.params));
  for (const k of unknown) params[k] = String(given[k]);
  return { params, missing, unknown };
}

/** Milliseconds a `delay` step waits. */
export function delayMsOf(step: StepDefinition): number {
  return step.delayMs ?? (step.delaySec !== undefined ? Math.round(step.delaySec * 1000) : 0);
}
