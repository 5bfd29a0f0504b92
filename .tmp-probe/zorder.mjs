// lib/engine/definition.ts
import { z } from "zod";
var STEP_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var PARAM_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
var ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
var MAX_TIMEOUT_SEC = 7 * 24 * 3600;
var STEP_KINDS = ["shell", "http", "delay", "noop"];
var timeoutSec = z.number().positive("must be greater than 0").max(MAX_TIMEOUT_SEC, `must be at most ${MAX_TIMEOUT_SEC} (7 days)`);
var retrySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100).optional().describe("Total attempts including the first (1 = no retry)."),
  backoff: z.enum(["fixed", "exponential"]).optional().describe("fixed: delaySec every time; exponential: delaySec\xB72^(n\u22121)."),
  delaySec: z.number().min(0).max(86400).optional().describe("Base delay before a retry."),
  maxDelaySec: z.number().min(0).max(86400).optional().describe("Cap of the (exponential) delay."),
  jitter: z.union([z.boolean(), z.number().min(0).max(1)]).optional().describe("Fraction of the delay randomised away (0\u20131); true = 1 (full jitter)."),
  retryOnTimeout: z.boolean().optional().describe("Retry an attempt that timed out (default true).")
});
var HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
var httpSchema = z.strictObject({
  method: z.enum(HTTP_METHODS).default("GET"),
  url: z.string().min(1).describe("http:// or https:// URL."),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional().describe("A string is sent as is; an object/array is sent as JSON."),
  expectStatus: z.array(z.number().int().min(100).max(599)).min(1).optional().describe("Accepted status codes; default any 2xx."),
  maxBodyBytes: z.number().int().min(0).max(1e7).optional().describe("Response body kept as output (default 65536).")
});
var resourcesSchema = z.strictObject({
  cpu: z.number().min(0).optional().describe("Slots of the built-in `cpu` pool (default 0)."),
  memoryMb: z.number().min(0).optional().describe("MB of the built-in `memory` pool (default 0)."),
  pools: z.record(z.string().min(1), z.number().positive()).optional().describe("Named pools: amount each.")
});
var stepSchema = z.strictObject({
  id: z.string().regex(STEP_ID_PATTERN, "must be 1\u2013128 letters, digits, '_', '-' or '.'"),
  name: z.string().max(200).optional(),
  description: z.string().max(5e3).optional(),
  kind: z.enum(STEP_KINDS),
  run: z.string().optional().describe("shell: command line run by /bin/sh -c in the working directory."),
  http: httpSchema.optional(),
  delayMs: z.number().int().min(0).max(MAX_TIMEOUT_SEC * 1e3).optional().describe("delay: milliseconds to wait."),
  delaySec: z.number().min(0).max(MAX_TIMEOUT_SEC).optional().describe("delay: seconds to wait."),
  dependsOn: z.array(z.string()).default([]),
  priority: z.number().int().min(-1e6).max(1e6).default(0).describe("Higher runs first among ready steps."),
  resources: resourcesSchema.optional(),
  timeoutSec: timeoutSec.optional(),
  retry: retrySchema.optional(),
  continueOnFailure: z.boolean().default(false).describe("A failure of this step does not fail the run or its dependents."),
  env: z.record(z.string().regex(ENV_NAME_PATTERN, "invalid environment variable name"), z.string()).optional(),
  estimateSec: z.number().min(0).optional().describe("Expected duration for planning and simulation."),
  meta: z.record(z.string(), z.unknown()).optional().describe("Free-form data for tools (e.g. editor positions).")
});
var paramSchema = z.union([
  z.strictObject({
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    description: z.string().optional(),
    required: z.boolean().optional()
  }),
  z.string(),
  z.number(),
  z.boolean()
]);
var workflowSchema = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2e4).optional(),
  params: z.record(z.string().regex(PARAM_NAME_PATTERN, "invalid param name"), paramSchema).default({}),
  concurrency: z.number().int().min(1).max(1e5).optional().describe("Most steps of one run at once."),
  timeoutSec: timeoutSec.optional().describe("Timeout of the whole run."),
  retry: retrySchema.optional().describe("Default retry policy of the steps."),
  onFailure: z.enum(["stop", "continue"]).default("stop").describe("stop: start nothing new after a failure; continue: run independent branches."),
  steps: z.array(stepSchema).min(1, "a workflow needs at least one step"),
  meta: z.record(z.string(), z.unknown()).optional()
});

// .tmp-probe/zorder.ts
console.log(JSON.stringify(stepSchema.parse({ continueOnFailure: true, kind: "noop", id: "a", meta: { x: 1 }, name: "n" })));
console.log(JSON.stringify(stepSchema.parse({ kind: "noop", id: "a", retry: void 0, name: void 0 })));
console.log(stepSchema.safeParse({ kind: "noop", id: "a", priority: Infinity }).success, stepSchema.safeParse({ kind: "noop", id: "a", priority: NaN }).success, stepSchema.safeParse({ kind: "noop", id: "a", timeoutSec: Infinity }).success);
console.log(JSON.stringify(workflowSchema.parse({ steps: [{ id: "a", kind: "noop" }], name: "w", meta: {}, onFailure: "continue" })));
var o = { id: "a", kind: "noop" };
var r = stepSchema.parse(o);
console.log(r === o, Object.getPrototypeOf(r) === Object.prototype);
var proto = /* @__PURE__ */ Object.create({ id: "x" });
proto.kind = "noop";
console.log(stepSchema.safeParse(proto).success);
var withSym = { id: "a", kind: "noop", [/* @__PURE__ */ Symbol("s")]: 1 };
console.log(stepSchema.safeParse(withSym).success);
var C = class {
  id = "a";
  kind = "noop";
};
console.log(stepSchema.safeParse(new C()).success);
console.log(stepSchema.safeParse({ id: "a", kind: "noop", dependsOn: ["x", , "y"] }).success);
var arr = ["x"];
arr.extra = 1;
console.log(JSON.stringify(stepSchema.parse({ id: "a", kind: "noop", dependsOn: arr })));
console.log(stepSchema.safeParse({ id: "a", kind: "noop", priority: -0 }).data?.priority, Object.is(stepSchema.parse({ id: "a", kind: "noop", priority: -0 }).priority, -0));
