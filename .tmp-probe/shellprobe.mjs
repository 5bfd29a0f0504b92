var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// lib/engine/store.ts
var FINAL_RUN_STATUSES = ["succeeded", "failed", "cancelled"];
var FINAL_TASK_STATUSES = [
  "succeeded",
  "failed",
  "skipped",
  "cancelled",
  "cached",
  "upstream_failed"
];

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
var DEFAULT_RETRY = {
  maxAttempts: 1,
  backoff: "exponential",
  delaySec: 1,
  maxDelaySec: 300,
  jitter: 0,
  retryOnTimeout: true
};
function resolveRetry(workflow, step) {
  const pick = (k) => step?.[k] ?? workflow?.[k];
  const jitter = pick("jitter");
  return {
    maxAttempts: pick("maxAttempts") ?? DEFAULT_RETRY.maxAttempts,
    backoff: pick("backoff") ?? DEFAULT_RETRY.backoff,
    delaySec: pick("delaySec") ?? DEFAULT_RETRY.delaySec,
    maxDelaySec: pick("maxDelaySec") ?? DEFAULT_RETRY.maxDelaySec,
    jitter: jitter === void 0 ? DEFAULT_RETRY.jitter : jitter === true ? 1 : jitter === false ? 0 : jitter,
    retryOnTimeout: pick("retryOnTimeout") ?? DEFAULT_RETRY.retryOnTimeout
  };
}
function resolveParams(definition, given = {}) {
  const params = {};
  const missing = [];
  for (const [name, spec2] of Object.entries(definition.params)) {
    const fallback = typeof spec2 === "object" ? spec2.default : spec2;
    const value = given[name] ?? fallback;
    if (value === void 0) {
      if (typeof spec2 === "object" && spec2.required) missing.push(name);
      continue;
    }
    params[name] = String(value);
  }
  const unknown = Object.keys(given).filter((k) => !(k in definition.params));
  for (const k of unknown) params[k] = String(given[k]);
  return { params, missing, unknown };
}
function delayMsOf(step) {
  return step.delayMs ?? (step.delaySec !== void 0 ? Math.round(step.delaySec * 1e3) : 0);
}

// lib/engine/definition-fast.ts
var FAIL = /* @__PURE__ */ Symbol("invalid");
var MAX_TIMEOUT_SEC2 = 7 * 24 * 3600;
var isPlain = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
var string = (max = Number.POSITIVE_INFINITY) => (v) => typeof v === "string" && v.length <= max ? v : FAIL;
var number = (min, max, opts = {}) => (v) => {
  if (typeof v !== "number" || !Number.isFinite(v)) return FAIL;
  if (opts.int && !Number.isSafeInteger(v)) return FAIL;
  if (opts.gt ? !(v > min) : !(v >= min)) return FAIL;
  return v <= max ? v : FAIL;
};
var viaZod = (schema) => (v) => {
  const r = schema.safeParse(v);
  return r.success ? r.data : FAIL;
};
var KINDS = new Set(STEP_KINDS);
var STEP_FIELDS = {
  id: (v) => typeof v === "string" && STEP_ID_PATTERN.test(v) ? v : FAIL,
  name: string(200),
  description: string(5e3),
  kind: (v) => KINDS.has(v) ? v : FAIL,
  run: string(),
  http: viaZod(stepSchema.shape.http),
  delayMs: number(0, MAX_TIMEOUT_SEC2 * 1e3, { int: true }),
  delaySec: number(0, MAX_TIMEOUT_SEC2),
  dependsOn: (v) => {
    if (!Array.isArray(v)) return FAIL;
    for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return FAIL;
    return v.slice();
  },
  priority: number(-1e6, 1e6, { int: true }),
  resources: viaZod(stepSchema.shape.resources),
  timeoutSec: number(0, MAX_TIMEOUT_SEC2, { gt: true }),
  retry: viaZod(stepSchema.shape.retry),
  continueOnFailure: (v) => typeof v === "boolean" ? v : FAIL,
  env: viaZod(stepSchema.shape.env),
  estimateSec: number(0, Number.MAX_VALUE),
  meta: viaZod(stepSchema.shape.meta)
};
var STEP_KEYS = Object.keys(stepSchema.shape);
var STEP_DEFAULTS = {
  dependsOn: () => [],
  priority: () => 0,
  continueOnFailure: () => false
};
var FAST_STEP_FIELDS = Object.keys(STEP_FIELDS);
function parseStepFast(input) {
  if (!isPlain(input)) return null;
  let known = 0;
  const out = {};
  for (const key of STEP_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) {
      const def = STEP_DEFAULTS[key];
      if (def) out[key] = def();
      continue;
    }
    known++;
    const raw4 = input[key];
    if (raw4 === void 0) return null;
    const value = STEP_FIELDS[key](raw4);
    if (value === FAIL) return null;
    out[key] = value;
  }
  if (out.id === void 0 || out.kind === void 0) return null;
  let own = 0;
  for (const k in input) if (Object.prototype.hasOwnProperty.call(input, k)) own++;
  if (own !== known || Object.getOwnPropertySymbols(input).length > 0) return null;
  return out;
}
var headerSchema = workflowSchema.omit({ steps: true });
var WORKFLOW_KEYS = Object.keys(workflowSchema.shape);
function parseWorkflowFast(input) {
  if (!isPlain(input) || Object.getOwnPropertySymbols(input).length > 0) return null;
  const rawSteps = input.steps;
  if (!Array.isArray(rawSteps) || rawSteps.length === 0) return null;
  const header = {};
  for (const k in input) if (k !== "steps" && Object.prototype.hasOwnProperty.call(input, k)) header[k] = input[k];
  const head = headerSchema.safeParse(header);
  if (!head.success) return null;
  const steps = new Array(rawSteps.length);
  for (let i = 0; i < rawSteps.length; i++) {
    const step = parseStepFast(rawSteps[i]);
    if (step === null) return null;
    steps[i] = step;
  }
  const out = {};
  const data = head.data;
  for (const key of WORKFLOW_KEYS) {
    if (key === "steps") out.steps = steps;
    else if (Object.prototype.hasOwnProperty.call(data, key)) out[key] = data[key];
  }
  return out;
}

// lib/engine/graph.ts
function buildDag(steps) {
  const n = steps.length;
  const ids = new Array(n);
  const index = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const id = steps[i].id;
    ids[i] = id;
    if (!index.has(id)) index.set(id, i);
  }
  const lastSeen = new Int32Array(n).fill(-1);
  const depStart = new Int32Array(n + 1);
  let edgeCount = 0;
  for (let i = 0; i < n; i++) {
    depStart[i] = edgeCount;
    const list = steps[i].dependsOn;
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const j = index.get(list[k]);
      if (j === void 0 || j === i || lastSeen[j] === i) continue;
      lastSeen[j] = i;
      edgeCount++;
    }
  }
  depStart[n] = edgeCount;
  const deps = new Int32Array(edgeCount);
  const outDegree = new Int32Array(n);
  lastSeen.fill(-1);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const list = steps[i].dependsOn;
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const j = index.get(list[k]);
      if (j === void 0 || j === i || lastSeen[j] === i) continue;
      lastSeen[j] = i;
      deps[e++] = j;
      outDegree[j]++;
    }
  }
  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = succStart[i] + outDegree[i];
  const fill = outDegree;
  fill.set(succStart.subarray(0, n));
  const succ = new Int32Array(edgeCount);
  for (let i = 0; i < n; i++) {
    for (let x = depStart[i]; x < depStart[i + 1]; x++) succ[fill[deps[x]]++] = i;
  }
  return { ids, index, depStart, deps, succStart, succ };
}
function topoSort(dag) {
  const n = dag.ids.length;
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = dag.depStart[i + 1] - dag.depStart[i];
  const order = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order.push(i);
  for (let h = 0; h < order.length; h++) {
    const i = order[h];
    for (let e = dag.succStart[i]; e < dag.succStart[i + 1]; e++) {
      const s = dag.succ[e];
      if (--indeg[s] === 0) order.push(s);
    }
  }
  const leftover = [];
  if (order.length < n) {
    for (let i = 0; i < n; i++) if (indeg[i] > 0) leftover.push(i);
  }
  return { order, leftover };
}
function findCycles(dag, leftover) {
  const inLeft = new Uint8Array(dag.ids.length);
  for (const i of leftover) inLeft[i] = 1;
  const mark = new Uint8Array(dag.ids.length);
  const cycles = [];
  for (const start of leftover) {
    if (mark[start] !== 0) continue;
    const walk = [];
    let cur = start;
    for (; ; ) {
      if (mark[cur] === 2) break;
      if (mark[cur] === 1) {
        const from = walk.indexOf(cur);
        cycles.push([...walk.slice(from), cur]);
        break;
      }
      mark[cur] = 1;
      walk.push(cur);
      let next = -1;
      for (let e = dag.depStart[cur]; e < dag.depStart[cur + 1]; e++) {
        if (inLeft[dag.deps[e]]) {
          next = dag.deps[e];
          break;
        }
      }
      if (next < 0) break;
      cur = next;
    }
    for (const i of walk) mark[i] = 2;
  }
  return cycles;
}

// lib/engine/template.ts
var PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
var PARAM_REF = /^params\.([A-Za-z_][A-Za-z0-9_-]*)$/;
var OUTPUT_REF = /^steps\.([A-Za-z0-9_][A-Za-z0-9_.-]*)\.outputs\.([A-Za-z0-9_.-]+)$/;
function templateRefs(text) {
  const refs = [];
  for (const m of text.matchAll(PLACEHOLDER)) refs.push(parseRef(m[1] ?? ""));
  return refs;
}
function parseRef(expr) {
  const p = PARAM_REF.exec(expr);
  if (p) return { kind: "param", name: p[1], raw: expr };
  const o = OUTPUT_REF.exec(expr);
  if (o) return { kind: "output", stepId: o[1], key: o[2], raw: expr };
  return { kind: "invalid", raw: expr };
}
function renderTemplate(text, scope) {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (_, expr) => {
    const ref = parseRef(expr.trim());
    switch (ref.kind) {
      case "param":
        return scope.params[ref.name] ?? "";
      case "output": {
        const v = scope.outputs[ref.stepId]?.[ref.key];
        if (v === void 0 || v === null) return "";
        return typeof v === "string" ? v : JSON.stringify(v);
      }
      case "invalid":
        return "";
    }
  });
}
function renderDeep(value, scope) {
  if (typeof value === "string") return renderTemplate(value, scope);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, scope));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderDeep(v, scope);
    return out;
  }
  return value;
}

// lib/engine/validate.ts
var CPU_POOL = "cpu";
var MEMORY_POOL = "memory";
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function validateWorkflow(input, options = {}) {
  const problems = [];
  const fast = parseWorkflowFast(input);
  const parsed = fast !== null ? { success: true, data: fast } : workflowSchema.safeParse(input);
  const rawSteps = isObj(input) && Array.isArray(input.steps) ? input.steps : [];
  if (!parsed.success) problems.push(...mapZodIssues(parsed.error.issues, rawSteps));
  const graphSteps = new Array(rawSteps.length);
  for (let i = 0; i < rawSteps.length; i++) graphSteps[i] = graphView(rawSteps[i], i);
  const dag = buildDag(graphSteps);
  checkGraph(graphSteps, dag, problems);
  const params = isObj(input) && isObj(input.params) ? new Set(Object.keys(input.params)) : /* @__PURE__ */ new Set();
  for (let i = 0; i < rawSteps.length; i++) {
    const s = rawSteps[i];
    if (isObj(s)) checkStep(s, i, graphSteps[i].id, params, options, problems);
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, definition: parsed.data, dag };
}
function graphView(s, i) {
  const o = isObj(s) ? s : {};
  const id = o.id;
  const deps = o.dependsOn;
  if (typeof id === "string" && (deps === void 0 || Array.isArray(deps) && deps.every((d) => typeof d === "string"))) {
    return o;
  }
  return {
    id: typeof id === "string" ? id : `#${i}`,
    dependsOn: Array.isArray(deps) ? deps.filter((d) => typeof d === "string") : []
  };
}
function mapZodIssues(issues, rawSteps) {
  return issues.map((issue) => {
    const path6 = issue.path.map(String);
    let stepId;
    let fieldPath = path6;
    if (path6[0] === "steps" && path6.length >= 2) {
      const raw4 = rawSteps[Number(path6[1])];
      stepId = isObj(raw4) && typeof raw4.id === "string" ? raw4.id : `#${path6[1]}`;
      fieldPath = path6.slice(2);
    }
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
      message = `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
      if (issue.keys.length === 1) fieldPath = [...fieldPath, issue.keys[0]];
    } else if (issue.code === "invalid_value" && fieldPath[fieldPath.length - 1] === "kind") {
      message = `unknown kind; expected one of ${issue.values.map(String).join(", ")}`;
    }
    const field = fieldPath.length > 0 ? fieldPath.join(".") : stepId !== void 0 ? "" : "(root)";
    const at = issue.path.map((p) => typeof p === "symbol" ? String(p) : p);
    return stepId !== void 0 ? { stepId, field, message, path: at } : { field, message, path: at };
  });
}
function checkGraph(steps, dag, problems) {
  const lastSeen = new Int32Array(steps.length).fill(-1);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const first = dag.index.get(s.id);
    if (first !== i) {
      const message = `duplicate step id "${s.id}" (steps #${first + 1} and #${i + 1})`;
      problems.push({ stepId: s.id, field: "id", message, path: ["steps", i, "id"] });
    }
    const deps = s.dependsOn;
    if (!deps) continue;
    for (let k = 0; k < deps.length; k++) {
      const d = deps[k];
      const j = dag.index.get(d);
      let message = null;
      if (d === s.id) message = "a step cannot depend on itself";
      else if (j === void 0) message = `unknown step "${d}"`;
      else if (lastSeen[j] === i) message = `"${d}" is listed twice`;
      else lastSeen[j] = i;
      if (message !== null) problems.push({ stepId: s.id, field: "dependsOn", message, path: ["steps", i, "dependsOn", k] });
    }
  }
  const { leftover } = topoSort(dag);
  for (const cycle of findCycles(dag, leftover)) {
    const ids = cycle.map((i) => dag.ids[i]);
    const message = `dependency cycle: ${ids.join(" \u2192 ")}`;
    problems.push({ stepId: ids[0], field: "dependsOn", message, path: ["steps", cycle[0], "dependsOn"] });
  }
}
function checkStep(s, index, stepId, params, options, problems) {
  const add = (field, message) => problems.push({ stepId, field, message, path: ["steps", index, ...field.split(".")] });
  const dependsOn = (d) => Array.isArray(s.dependsOn) && s.dependsOn.includes(d);
  switch (s.kind) {
    case "shell":
      if (typeof s.run !== "string" || s.run.trim() === "") add("run", "a shell step needs a command in `run`");
      break;
    case "http":
      if (!isObj(s.http)) add("http", "an http step needs an `http` block with at least `url`");
      else if (typeof s.http.url === "string") checkUrl(s.http.url, add);
      break;
    case "delay":
      if (s.delayMs === void 0 && s.delaySec === void 0) add("delayMs", "a delay step needs `delayMs` or `delaySec`");
      if (s.delayMs !== void 0 && s.delaySec !== void 0) add("delaySec", "give either `delayMs` or `delaySec`, not both");
      break;
    default:
      break;
  }
  const checkTemplates = (field, text) => {
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
function checkUrl(url, add) {
  const probe = url.replace(/\{\{[^{}]*\}\}/g, "x");
  let parsed;
  try {
    parsed = new URL(probe);
  } catch {
    add("http.url", `not a valid URL: ${url}`);
    return;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") add("http.url", "URL must start with http:// or https://");
}
function checkResources(r, pools, add) {
  const check = (field, pool, amount) => {
    if (typeof amount !== "number" || amount <= 0) return;
    const capacity = pools[pool];
    if (capacity === void 0) {
      if (pool !== CPU_POOL && pool !== MEMORY_POOL) add(field, `unknown resource pool "${pool}"`);
      return;
    }
    if (amount > capacity) add(field, `asks for ${amount} of "${pool}" but its capacity is ${capacity}: it could never start`);
  };
  check("resources.cpu", CPU_POOL, r.cpu);
  check("resources.memoryMb", MEMORY_POOL, r.memoryMb);
  if (isObj(r.pools)) for (const [name, amount] of Object.entries(r.pools)) check(`resources.pools.${name}`, name, amount);
}

// lib/engine/parse.ts
import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";

// lib/engine/json-schema.ts
import { z as z2 } from "zod";

// lib/engine/plan.ts
function remainingPaths(steps, estimates = {}, dag = buildDag(steps)) {
  const n = steps.length;
  const { order, leftover } = topoSort(dag);
  if (leftover.length > 0) throw new Error("planWorkflow needs an acyclic graph; validate first");
  const remaining = new Float64Array(n);
  const next = new Int32Array(n).fill(-1);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    let best = 0;
    let bestSucc = -1;
    for (let e = dag.succStart[i]; e < dag.succStart[i + 1]; e++) {
      const s = dag.succ[e];
      if (bestSucc < 0 || remaining[s] > best || remaining[s] === best && s < bestSucc) {
        best = remaining[s];
        bestSucc = s;
      }
    }
    remaining[i] = estimateOf(steps[i], estimates) + best;
    next[i] = bestSucc;
  }
  return { remaining, next, order };
}
function estimateOf(step, estimates) {
  const v = estimates[step.id] ?? step.estimateSec;
  return v !== void 0 && Number.isFinite(v) && v >= 0 ? v : 1;
}

// lib/engine/resources.ts
var ResourcePools = class {
  pools = /* @__PURE__ */ new Map();
  open = /* @__PURE__ */ new Map();
  constructor(capacities = {}) {
    for (const [name, capacity] of Object.entries(capacities)) this.setCapacity(name, capacity);
  }
  /** Creates a pool or changes its capacity (≥ 0). Returns the new info. */
  setCapacity(name, capacity) {
    if (!Number.isFinite(capacity) || capacity < 0) throw new RangeError(`invalid capacity ${capacity} for pool ${name}`);
    const pool = this.pools.get(name);
    if (pool) pool.capacity = capacity;
    else this.pools.set(name, { capacity, used: 0 });
    return this.info(name);
  }
  has(name) {
    return this.pools.has(name);
  }
  /** Capacity of a pool; unknown pools have capacity 0. */
  capacity(name) {
    return this.pools.get(name)?.capacity ?? 0;
  }
  /** Free amount of a pool; unknown pools have nothing free. */
  free(name) {
    const p = this.pools.get(name);
    return p ? Math.max(0, p.capacity - p.used) : 0;
  }
  info(name) {
    const p = this.pools.get(name);
    return p ? { name, capacity: p.capacity, used: p.used, free: Math.max(0, p.capacity - p.used) } : null;
  }
  /** Every pool's state. */
  list() {
    return [...this.pools.keys()].map((n) => this.info(n));
  }
  /** Capacities by pool name (what `validateWorkflow` takes). */
  capacities() {
    const out = {};
    for (const [n, p] of this.pools) out[n] = p.capacity;
    return out;
  }
  /** First pool of the request that cannot be satisfied now, or null if all can. */
  firstShortage(request) {
    for (const { pool, amount } of request) {
      const free = this.free(pool);
      if (amount > free) return { pool, needed: amount, free, capacity: this.capacity(pool) };
    }
    return null;
  }
  /** Takes everything in the request, or nothing. */
  tryAcquire(request, holder, now) {
    const shortage = this.firstShortage(request);
    if (shortage) return { ok: false, ...shortage };
    const allocations = [];
    for (const { pool, amount } of request) {
      this.pools.get(pool).used += amount;
      const allocation = {
        id: `${holder.idPrefix}:${pool}`,
        pool,
        amount,
        runId: holder.runId,
        taskRunId: holder.taskRunId,
        attempt: holder.attempt,
        instanceId: holder.instanceId,
        acquiredAt: now,
        releasedAt: null
      };
      this.open.set(allocation.id, allocation);
      allocations.push(allocation);
    }
    return { ok: true, allocations };
  }
  /**
   * Releases allocations (idempotent: already released ones are skipped).
   * Returns the records released now, with `releasedAt` set.
   */
  release(allocations, now) {
    const released = [];
    for (const a2 of allocations) {
      const held = this.open.get(a2.id);
      if (!held) continue;
      this.open.delete(a2.id);
      const pool = this.pools.get(a2.pool);
      if (pool) pool.used = Math.max(0, pool.used - a2.amount);
      held.releasedAt = now;
      released.push(held);
    }
    return released;
  }
  /** Allocations currently held. */
  openAllocations() {
    return [...this.open.values()];
  }
};

// lib/engine/retry.ts
function backoffDelayMs(policy, nextAttempt, random = Math.random) {
  const n = Math.max(0, nextAttempt - 2);
  const base = policy.backoff === "fixed" ? policy.delaySec : policy.delaySec * Math.pow(2, Math.min(n, 60));
  const capped = Math.min(base, policy.maxDelaySec);
  const jittered = capped * (1 - policy.jitter * clamp01(random()));
  return Math.max(0, Math.round(jittered * 1e3));
}
function shouldRetry(policy, failures, failure2) {
  if (failures >= policy.maxAttempts) return false;
  switch (failure2) {
    case "failed":
    case "lost":
      return true;
    case "timed_out":
      return policy.retryOnTimeout;
  }
}
function clamp01(x) {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// lib/engine/heap.ts
var BinaryHeap = class {
  constructor(compare) {
    this.compare = compare;
  }
  compare;
  items = [];
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(item) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = i - 1 >> 1;
      if (this.compare(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== void 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }
  /** Removes every item. */
  clear() {
    this.items.length = 0;
  }
  /** Items in heap (not sorted) order; for inspection only. */
  toArray() {
    return this.items;
  }
  siftDown(start) {
    const items = this.items;
    const n = items.length;
    let i = start;
    for (; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.compare(items[l], items[m]) < 0) m = l;
      if (r < n && this.compare(items[r], items[m]) < 0) m = r;
      if (m === i) return;
      [items[i], items[m]] = [items[m], items[i]];
      i = m;
    }
  }
};

// lib/engine/clock.ts
var RealClock = class {
  now() {
    return Date.now();
  }
  setTimer(fn, ms2, options) {
    const t = setTimeout(fn, Math.max(0, ms2));
    if (options?.unref) t.unref();
    return t;
  }
  clearTimer(handle) {
    clearTimeout(handle);
  }
};

// lib/engine/events.ts
var silentLogger = { debug() {
}, info() {
}, warn() {
}, error() {
} };
var EventBus = class {
  constructor(logger) {
    this.logger = logger;
  }
  logger;
  listeners = [];
  subscribe(listener) {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
  get size() {
    return this.listeners.length;
  }
  emit(event) {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.logger.error("event listener threw", { type: event.type, error: String(err) });
      }
    }
  }
};
function eventPayload(event) {
  const { runId, seq, ts, type, ...payload } = event;
  return payload;
}

// lib/engine/ready-queue.ts
function compareQueueables(a2, b2) {
  return b2.priority - a2.priority || b2.lrp - a2.lrp || a2.runOrder - b2.runOrder || a2.index - b2.index;
}
var ReadyQueue = class {
  constructor(isLive) {
    this.isLive = isLive;
  }
  isLive;
  heap = new BinaryHeap((a2, b2) => compareQueueables(a2.task, b2.task));
  /** Adds a task with a fresh token (invalidating its entries elsewhere). */
  push(task) {
    task.token++;
    this.heap.push({ task, token: task.token });
  }
  /** Adds a task keeping its current token (when it moves between queues it owns). */
  pushKeepToken(task) {
    this.heap.push({ task, token: task.token });
  }
  /** Best live task, without removing it. */
  peek() {
    this.dropStale();
    return this.heap.peek()?.task;
  }
  /** Removes and returns the best live task. */
  pop() {
    this.dropStale();
    return this.heap.pop()?.task;
  }
  /** Entries including stale ones (upper bound of the live count). */
  get rawSize() {
    return this.heap.size;
  }
  clear() {
    this.heap.clear();
  }
  /** Live tasks in no particular order (inspection; O(n)). */
  live() {
    return this.heap.toArray().filter((e) => e.token === e.task.token && this.isLive(e.task)).map((e) => e.task);
  }
  dropStale() {
    for (; ; ) {
      const top = this.heap.peek();
      if (!top || top.token === top.task.token && this.isLive(top.task)) return;
      this.heap.pop();
    }
  }
};

// lib/engine/run-state.ts
var FINAL = new Set(FINAL_TASK_STATUSES);
function isFinalTask(status) {
  return FINAL.has(status);
}
function satisfiesDependents(task) {
  switch (task.status) {
    case "succeeded":
    case "cached":
    case "skipped":
      return true;
    case "failed":
      return task.step.continueOnFailure;
    case "pending":
    case "waiting":
    case "ready":
    case "running":
    case "cancelled":
    case "upstream_failed":
      return false;
  }
}
var NO_REQUEST = Object.freeze([]);
function requestOf(step, options) {
  const cpu = step.resources?.cpu ?? (step.kind === "shell" ? options.defaultShellCpu : 0);
  if (cpu <= 0 && step.resources === void 0) return NO_REQUEST;
  const req = [];
  if (cpu > 0) req.push({ pool: CPU_POOL, amount: cpu });
  const mem = step.resources?.memoryMb ?? 0;
  if (mem > 0) req.push({ pool: MEMORY_POOL, amount: mem });
  for (const [pool, amount] of Object.entries(step.resources?.pools ?? {})) if (amount > 0) req.push({ pool, amount });
  return req.length > 0 ? req : NO_REQUEST;
}
function retryResolver(definition) {
  let shared = null;
  return (step) => step.retry ? resolveRetry(definition.retry, step.retry) : shared ??= resolveRetry(definition.retry, void 0);
}
var RunState = class {
  id;
  record;
  definition;
  dag;
  tasks;
  ready;
  /** Cross-run tie-break: runs started earlier go first. */
  order;
  concurrency;
  /** Attempts dispatched and not settled. */
  running = 0;
  /** Tasks not in a final status. */
  unfinished;
  /** Last event sequence number used. */
  seq;
  /** A step failed without continueOnFailure. */
  failed = false;
  /** No new dispatch: onFailure=stop after a failure, or the run timed out. */
  stopping = false;
  cancelling = false;
  timedOut = false;
  finished = false;
  deadlineTimer = null;
  /** Version of the run's entry in the scheduler's run heap (lazy invalidation). */
  heapVersion = 0;
  /** The task the current run-heap entry was keyed on, if any. */
  heapTop = null;
  constructor(init) {
    this.id = init.record.id;
    this.record = init.record;
    this.definition = init.record.definition;
    this.dag = init.dag;
    this.tasks = init.tasks;
    this.order = init.order;
    this.seq = init.seq;
    this.concurrency = this.definition.concurrency ?? Number.POSITIVE_INFINITY;
    this.ready = new ReadyQueue((t) => t.status === "ready");
    this.unfinished = init.tasks.reduce((n, t) => n + (isFinalTask(t.status) ? 0 : 1), 0);
  }
  /** Whether the scheduler may start another task of this run now. */
  get dispatchable() {
    return this.record.status === "running" && !this.stopping && !this.cancelling && !this.finished && this.running < this.concurrency;
  }
  /** Step ids of a task's dependencies. */
  depsOf(task) {
    const out = [];
    for (let e = this.dag.depStart[task.index]; e < this.dag.depStart[task.index + 1]; e++) {
      out.push(this.tasks[this.dag.deps[e]]);
    }
    return out;
  }
  /** Successor tasks of a task. */
  successorsOf(task) {
    const out = [];
    for (let e = this.dag.succStart[task.index]; e < this.dag.succStart[task.index + 1]; e++) {
      out.push(this.tasks[this.dag.succ[e]]);
    }
    return out;
  }
};
function buildTasks(runId, definition, dag, plan, order, options) {
  const retryOf = retryResolver(definition);
  const steps = definition.steps;
  const tasks = new Array(steps.length);
  for (let index = 0; index < steps.length; index++) {
    const deps = dag.depStart[index + 1] - dag.depStart[index];
    tasks[index] = newTaskState(runId, steps[index], index, definition, plan, order, options, {
      status: deps === 0 ? "ready" : "pending",
      remainingDeps: deps,
      retry: retryOf
    });
  }
  return tasks;
}
function newTaskState(runId, step, index, definition, plan, order, options, init) {
  return {
    id: taskRunIdOf(runId, index),
    stepId: step.id,
    step,
    index,
    priority: step.priority,
    lrp: plan.remaining[index] ?? 1,
    runOrder: order,
    token: 0,
    status: init.status,
    attempt: 0,
    failures: 0,
    remainingDeps: init.remainingDeps,
    request: requestOf(step, options),
    retry: init.retry ? init.retry(step) : resolveRetry(definition.retry, step.retry),
    waitReason: null,
    queuedAt: null,
    outputs: null,
    active: null,
    backoffTimer: null,
    firstStartedAt: null,
    lastFinishedAt: null,
    busyMs: 0,
    queueMs: 0
  };
}
function taskRunIdOf(runId, index) {
  return `${runId}:${index}`;
}
function attemptIdOf(taskRunId, attempt) {
  return `${taskRunId}#${attempt}`;
}
function initialTaskRecord(runId, task, queuedAt) {
  const ready = task.status === "ready";
  return {
    id: task.id,
    runId,
    stepId: task.stepId,
    status: task.status,
    attempt: 0,
    // The step's own (read-only) list: no copy per step of a big run.
    waitReason: task.status === "pending" ? { type: "dependencies", waitingFor: task.step.dependsOn } : null,
    queuedAt: ready ? queuedAt : null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    error: null,
    outputs: null,
    cpuSeconds: null,
    peakMemoryMb: null,
    instanceId: null,
    workerId: null,
    cacheKey: null
  };
}

// lib/engine/wait-reasons.ts
function liveWaitReason(run, task, snap) {
  switch (task.status) {
    case "pending":
      return { type: "dependencies", waitingFor: run.depsOf(task).filter((d) => !satisfiesDependents(d)).map((d) => d.stepId) };
    case "waiting": {
      const r = task.waitReason;
      if (r?.type === "resource") {
        return { ...r, free: snap.pools.free(r.pool), capacity: snap.pools.capacity(r.pool) };
      }
      return r;
    }
    case "ready": {
      if (run.record.status === "paused") return { type: "paused" };
      if (run.running >= run.concurrency) return { type: "concurrency", scope: "run", limit: run.concurrency };
      if (snap.globalRunning >= snap.globalLimit) return { type: "concurrency", scope: "global", limit: snap.globalLimit };
      const shortage = snap.pools.firstShortage(task.request);
      if (shortage) return { type: "resource", ...shortage };
      return null;
    }
    case "running":
    case "succeeded":
    case "failed":
    case "skipped":
    case "cancelled":
    case "cached":
    case "upstream_failed":
      return null;
  }
}
function derivedWaitReason(task, run, dependsOn, siblings, runningCount) {
  if (isFinalTask(task.status) || task.status === "running") return null;
  if (run.status === "paused" && (task.status === "ready" || task.status === "waiting")) {
    return task.waitReason?.type === "backoff" ? task.waitReason : { type: "paused" };
  }
  const limit = run.definition.concurrency;
  if (task.status === "ready" && limit !== void 0) {
    let running = runningCount ?? 0;
    if (runningCount === void 0) {
      for (const s of siblings.values()) if (s.status === "running") running++;
    }
    if (running >= limit) return { type: "concurrency", scope: "run", limit };
  }
  if (task.status === "pending") {
    const waitingFor = dependsOn.filter((d) => {
      const s = siblings.get(d)?.status;
      return s !== "succeeded" && s !== "cached" && s !== "skipped" && s !== "failed";
    });
    return { type: "dependencies", waitingFor };
  }
  return task.waitReason;
}

// lib/engine/engine.ts
import { randomUUID } from "node:crypto";
import os from "node:os";

// lib/engine/controls.ts
var invalid = (message) => ({ ok: false, reason: "invalid-state", message });
function pauseRun(s, run, by, now) {
  if (run.finished || run.cancelling) return invalid("the run is finishing");
  if (run.record.status !== "running") return invalid(`cannot pause a ${run.record.status} run`);
  s.transitions.runEvent(run, { type: "run.control", action: "pause", by });
  s.transitions.setRunStatus(run, "paused", { pausedAt: now, pausedBy: by });
  return { ok: true };
}
function resumeRun(s, run, by) {
  if (run.finished) return invalid("the run is finished");
  if (run.record.status !== "paused") return invalid(`cannot resume a ${run.record.status} run`);
  s.transitions.runEvent(run, { type: "run.control", action: "resume", by });
  s.transitions.setRunStatus(run, "running", { pausedAt: null, pausedBy: null });
  s.pushRunEntry(run);
  s.pump();
  return { ok: true };
}
function cancelRun(s, run, by, now) {
  if (run.finished) return invalid("the run is finished");
  if (run.cancelling) return { ok: true };
  s.deferPump(() => {
    run.cancelling = true;
    run.record = { ...run.record, cancelledAt: now, cancelledBy: by };
    s.transitions.runEvent(run, { type: "run.control", action: "cancel", by });
    s.ctx.writer.updateRun(run.id, { cancelledAt: now, cancelledBy: by });
    s.transitions.cancelUnstarted(run, `cancelled${by ? ` by ${by}` : ""}`);
    s.abortRun(run, "cancel");
    s.transitions.checkDone(run);
  });
  return { ok: true };
}
function timeoutRun(s, run) {
  run.deadlineTimer = null;
  if (run.finished || run.cancelling) return;
  s.deferPump(() => {
    run.timedOut = true;
    run.stopping = true;
    s.transitions.cancelUnstarted(run, "not started: the run timed out");
    s.abortRun(run, "run-timeout");
    s.transitions.checkDone(run);
  });
}

// lib/engine/attempt-runner.ts
var PROCESS_RECORD_DELAY_MS = 50;
var AttemptRunner = class {
  constructor(ctx, settle) {
    this.ctx = ctx;
    this.settle = settle;
  }
  ctx;
  settle;
  inFlight = /* @__PURE__ */ new Set();
  /** Executor promises not yet settled. */
  pending() {
    return [...this.inFlight];
  }
  start(run, task, active) {
    if (task.active !== active) return;
    active.started = true;
    if (active.controller.signal.aborted) {
      this.settle(run, task, active, { ok: false, reason: "aborted", message: "aborted before start" });
      return;
    }
    const executor = this.ctx.executors[task.step.kind];
    if (!executor) {
      this.settle(run, task, active, {
        ok: false,
        reason: "invalid-config",
        message: `no executor for step kind "${task.step.kind}"`
      });
      return;
    }
    const ectx = this.contextFor(run, task, active);
    let promise;
    try {
      promise = executor.execute(ectx);
    } catch (err) {
      promise = Promise.resolve({ ok: false, reason: "error", message: errorMessage(err) });
    }
    const tracked = promise.then(
      (outcome) => this.settle(run, task, active, outcome),
      (err) => this.settle(run, task, active, { ok: false, reason: "error", message: errorMessage(err) })
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
  contextFor(run, task, active) {
    const { clock, writer } = this.ctx;
    const upstreamOutputs = {};
    for (const d of run.depsOf(task)) if (d.outputs) upstreamOutputs[d.stepId] = d.outputs;
    const timeoutSec2 = task.step.timeoutSec;
    return {
      runId: run.id,
      taskRunId: task.id,
      stepId: task.stepId,
      attempt: active.number,
      step: task.step,
      params: run.record.params,
      workingDir: run.record.workingDir,
      upstreamOutputs,
      signal: active.controller.signal,
      timeoutMs: timeoutSec2 !== void 0 ? timeoutSec2 * 1e3 : null,
      log: (stream, text) => {
        if (task.active !== active || text.length === 0) return;
        const chunk = {
          runId: run.id,
          taskRunId: task.id,
          attempt: active.number,
          stream,
          seq: ++active.logSeq,
          ts: clock.now(),
          text
        };
        writer.appendLog(chunk);
        writer.sideEvent({ type: "log", stepId: task.stepId, ...chunk });
      },
      sample: (cpuPercent, rssMb) => {
        if (task.active !== active) return;
        const sample = { taskRunId: task.id, attempt: active.number, ts: clock.now(), cpuPercent, rssMb };
        active.peakMemoryMb = Math.max(active.peakMemoryMb ?? 0, rssMb);
        writer.appendSample(sample);
        writer.sideEvent({ type: "sample", runId: run.id, stepId: task.stepId, ...sample });
      },
      processStarted: (proc) => {
        if (task.active !== active) return;
        writer.updateAttemptSoon(
          run.id,
          active.attemptId,
          { processGroupId: proc.processGroupId, processStartTime: proc.processStartTime },
          PROCESS_RECORD_DELAY_MS
        );
      }
    };
  }
};
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

// lib/engine/recovery.ts
var LOST = "lost: the engine instance running this attempt stopped";
async function terminateOrphans(ctx, record, attempts) {
  const notes = /* @__PURE__ */ new Map();
  const kindOf = new Map(record.definition.steps.map((s) => [s.id, s.kind]));
  await Promise.all(
    attempts.filter((a2) => a2.status === "running" && a2.host !== null).map(async (a2) => {
      const kind = kindOf.get(a2.stepId);
      const executor = kind === void 0 ? void 0 : ctx.executors[kind];
      const base = { stepId: a2.stepId, attempt: a2.attempt, host: a2.host, processGroupId: a2.processGroupId };
      if (a2.host !== ctx.host) {
        if (a2.processGroupId === null && !executor?.terminateOrphan) return;
        notes.set(a2.id, {
          report: { ...base, outcome: "other-host" },
          text: `; it ran on host ${a2.host}: its processes could not be verified from ${ctx.host} and may still be running`,
          retryable: true
        });
        return;
      }
      if (!executor?.terminateOrphan) return;
      let outcome;
      try {
        outcome = await executor.terminateOrphan({
          runId: a2.runId,
          taskRunId: a2.taskRunId,
          stepId: a2.stepId,
          attempt: a2.attempt,
          processGroupId: a2.processGroupId,
          processStartTime: a2.processStartTime
        });
      } catch (err) {
        outcome = { status: "unverifiable", message: errorMessage(err) };
      }
      if (outcome.status === "gone") return;
      const note = describeOrphan(a2.host, outcome);
      notes.set(a2.id, { report: { ...base, ...note.report }, text: note.text, retryable: outcome.status !== "survived" });
      ctx.logger.warn("lost attempt's processes", { runId: a2.runId, stepId: a2.stepId, attempt: a2.attempt, ...outcome });
    })
  );
  return notes;
}
function describeOrphan(host, o) {
  switch (o.status) {
    case "killed":
      return {
        report: { outcome: "killed", signal: o.signal, pids: o.pids },
        text: `; its processes (pid ${o.pids.join(", ")}) were still running on ${host} and were killed (${o.signal})`
      };
    case "survived":
      return {
        report: { outcome: "survived", pids: o.pids },
        text: `; its processes (pid ${o.pids.join(", ")}) on ${host} survived SIGKILL: not retried, so that the step does not run twice`
      };
    case "unverifiable":
      return { report: { outcome: "unverifiable", message: o.message }, text: `; could not verify that its processes on ${host} are gone: ${o.message}` };
  }
}
async function restoreRun(ctx, store, scheduler, record, order, mode) {
  const [rows, attempts, lastSeq] = await Promise.all([
    store.listTaskRuns(record.id),
    store.listAttempts(record.id),
    store.lastEventSeq(record.id)
  ]);
  const def = record.definition;
  const dag = buildDag(def.steps);
  const plan = remainingPaths(def.steps, {}, dag);
  const rowByStep = new Map(rows.map((r) => [r.stepId, r]));
  const attemptsByTask = /* @__PURE__ */ new Map();
  for (const a2 of attempts) {
    const list = attemptsByTask.get(a2.taskRunId) ?? [];
    list.push(a2);
    attemptsByTask.set(a2.taskRunId, list);
  }
  const orphans = mode.kind === "recover" ? await terminateOrphans(ctx, record, attempts) : /* @__PURE__ */ new Map();
  const control = mode.kind === "recover" ? (await store.takeControlRequests(ctx.instanceId, [record.id]))[0]?.request ?? null : null;
  const now = ctx.clock.now();
  const missing = [];
  const tasks = def.steps.map((step, index) => {
    const row = rowByStep.get(step.id);
    const t = newTaskState(record.id, step, index, def, plan, order, ctx.options, {
      status: row?.status ?? "pending",
      remainingDeps: 0
    });
    if (!row) {
      missing.push(t);
      return t;
    }
    t.id = row.id;
    t.attempt = row.attempt;
    t.outputs = row.outputs;
    t.waitReason = row.waitReason;
    t.queuedAt = row.queuedAt;
    for (const a2 of attemptsByTask.get(row.id) ?? []) {
      if (a2.status === "failed" || a2.status === "timed_out" || a2.status === "lost") t.failures++;
      t.queueMs += a2.startedAt - a2.queuedAt;
      t.busyMs += (a2.finishedAt ?? now) - a2.startedAt;
      t.firstStartedAt = Math.min(t.firstStartedAt ?? a2.startedAt, a2.startedAt);
      if (a2.finishedAt !== null) t.lastFinishedAt = Math.max(t.lastFinishedAt ?? 0, a2.finishedAt);
    }
    return t;
  });
  const run = new RunState({ record: { ...record, ownerInstanceId: ctx.instanceId }, dag, tasks, order, seq: lastSeq });
  ctx.writer.adoptPersistedRun(run.id);
  scheduler.runs.set(run.id, run);
  scheduler.deferPump(() => resume(ctx, scheduler, run, record, missing, attemptsByTask, mode, now, orphans, control));
  return run;
}
function resume(ctx, scheduler, run, record, missing, attemptsByTask, mode, now, orphans, control) {
  const { writer } = ctx;
  const tr = scheduler.transitions;
  if (missing.length > 0) writer.insertTasks(run.id, missing.map((t) => initialTaskRecord(run.id, t, null)));
  writer.releaseRunAllocations(run.id, now);
  const patch = { ownerInstanceId: ctx.instanceId };
  if (mode.kind === "retry") {
    Object.assign(patch, { finishedAt: null, error: null, cancelledAt: null, cancelledBy: null, metrics: null });
  } else {
    run.cancelling = record.cancelledAt !== null;
  }
  if (record.startedAt === null) patch.startedAt = now;
  if (record.deadlineAt === null && run.definition.timeoutSec !== void 0 && (mode.kind === "retry" || record.startedAt === null)) {
    patch.deadlineAt = now + run.definition.timeoutSec * 1e3;
  }
  const status = mode.kind === "retry" || record.status === "queued" ? "running" : record.status;
  tr.setRunStatus(run, status, patch);
  if (mode.kind === "retry") tr.runEvent(run, { type: "run.control", action: "retry", by: mode.by });
  if (control) applyPendingControl(ctx, scheduler, run, control, now);
  for (const t of run.tasks) if (t.status === "ready") run.ready.push(t);
  let lostAttempts = 0;
  for (const t of run.tasks) {
    if (mode.kind === "retry" && (t.status === "failed" || t.status === "upstream_failed" || t.status === "cancelled")) {
      t.failures = 0;
      t.queuedAt = null;
      tr.setTaskStatus(run, t, "pending", { patch: { finishedAt: null, error: null, exitCode: null } });
      continue;
    }
    if (t.status !== "running") continue;
    const attempt = (attemptsByTask.get(t.id) ?? []).find((a2) => a2.attempt === t.attempt && a2.status === "running");
    const note = attempt ? orphans.get(attempt.id) : void 0;
    const error = note ? LOST + note.text : LOST;
    if (attempt) {
      writer.updateAttempt(run.id, attempt.id, { status: "lost", finishedAt: now, reason: "lost", error });
      t.lastFinishedAt = now;
    }
    lostAttempts++;
    t.failures++;
    const info = { reason: "lost", error, exitCode: null };
    const retryable = note?.retryable ?? true;
    if (!run.cancelling && retryable && shouldRetry(t.retry, t.failures, "lost")) tr.makeReady(run, t, { reason: "lost", error });
    else if (run.cancelling) tr.setTaskStatus(run, t, "cancelled", { reason: "lost", error, patch: { finishedAt: now } });
    else tr.fail(run, t, info);
  }
  run.failed = run.tasks.some((t) => t.status === "failed" && !t.step.continueOnFailure);
  for (const i of topoSort(run.dag).order) {
    const t = run.tasks[i];
    if (t.status !== "pending") continue;
    let remaining = 0;
    let blockedBy = null;
    for (const d of run.depsOf(t)) {
      if (satisfiesDependents(d)) continue;
      if (isFinalTask(d.status)) blockedBy ??= d;
      else remaining++;
    }
    t.remainingDeps = remaining;
    if (blockedBy) {
      const error = `dependency "${blockedBy.stepId}" did not succeed`;
      const status2 = blockedBy.status === "cancelled" ? "cancelled" : "upstream_failed";
      tr.setTaskStatus(run, t, status2, { error, patch: { finishedAt: now, error } });
    } else if (remaining === 0) tr.makeReady(run, t);
  }
  for (const t of run.tasks) {
    if (t.status === "waiting") {
      const r = t.waitReason;
      if (r?.type === "backoff" && r.until > now) {
        t.backoffTimer = ctx.clock.setTimer(() => {
          t.backoffTimer = null;
          if (t.status === "waiting" && !run.finished && !run.cancelling && !run.stopping) tr.makeReady(run, t);
        }, r.until - now);
      } else tr.makeReady(run, t);
    }
  }
  if (run.cancelling) tr.cancelUnstarted(run, `cancelled${run.record.cancelledBy ? ` by ${run.record.cancelledBy}` : ""}`);
  else if (run.failed && run.definition.onFailure === "stop") tr.stop(run, "not started: a step failed and onFailure is stop");
  const deadline = run.record.deadlineAt;
  if (deadline !== null && !run.cancelling) {
    run.deadlineTimer = ctx.clock.setTimer(() => timeoutRun(scheduler, run), Math.max(0, deadline - now));
  }
  if (mode.kind === "recover") {
    tr.runEvent(run, {
      type: "run.recovered",
      instanceId: ctx.instanceId,
      previousOwner: record.ownerInstanceId,
      lostAttempts,
      ...orphans.size > 0 ? { lostAttemptProcesses: [...orphans.values()].map((n) => n.report) } : {}
    });
  }
  scheduler.pushRunEntry(run);
  scheduler.pump();
  tr.checkDone(run);
}
function applyPendingControl(ctx, scheduler, run, request, now) {
  const tr = scheduler.transitions;
  let applied = true;
  switch (request.action) {
    case "pause":
      applied = pauseRun(scheduler, run, request.by, now).ok;
      break;
    case "resume":
      applied = resumeRun(scheduler, run, request.by).ok;
      break;
    case "cancel":
      if (run.cancelling) break;
      run.cancelling = true;
      run.record = { ...run.record, cancelledAt: now, cancelledBy: request.by };
      tr.runEvent(run, { type: "run.control", action: "cancel", by: request.by });
      ctx.writer.updateRun(run.id, { cancelledAt: now, cancelledBy: request.by });
      break;
  }
  if (!applied) ctx.logger.warn("requested control not applied", { runId: run.id, action: request.action });
}

// lib/engine/run-view.ts
function buildRunView(record, rows, live3, snap) {
  const deps = new Map(record.definition.steps.map((s) => [s.id, s.dependsOn]));
  const byStep = new Map(rows.map((r) => [r.stepId, r]));
  const liveTasks = new Map(live3?.tasks.map((t) => [t.id, t]));
  const runningCount = rows.reduce((n, r) => n + (r.status === "running" ? 1 : 0), 0);
  const tasks = rows.map((row) => {
    const dependsOn = deps.get(row.stepId) ?? [];
    const t = liveTasks.get(row.id);
    if (live3 && t) {
      return { ...row, status: t.status, attempt: t.attempt, waitReason: liveWaitReason(live3, t, snap), dependsOn };
    }
    return { ...row, waitReason: derivedWaitReason(row, record, dependsOn, byStep, runningCount), dependsOn };
  });
  return { run: { ...record }, tasks, live: live3 !== null };
}

// lib/engine/pool-waits.ts
function live(w) {
  return w.token === w.task.token && w.task.status === "waiting" && w.task.waitReason?.type === "resource";
}
function amountOf(task, pool) {
  for (const r of task.request) if (r.pool === pool) return r.amount;
  return 0;
}
var PoolWaitLists = class {
  heaps = /* @__PURE__ */ new Map();
  oversize = /* @__PURE__ */ new Map();
  /** Adds a task (already marked `waiting`); bumps its token, invalidating older entries. */
  add(pool, run, task, capacity) {
    task.token++;
    const waiter = { run, task, token: task.token };
    if (amountOf(task, pool) > capacity) this.aside(pool, waiter);
    else this.heap(pool).push(waiter);
  }
  /**
   * Removes and returns the best waiters of `pool` that fit, in order, until
   * the next one does not fit in what is left of `free`.
   */
  takeFitting(pool, free, capacity) {
    const over = this.oversize.get(pool);
    if (over && over.length > 0) {
      const keep = [];
      for (const w of over) {
        if (!live(w)) continue;
        if (amountOf(w.task, pool) > capacity) keep.push(w);
        else this.heap(pool).push(w);
      }
      this.oversize.set(pool, keep);
    }
    const heap = this.heaps.get(pool);
    const out = [];
    if (!heap) return out;
    let avail = free;
    while (avail > 0) {
      const w = heap.peek();
      if (!w) break;
      if (!live(w)) {
        heap.pop();
        continue;
      }
      const need = amountOf(w.task, pool);
      if (need > capacity) {
        heap.pop();
        this.aside(pool, w);
        continue;
      }
      if (need > avail) break;
      heap.pop();
      avail -= need;
      out.push(w);
    }
    return out;
  }
  heap(pool) {
    let heap = this.heaps.get(pool);
    if (!heap) {
      heap = new BinaryHeap((a2, b2) => compareQueueables(a2.task, b2.task));
      this.heaps.set(pool, heap);
    }
    return heap;
  }
  aside(pool, w) {
    const list = this.oversize.get(pool);
    if (list) list.push(w);
    else this.oversize.set(pool, [w]);
  }
};

// lib/engine/metrics.ts
function computeRunMetrics(run, now) {
  const start = run.record.startedAt ?? run.record.createdAt;
  const makespanMs = Math.max(0, now - start);
  let busy = 0;
  let queue = 0;
  let attempts = 0;
  const counts = {};
  let last = -1;
  for (const t of run.tasks) {
    busy += t.busyMs;
    queue += t.queueMs;
    attempts += t.attempt;
    counts[t.status] = (counts[t.status] ?? 0) + 1;
    if (t.lastFinishedAt !== null && (last < 0 || t.lastFinishedAt >= run.tasks[last].lastFinishedAt)) last = t.index;
  }
  const path6 = [];
  let pathMs = 0;
  for (let i = last; i >= 0; ) {
    const t = run.tasks[i];
    path6.push(t.stepId);
    pathMs += t.firstStartedAt !== null && t.lastFinishedAt !== null ? t.lastFinishedAt - t.firstStartedAt : 0;
    let next = -1;
    for (let e = run.dag.depStart[i]; e < run.dag.depStart[i + 1]; e++) {
      const d = run.tasks[run.dag.deps[e]];
      if (d.lastFinishedAt === null) continue;
      if (next < 0 || d.lastFinishedAt > run.tasks[next].lastFinishedAt) next = d.index;
    }
    i = next;
  }
  path6.reverse();
  return {
    makespanMs,
    criticalPath: path6,
    criticalPathMs: pathMs,
    totalQueueWaitMs: queue,
    meanParallelism: makespanMs > 0 ? busy / makespanMs : 0,
    attempts,
    counts
  };
}

// lib/engine/transitions.ts
var STARTABLE = /* @__PURE__ */ new Set(["pending", "ready", "waiting"]);
var Transitions = class {
  constructor(ctx, hooks) {
    this.ctx = ctx;
    this.hooks = hooks;
  }
  ctx;
  hooks;
  /** Stages a run event with the next sequence number. */
  runEvent(run, body) {
    run.seq++;
    this.ctx.writer.event({ ...body, runId: run.id, seq: run.seq, ts: this.ctx.clock.now() });
  }
  setRunStatus(run, status, patch = {}) {
    const previous = run.record.status;
    run.record = { ...run.record, ...patch, status };
    this.ctx.writer.updateRun(run.id, { ...patch, status });
    this.runEvent(run, {
      type: "run.status",
      status,
      previous,
      ...patch.error !== void 0 ? { error: patch.error } : {},
      ...patch.metrics !== void 0 ? { metrics: patch.metrics } : {}
    });
  }
  setTaskStatus(run, task, status, extra = {}) {
    const previous = task.status;
    task.status = status;
    task.waitReason = extra.waitReason ?? null;
    this.ctx.writer.updateTask(run.id, task.id, { ...extra.patch, status, waitReason: task.waitReason });
    const body = {
      type: "task.status",
      taskRunId: task.id,
      stepId: task.stepId,
      status,
      previous,
      attempt: task.attempt
    };
    if (extra.waitReason) body.waitReason = extra.waitReason;
    if (extra.reason !== void 0) body.reason = extra.reason;
    if (extra.error !== void 0) body.error = extra.error;
    if (extra.exitCode !== void 0) body.exitCode = extra.exitCode;
    if (extra.outputs !== void 0) body.outputs = extra.outputs;
    this.runEvent(run, body);
    const wasFinal = isFinalTask(previous);
    const nowFinal = isFinalTask(status);
    if (!wasFinal && nowFinal) run.unfinished--;
    else if (wasFinal && !nowFinal) run.unfinished++;
  }
  /** pending/waiting → ready, then queued for dispatch. */
  makeReady(run, task, extra = {}) {
    if (task.queuedAt === null) task.queuedAt = this.ctx.clock.now();
    this.setTaskStatus(run, task, "ready", { ...extra, patch: { ...extra.patch, queuedAt: task.queuedAt } });
    this.hooks.enqueue(run, task);
  }
  succeed(run, task, outputs, patch) {
    task.outputs = outputs;
    this.setTaskStatus(run, task, "succeeded", {
      outputs,
      patch: { ...patch, outputs, error: null, finishedAt: this.ctx.clock.now() }
    });
    this.releaseDependents(run, task);
  }
  /** Final failure of a step (no retry left, or retries not allowed now). */
  fail(run, task, info) {
    this.setTaskStatus(run, task, "failed", {
      reason: info.reason,
      error: info.error,
      exitCode: info.exitCode,
      patch: { ...info.patch, error: info.error, exitCode: info.exitCode, finishedAt: this.ctx.clock.now() }
    });
    if (task.step.continueOnFailure) {
      this.releaseDependents(run, task);
      return;
    }
    run.failed = true;
    this.propagateUpstreamFailed(run, task);
    if (run.definition.onFailure === "stop" && !run.stopping) {
      this.stop(run, `not started: step "${task.stepId}" failed and onFailure is stop`);
    }
  }
  /** Waits `backoff` (or not at all) before the next attempt. */
  scheduleRetry(run, task, info) {
    const next = task.attempt + 1;
    const delay = backoffDelayMs(task.retry, next, this.ctx.random);
    const extra = { reason: info.reason, error: info.error, exitCode: info.exitCode, patch: info.patch };
    if (delay <= 0) {
      this.makeReady(run, task, extra);
      return;
    }
    const until = this.ctx.clock.now() + delay;
    this.setTaskStatus(run, task, "waiting", { ...extra, waitReason: { type: "backoff", until, attempt: next } });
    task.backoffTimer = this.ctx.clock.setTimer(() => {
      task.backoffTimer = null;
      if (task.status !== "waiting" || task.waitReason?.type !== "backoff") return;
      if (run.finished || run.cancelling || run.stopping) return;
      this.makeReady(run, task);
    }, delay);
  }
  /** Decrements successors' counters; those with no dependency left become ready. */
  releaseDependents(run, task) {
    const { succStart, succ } = run.dag;
    for (let e = succStart[task.index]; e < succStart[task.index + 1]; e++) {
      const s = run.tasks[succ[e]];
      if (s.status !== "pending") continue;
      if (--s.remainingDeps > 0) continue;
      if (run.stopping || run.cancelling) {
        this.setTaskStatus(run, s, "cancelled", { error: "not started: run stopping", patch: { finishedAt: this.ctx.clock.now() } });
      } else this.makeReady(run, s);
    }
  }
  /** Marks every pending descendant `upstream_failed` (iterative). */
  propagateUpstreamFailed(run, from) {
    const { succStart, succ } = run.dag;
    const now = this.ctx.clock.now();
    const stack = [from];
    while (stack.length > 0) {
      const t = stack.pop();
      for (let e = succStart[t.index]; e < succStart[t.index + 1]; e++) {
        const s = run.tasks[succ[e]];
        if (s.status !== "pending") continue;
        this.setTaskStatus(run, s, "upstream_failed", {
          error: `dependency "${t.stepId}" did not succeed`,
          patch: { finishedAt: now, error: `dependency "${t.stepId}" did not succeed` }
        });
        stack.push(s);
      }
    }
  }
  /** Starts nothing new: every step not yet running ends `cancelled`. */
  stop(run, message) {
    run.stopping = true;
    this.cancelUnstarted(run, message);
  }
  cancelUnstarted(run, message) {
    const now = this.ctx.clock.now();
    for (const t of run.tasks) {
      if (!STARTABLE.has(t.status)) continue;
      if (t.backoffTimer) {
        this.ctx.clock.clearTimer(t.backoffTimer);
        t.backoffTimer = null;
      }
      this.setTaskStatus(run, t, "cancelled", { error: message, patch: { finishedAt: now, error: message } });
    }
    run.ready.clear();
  }
  /** Finishes the run when no task is left. */
  checkDone(run) {
    if (run.finished || run.unfinished > 0 || run.running > 0) return;
    run.finished = true;
    const now = this.ctx.clock.now();
    if (run.deadlineTimer) {
      this.ctx.clock.clearTimer(run.deadlineTimer);
      run.deadlineTimer = null;
    }
    let status;
    let error = null;
    if (run.cancelling) {
      status = "cancelled";
      error = `cancelled${run.record.cancelledBy ? ` by ${run.record.cancelledBy}` : ""}`;
    } else if (run.timedOut) {
      status = "failed";
      error = `run timed out after ${run.definition.timeoutSec}s`;
    } else if (run.failed) {
      status = "failed";
      const first = run.tasks.find((t) => t.status === "failed" && !t.step.continueOnFailure);
      error = first ? `step "${first.stepId}" failed` : "a step failed";
    } else status = "succeeded";
    const metrics = computeRunMetrics(run, now);
    this.setRunStatus(run, status, { finishedAt: now, error, metrics });
    this.hooks.finished(run);
  }
};

// lib/engine/scheduler.ts
var Scheduler = class {
  constructor(ctx, onRunFinished) {
    this.ctx = ctx;
    this.onRunFinished = onRunFinished;
    this.transitions = new Transitions(ctx, {
      enqueue: (run, task) => this.enqueue(run, task),
      finished: (run) => this.finished(run)
    });
    this.runner = new AttemptRunner(ctx, (run, task, active, outcome) => this.settle(run, task, active, outcome));
  }
  ctx;
  onRunFinished;
  /** Live runs owned by this instance. */
  runs = /* @__PURE__ */ new Map();
  transitions;
  runner;
  runHeap = new BinaryHeap((a2, b2) => compareQueueables(a2.top, b2.top));
  poolWaits = new PoolWaitLists();
  globalRunning = 0;
  pumping = false;
  pumpAgain = false;
  /** Attempts running on this instance. */
  get running() {
    return this.globalRunning;
  }
  /** Registers a run; its `ready` tasks are queued (their state is already staged). */
  addRun(run) {
    this.runs.set(run.id, run);
    for (const t of run.tasks) if (t.status === "ready") run.ready.push(t);
    this.pushRunEntry(run);
    this.pump();
  }
  /** Queues a ready task and dispatches if possible. */
  enqueue(run, task) {
    run.ready.push(task);
    if (run.heapTop === null || compareQueueables(task, run.heapTop) < 0) this.pushRunEntry(run);
    this.pump();
  }
  /** (Re)inserts the run into the run heap keyed by its best ready task, if dispatchable. */
  pushRunEntry(run) {
    if (!run.dispatchable) return;
    const top = run.ready.peek();
    if (!top) {
      run.heapTop = null;
      return;
    }
    run.heapVersion++;
    run.heapTop = top;
    this.runHeap.push({ run, version: run.heapVersion, top });
  }
  /** Dispatches as much as limits and resources allow. Re-entrant calls are folded. */
  pump() {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (this.globalRunning < this.ctx.options.maxConcurrentTasks) {
          const entry = this.runHeap.pop();
          if (!entry) break;
          const run = entry.run;
          if (entry.version !== run.heapVersion) continue;
          run.heapTop = null;
          if (!run.dispatchable) continue;
          const task = run.ready.pop();
          if (task) this.tryStart(run, task);
          this.pushRunEntry(run);
        }
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }
  tryStart(run, task) {
    const { pools, clock, writer, instanceId } = this.ctx;
    const shortage = pools.firstShortage(task.request);
    if (shortage) {
      this.park(run, task, shortage.pool, shortage);
      return;
    }
    const now = clock.now();
    const number2 = task.attempt + 1;
    const attemptId = attemptIdOf(task.id, number2);
    const acquired = pools.tryAcquire(
      task.request,
      { runId: run.id, taskRunId: task.id, attempt: number2, instanceId, idPrefix: attemptId },
      now
    );
    if (!acquired.ok) throw new Error("resources vanished between check and acquire");
    const queuedAt = task.queuedAt ?? now;
    task.attempt = number2;
    task.queueMs += now - queuedAt;
    task.queuedAt = null;
    task.firstStartedAt ??= now;
    const active = {
      attemptId,
      number: number2,
      queuedAt,
      startedAt: now,
      controller: new AbortController(),
      allocations: acquired.allocations,
      timeoutTimer: null,
      forceTimer: null,
      abortCause: null,
      started: false,
      logSeq: 0,
      cpuSeconds: null,
      peakMemoryMb: null
    };
    task.active = active;
    run.running++;
    this.globalRunning++;
    this.transitions.setTaskStatus(run, task, "running", {
      patch: { attempt: number2, queuedAt, startedAt: now, finishedAt: null, exitCode: null, error: null, instanceId }
    });
    writer.insertAttempt({
      id: attemptId,
      taskRunId: task.id,
      runId: run.id,
      stepId: task.stepId,
      attempt: number2,
      status: "running",
      queuedAt,
      startedAt: now,
      finishedAt: null,
      exitCode: null,
      reason: null,
      error: null,
      outputs: null,
      cpuSeconds: null,
      peakMemoryMb: null,
      instanceId,
      workerId: null,
      host: this.ctx.host,
      processGroupId: null,
      processStartTime: null
    });
    for (const a2 of acquired.allocations) {
      writer.insertAllocation(a2);
      writer.sideEvent({ type: "allocation", action: "acquired", allocation: { ...a2 }, ts: now });
    }
    const timeoutSec2 = task.step.timeoutSec;
    if (timeoutSec2 !== void 0) {
      active.timeoutTimer = clock.setTimer(() => this.abortAttempt(run, task, active, "timeout"), timeoutSec2 * 1e3);
    }
    writer.after(run.id, () => this.runner.start(run, task, active));
  }
  park(run, task, pool, s) {
    this.transitions.setTaskStatus(run, task, "waiting", {
      waitReason: { type: "resource", pool, needed: s.needed, free: s.free, capacity: s.capacity }
    });
    this.poolWaits.add(pool, run, task, s.capacity);
  }
  /** Moves the best waiters of a pool that now fit back to ready. */
  unparkPool(pool) {
    const { pools } = this.ctx;
    const fitting = this.poolWaits.takeFitting(pool, pools.free(pool), pools.capacity(pool));
    if (fitting.length === 0) return;
    this.deferPump(() => {
      for (const w of fitting) {
        if (!w.run.finished && !w.run.cancelling && !w.run.stopping) this.transitions.makeReady(w.run, w.task);
      }
    });
  }
  /** Runs `fn` with dispatch deferred to its end (one pump instead of one per transition). */
  deferPump(fn) {
    if (this.pumping) {
      fn();
      return;
    }
    this.pumping = true;
    try {
      fn();
    } finally {
      this.pumping = false;
    }
    if (this.pumpAgain) this.pump();
  }
  /** Applies the outcome of an attempt (from its executor, or forced). */
  settle(run, task, active, outcome) {
    if (task.active !== active) return;
    this.deferPump(() => this.applyOutcome(run, task, active, outcome));
  }
  applyOutcome(run, task, active, outcome) {
    const { clock, writer, pools } = this.ctx;
    const now = clock.now();
    task.active = null;
    if (active.timeoutTimer) clock.clearTimer(active.timeoutTimer);
    if (active.forceTimer) clock.clearTimer(active.forceTimer);
    const released = pools.release(active.allocations, now);
    for (const a2 of released) {
      writer.releaseAllocation(a2);
      writer.sideEvent({ type: "allocation", action: "released", allocation: { ...a2 }, ts: now });
    }
    run.running--;
    this.globalRunning--;
    task.busyMs += now - active.startedAt;
    task.lastFinishedAt = now;
    const { status, reason, error } = classify(active, outcome, task.step.timeoutSec);
    const exitCode = outcome.exitCode ?? null;
    const cpuSeconds = outcome.cpuSeconds ?? active.cpuSeconds;
    const peakMemoryMb = outcome.peakMemoryMb ?? active.peakMemoryMb;
    const outputs = outcome.ok ? outcome.outputs : outcome.outputs ?? null;
    writer.updateAttempt(run.id, active.attemptId, {
      status,
      finishedAt: now,
      exitCode,
      reason,
      error,
      outputs,
      cpuSeconds,
      peakMemoryMb
    });
    const patch = { exitCode, cpuSeconds, peakMemoryMb };
    switch (status) {
      case "succeeded":
        this.transitions.succeed(run, task, outcome.ok ? outcome.outputs : {}, patch);
        break;
      case "cancelled":
        this.transitions.setTaskStatus(run, task, "cancelled", {
          reason,
          error,
          patch: { ...patch, error, finishedAt: now }
        });
        break;
      case "failed":
      case "timed_out":
      case "lost": {
        task.failures++;
        const info = { reason: reason ?? "error", error: error ?? "failed", exitCode, patch: { ...patch, error } };
        const failure2 = status === "timed_out" ? "timed_out" : status === "lost" ? "lost" : "failed";
        if (!run.stopping && !run.cancelling && shouldRetry(task.retry, task.failures, failure2)) {
          this.transitions.scheduleRetry(run, task, info);
        } else this.transitions.fail(run, task, info);
        break;
      }
      case "running":
        throw new Error("an attempt cannot settle as running");
    }
    for (const a2 of released) this.unparkPool(a2.pool);
    if (run.heapTop === null) this.pushRunEntry(run);
    this.pumpAgain = true;
    this.transitions.checkDone(run);
  }
  /** Aborts a running attempt; forces its settlement if the executor does not return in time. */
  abortAttempt(run, task, active, cause) {
    if (task.active !== active || active.abortCause !== null) return;
    active.abortCause = cause;
    active.controller.abort(cause);
    active.forceTimer = this.ctx.clock.setTimer(
      () => this.settle(run, task, active, { ok: false, reason: "aborted", message: "executor did not stop in time" }),
      this.ctx.options.abortSettleMs
    );
  }
  /** Aborts every running attempt of a run. */
  abortRun(run, cause) {
    for (const t of run.tasks) if (t.active) this.abortAttempt(run, t, t.active, cause);
  }
  /** Capacity of a pool changed: wake waiters that may now fit. */
  poolChanged(pool) {
    this.unparkPool(pool);
    this.pump();
  }
  /**
   * Graceful hand-over of every run (engine stop): running attempts are
   * recorded `cancelled` (reason `engine-stopped`, no retry used), their steps
   * go back to `ready`, allocations are released and runs become unowned.
   */
  handOverAll() {
    const { writer, clock } = this.ctx;
    const now = clock.now();
    for (const run of [...this.runs.values()]) {
      for (const t of run.tasks) {
        if (!t.active) continue;
        writer.updateAttempt(run.id, t.active.attemptId, { status: "cancelled", finishedAt: now, reason: "engine-stopped", error: "engine stopped" });
        this.transitions.setTaskStatus(run, t, "ready", { reason: "engine-stopped", patch: { queuedAt: now } });
      }
      writer.releaseRunAllocations(run.id, now);
      writer.updateRun(run.id, { ownerInstanceId: null });
      this.forget(run);
    }
  }
  /** Drops a run from memory without writing anything (ownership lost or shutdown). */
  forget(run) {
    const { clock, pools } = this.ctx;
    run.finished = true;
    if (run.deadlineTimer) clock.clearTimer(run.deadlineTimer);
    for (const t of run.tasks) {
      if (t.backoffTimer) clock.clearTimer(t.backoffTimer);
      t.backoffTimer = null;
      const a2 = t.active;
      if (!a2) continue;
      t.active = null;
      if (a2.timeoutTimer) clock.clearTimer(a2.timeoutTimer);
      if (a2.forceTimer) clock.clearTimer(a2.forceTimer);
      a2.abortCause ??= "shutdown";
      a2.controller.abort("shutdown");
      pools.release(a2.allocations, clock.now());
      run.running--;
      this.globalRunning--;
    }
    run.ready.clear();
    this.runs.delete(run.id);
  }
  finished(run) {
    this.onRunFinished(run);
  }
};
function classify(active, outcome, timeoutSec2) {
  switch (active.abortCause) {
    case "cancel":
    case "shutdown":
      return { status: "cancelled", reason: "aborted", error: "cancelled" };
    case "timeout":
      return { status: "timed_out", reason: "timeout", error: `timed out after ${timeoutSec2}s` };
    case "run-timeout":
      return { status: "timed_out", reason: "run-timeout", error: "run timed out" };
    case null:
      if (outcome.ok) return { status: "succeeded", reason: null, error: null };
      if (outcome.reason === "timeout") return { status: "timed_out", reason: "timeout", error: outcome.message };
      if (outcome.reason === "lost") return { status: "lost", reason: "lost", error: outcome.message };
      return { status: "failed", reason: outcome.reason, error: outcome.message };
  }
}

// lib/engine/write-queue.ts
var WriteQueue = class {
  constructor(store, bus, clock, logger, instanceId, onFenced) {
    this.store = store;
    this.bus = bus;
    this.clock = clock;
    this.logger = logger;
    this.instanceId = instanceId;
    this.onFenced = onFenced;
  }
  store;
  bus;
  clock;
  logger;
  instanceId;
  onFenced;
  staged = [];
  events = [];
  side = [];
  effects = [];
  runPatches = /* @__PURE__ */ new Map();
  taskPatches = /* @__PURE__ */ new Map();
  attemptInserts = /* @__PURE__ */ new Map();
  attemptPatches = /* @__PURE__ */ new Map();
  logChunks = null;
  samples = null;
  scheduled = false;
  flushing = false;
  /** Timer that flushes "soon" writes if nothing else does. */
  soonTimer = null;
  idleWaiters = [];
  /** Runs whose insert is committed: their batches carry an ownership fence. */
  persistedRuns = /* @__PURE__ */ new Set();
  /** Runs dropped after a fence: everything staged for them is discarded. */
  lostRuns = /* @__PURE__ */ new Set();
  /** Successful store commits (diagnostics, tests). */
  commits = 0;
  /** Marks a run as already persisted (recovered runs). */
  adoptPersistedRun(runId) {
    this.persistedRuns.add(runId);
    this.lostRuns.delete(runId);
  }
  /** Forgets a finished or abandoned run's fence. */
  forgetRun(runId) {
    this.persistedRuns.delete(runId);
  }
  insertRun(run) {
    this.stage(run.id, { type: "run.insert", run });
  }
  updateRun(runId, patch) {
    const existing = this.runPatches.get(runId);
    if (existing) Object.assign(existing, patch);
    else {
      const p = { ...patch };
      this.runPatches.set(runId, p);
      this.stage(runId, { type: "run.update", runId, patch: p });
    }
  }
  insertTasks(runId, tasks) {
    this.stage(runId, { type: "tasks.insert", tasks });
  }
  updateTask(runId, taskRunId, patch) {
    const existing = this.taskPatches.get(taskRunId);
    if (existing) Object.assign(existing, patch);
    else {
      const p = { ...patch };
      this.taskPatches.set(taskRunId, p);
      this.stage(runId, { type: "task.update", taskRunId, patch: p });
    }
  }
  insertAttempt(attempt) {
    const a2 = { ...attempt };
    this.attemptInserts.set(a2.id, a2);
    this.stage(a2.runId, { type: "attempt.insert", attempt: a2 });
  }
  updateAttempt(runId, attemptId, patch) {
    const inserted = this.attemptInserts.get(attemptId);
    if (inserted) {
      Object.assign(inserted, patch);
      this.schedule();
      return;
    }
    const existing = this.attemptPatches.get(attemptId);
    if (existing) {
      Object.assign(existing, patch);
      this.schedule();
    } else {
      const p = { ...patch };
      this.attemptPatches.set(attemptId, p);
      this.stage(runId, { type: "attempt.update", attemptId, patch: p });
    }
  }
  /**
   * Like {@link WriteQueue.updateAttempt}, for data that is not announced:
   * committed with the next batch, or on its own after `maxDelayMs` if no
   * batch comes (merged with the attempt's other updates meanwhile).
   */
  updateAttemptSoon(runId, attemptId, patch, maxDelayMs) {
    const inserted = this.attemptInserts.get(attemptId);
    const existing = this.attemptPatches.get(attemptId);
    if (inserted) Object.assign(inserted, patch);
    else if (existing) Object.assign(existing, patch);
    else {
      const p = { ...patch };
      this.attemptPatches.set(attemptId, p);
      this.staged.push({ runId, mutation: { type: "attempt.update", attemptId, patch: p } });
    }
    if (this.soonTimer === null && !this.scheduled && !this.flushing) {
      this.soonTimer = this.clock.setTimer(() => {
        this.soonTimer = null;
        this.schedule();
      }, maxDelayMs);
    }
  }
  insertAllocation(allocation) {
    this.stage(allocation.runId, { type: "allocation.insert", allocation: { ...allocation } });
  }
  releaseAllocation(allocation) {
    this.stage(allocation.runId, {
      type: "allocation.release",
      allocationId: allocation.id,
      releasedAt: allocation.releasedAt ?? this.clock.now()
    });
  }
  releaseRunAllocations(runId, releasedAt) {
    this.stage(runId, { type: "allocations.releaseRun", runId, releasedAt });
  }
  appendLog(chunk) {
    if (!this.logChunks) {
      this.logChunks = { runId: "", mutation: { type: "logs.append", chunks: [] } };
      this.staged.push(this.logChunks);
      this.schedule();
    }
    this.logChunks.mutation.chunks.push(chunk);
  }
  appendSample(sample) {
    if (!this.samples) {
      this.samples = { runId: "", mutation: { type: "metrics.append", samples: [] } };
      this.staged.push(this.samples);
      this.schedule();
    }
    this.samples.mutation.samples.push(sample);
  }
  /** A state event, persisted with this batch and emitted after it commits. */
  event(event) {
    this.events.push(event);
    this.schedule();
  }
  /** An event emitted after this batch commits (its record, if any, was staged separately). */
  sideEvent(event) {
    this.side.push(event);
    this.schedule();
  }
  /** Runs `fn` after everything staged so far is committed (skipped if the run is lost). */
  after(runId, fn) {
    this.effects.push({ runId, fn });
    this.schedule();
  }
  /** Resolves when nothing is staged or in flight. */
  whenIdle() {
    if (!this.flushing && !this.scheduled && this.isEmpty()) return Promise.resolve();
    this.schedule();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
  /** Whether work is staged or a commit is in flight. */
  get busy() {
    return this.flushing || this.scheduled || !this.isEmpty();
  }
  stage(runId, mutation) {
    this.staged.push({ runId, mutation });
    this.schedule();
  }
  isEmpty() {
    return this.staged.length === 0 && this.events.length === 0 && this.side.length === 0 && this.effects.length === 0;
  }
  schedule() {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flushLoop();
    });
  }
  async flushLoop() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (!this.isEmpty()) {
        if (this.soonTimer !== null) {
          this.clock.clearTimer(this.soonTimer);
          this.soonTimer = null;
        }
        const staged = this.staged;
        const events = this.events;
        const side = this.side;
        const effects = this.effects;
        this.staged = [];
        this.events = [];
        this.side = [];
        this.effects = [];
        this.runPatches.clear();
        this.taskPatches.clear();
        this.attemptInserts.clear();
        this.attemptPatches.clear();
        this.logChunks = null;
        this.samples = null;
        await this.commitBatch(staged, events);
        this.announce(events, side, effects);
      }
    } finally {
      this.flushing = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
  /** Commits until success; drops lost runs' writes after a fence. */
  async commitBatch(staged, events) {
    let entries = staged.filter((s) => !this.lostRuns.has(s.runId));
    let evs = events.filter((e) => !this.lostRuns.has(e.runId));
    let failures = 0;
    for (; ; ) {
      if (entries.length === 0 && evs.length === 0) return;
      const mutations = entries.map((s) => s.mutation);
      if (evs.length > 0) {
        mutations.push({
          type: "events.append",
          events: evs.map((e) => ({ runId: e.runId, seq: e.seq, ts: e.ts, type: e.type, payload: eventPayload(e) }))
        });
      }
      const fenced = /* @__PURE__ */ new Set();
      for (const s of entries) if (this.persistedRuns.has(s.runId)) fenced.add(s.runId);
      for (const e of evs) if (this.persistedRuns.has(e.runId)) fenced.add(e.runId);
      try {
        const result = await this.store.commit({
          mutations,
          fence: fenced.size > 0 ? { instanceId: this.instanceId, runIds: [...fenced] } : void 0
        });
        if (result.ok) {
          this.commits++;
          for (const s of entries) if (s.mutation.type === "run.insert") this.persistedRuns.add(s.runId);
          return;
        }
        this.logger.warn("lost ownership of runs", { runIds: result.lostRunIds });
        for (const id of result.lostRunIds) {
          this.lostRuns.add(id);
          this.persistedRuns.delete(id);
        }
        entries = entries.filter((s) => !this.lostRuns.has(s.runId));
        evs = evs.filter((e) => !this.lostRuns.has(e.runId));
        this.onFenced(result.lostRunIds);
      } catch (err) {
        failures++;
        const delay = Math.min(5e3, 50 * 2 ** Math.min(failures, 7));
        this.logger.error("store commit failed; retrying", { error: String(err), failures, retryInMs: delay });
        await new Promise((resolve) => this.clock.setTimer(resolve, delay));
      }
    }
  }
  announce(events, side, effects) {
    for (const e of events) if (!this.lostRuns.has(e.runId)) this.bus.emit(e);
    for (const e of side) {
      const runId = "runId" in e ? e.runId : e.type === "allocation" ? e.allocation.runId : null;
      if (runId === null || !this.lostRuns.has(runId) || e.type === "run.lost") this.bus.emit(e);
    }
    for (const f of effects) {
      if (f.runId !== null && this.lostRuns.has(f.runId)) continue;
      try {
        f.fn();
      } catch (err) {
        this.logger.error("post-commit effect threw", { error: String(err) });
      }
    }
  }
};

// lib/engine/engine.ts
var Engine = class {
  instanceId;
  store;
  ctx;
  bus;
  writer;
  scheduler;
  newRunId;
  host;
  pid;
  runOrder = 0;
  started = null;
  stopped = false;
  heartbeatTimer = null;
  controlTimer = null;
  recovering = null;
  /** Runs being loaded from the store (recovery or retry), to never load one twice. */
  restoring = /* @__PURE__ */ new Set();
  constructor(options) {
    this.store = options.store;
    this.instanceId = options.instanceId ?? randomUUID();
    this.host = options.host ?? os.hostname();
    this.pid = options.pid ?? process.pid;
    this.newRunId = options.newRunId ?? randomUUID;
    const clock = options.clock ?? new RealClock();
    const logger = options.logger ?? silentLogger;
    const resolved = {
      maxConcurrentTasks: options.limits?.maxConcurrentTasks ?? Number.POSITIVE_INFINITY,
      defaultShellCpu: options.defaultShellCpu ?? 1,
      abortSettleMs: options.abortSettleMs ?? 15e3,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5e3,
      heartbeatExpiryMs: options.heartbeatExpiryMs ?? 3e4,
      adoptOrphans: options.adoptOrphans ?? true,
      controlPollIntervalMs: options.controlPollIntervalMs ?? 1e3
    };
    const pools = new ResourcePools({
      [CPU_POOL]: os.availableParallelism(),
      [MEMORY_POOL]: Math.floor(os.totalmem() / (1024 * 1024)),
      ...options.pools
    });
    this.bus = new EventBus(logger);
    this.writer = new WriteQueue(this.store, this.bus, clock, logger, this.instanceId, (ids) => this.onFenced(ids));
    this.ctx = {
      clock,
      writer: this.writer,
      bus: this.bus,
      logger,
      pools,
      executors: options.executors,
      instanceId: this.instanceId,
      host: this.host,
      random: options.random ?? Math.random,
      options: resolved
    };
    this.scheduler = new Scheduler(this.ctx, (run) => this.onRunFinished(run));
  }
  /** Registers the instance, starts heartbeats and recovers runs (idempotent). */
  start() {
    this.started ??= (async () => {
      const now = this.ctx.clock.now();
      await this.store.upsertInstance({ id: this.instanceId, host: this.host, pid: this.pid, startedAt: now, heartbeatAt: now });
      this.armHeartbeat();
      this.armControlPoll();
      return this.recover();
    })().catch((err) => {
      this.started = null;
      throw err;
    });
    return this.started;
  }
  /**
   * Graceful stop: running attempts are aborted and recorded as `cancelled`
   * (reason `engine-stopped`) without using up a retry; their steps go back
   * to `ready`; runs are released (owner = null) for the next instance.
   */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    if (this.heartbeatTimer) this.ctx.clock.clearTimer(this.heartbeatTimer);
    if (this.controlTimer) this.ctx.clock.clearTimer(this.controlTimer);
    await this.recovering?.catch(() => void 0);
    this.scheduler.handOverAll();
    await this.writer.whenIdle();
    await Promise.allSettled(this.scheduler.runner.pending());
    await this.store.removeInstance(this.instanceId);
  }
  /** Takes over claimable runs: this instance's own after a restart, dead owners', unowned queued ones. */
  recover() {
    this.recovering ??= this.doRecover().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }
  async doRecover() {
    const report = { recovered: [], skipped: [] };
    const expiredBefore = this.ctx.clock.now() - this.ctx.options.heartbeatExpiryMs;
    const candidates = await this.store.listClaimableRuns({ expiredBefore, instanceId: this.instanceId, limit: 100 });
    for (const candidate of candidates) {
      const id = candidate.id;
      if (this.scheduler.runs.has(id) || this.restoring.has(id) || this.stopped) continue;
      this.restoring.add(id);
      try {
        const claimed = await this.store.claimRun({ runId: id, instanceId: this.instanceId, expiredBefore });
        const record = claimed ? await this.store.getRun(id) : null;
        if (!record || this.scheduler.runs.has(id)) {
          report.skipped.push(id);
          continue;
        }
        const previousOwner = candidate.ownerInstanceId;
        await restoreRun(this.ctx, this.store, this.scheduler, { ...record, ownerInstanceId: previousOwner }, this.runOrder++, { kind: "recover" });
        report.recovered.push(id);
        this.ctx.logger.info("recovered run", { runId: id, previousOwner });
      } finally {
        this.restoring.delete(id);
      }
    }
    return report;
  }
  /** Validates, persists and starts a run. Resolves once the run is persisted. */
  async startRun(input) {
    await this.start();
    const { clock, pools, writer } = this.ctx;
    const validation = validateWorkflow(input.definition, { pools: pools.capacities() });
    if (!validation.ok) return { ok: false, reason: "invalid-definition", problems: validation.problems };
    const definition = validation.definition;
    const { params, missing } = resolveParams(definition, input.params);
    if (missing.length > 0) return { ok: false, reason: "missing-params", missing };
    const plan = remainingPaths(definition.steps, input.estimates, validation.dag);
    const runId = this.newRunId();
    const now = clock.now();
    const record = {
      id: runId,
      workflowVersionId: input.workflowVersionId,
      projectId: input.projectId ?? null,
      status: "running",
      params,
      trigger: input.trigger ?? "api",
      triggeredBy: input.triggeredBy ?? null,
      ownerInstanceId: this.instanceId,
      definition,
      workingDir: input.workingDir ?? null,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
      deadlineAt: definition.timeoutSec !== void 0 ? now + definition.timeoutSec * 1e3 : null,
      pausedAt: null,
      pausedBy: null,
      cancelledAt: null,
      cancelledBy: null,
      error: null,
      metrics: null,
      controlRequest: null
    };
    const order = this.runOrder++;
    const tasks = buildTasks(runId, definition, validation.dag, plan, order, this.ctx.options);
    const run = new RunState({ record, dag: validation.dag, tasks, order, seq: 0 });
    writer.insertRun(record);
    for (const t of tasks) if (t.status === "ready") t.queuedAt = now;
    writer.insertTasks(runId, tasks.map((t) => initialTaskRecord(runId, t, now)));
    this.scheduler.transitions.runEvent(run, {
      type: "run.created",
      workflowVersionId: record.workflowVersionId,
      trigger: record.trigger,
      triggeredBy: record.triggeredBy,
      params,
      stepCount: tasks.length
    });
    if (record.deadlineAt !== null) {
      run.deadlineTimer = clock.setTimer(() => timeoutRun(this.scheduler, run), record.deadlineAt - now);
    }
    this.scheduler.addRun(run);
    await this.committed();
    return { ok: true, runId };
  }
  /** Pauses a run owned by this instance. */
  /**
   * Pauses a run. If another live instance executes it, the request is left
   * for that owner (`{ ok: true, deferred: true }`), which applies it within
   * `controlPollIntervalMs`.
   */
  pause(runId, opts = {}) {
    return this.control(runId, "pause", opts.by ?? null, (run) => this.applyControl(run, "pause", opts.by ?? null));
  }
  /** Resumes a paused run (same ownership rules as {@link Engine.pause}). */
  resume(runId, opts = {}) {
    return this.control(runId, "resume", opts.by ?? null, (run) => this.applyControl(run, "resume", opts.by ?? null));
  }
  /** Cancels a run (same ownership rules as {@link Engine.pause}). */
  cancel(runId, opts = {}) {
    return this.control(runId, "cancel", opts.by ?? null, (run) => this.applyControl(run, "cancel", opts.by ?? null));
  }
  applyControl(run, action, by) {
    const now = this.ctx.clock.now();
    switch (action) {
      case "pause":
        return pauseRun(this.scheduler, run, by, now);
      case "resume":
        return resumeRun(this.scheduler, run, by);
      case "cancel":
        return cancelRun(this.scheduler, run, by, now);
    }
  }
  /**
   * Applies controls other instances left for the runs this instance has
   * live. (A run being adopted takes its own pending request in recovery,
   * before it dispatches anything; it is not taken here meanwhile.)
   */
  async pollControls() {
    const live3 = [...this.scheduler.runs.keys()];
    if (live3.length === 0) return;
    const requests = await this.store.takeControlRequests(this.instanceId, live3);
    for (const { runId, request } of requests) {
      const run = this.scheduler.runs.get(runId);
      if (!run) continue;
      const result = this.applyControl(run, request.action, request.by);
      if (!result.ok) this.ctx.logger.warn("requested control not applied", { runId, action: request.action, message: result.message });
    }
  }
  armControlPoll() {
    if (this.controlTimer || this.stopped) return;
    const { clock, options, logger } = this.ctx;
    this.controlTimer = clock.setTimer(
      () => {
        this.controlTimer = null;
        void this.pollControls().catch((err) => logger.error("control poll failed", { error: String(err) })).finally(() => {
          if (!this.stopped) this.armControlPoll();
        });
      },
      options.controlPollIntervalMs,
      { unref: true }
    );
  }
  /** Re-runs the failed, upstream-failed and cancelled steps of a failed or cancelled run. */
  async retryFailed(runId, opts = {}) {
    await this.start();
    if (this.scheduler.runs.has(runId) || this.restoring.has(runId)) {
      return { ok: false, reason: "invalid-state", message: "the run is still active" };
    }
    this.restoring.add(runId);
    try {
      const existing = await this.store.getRun(runId);
      if (!existing) return { ok: false, reason: "not-found", message: `run ${runId} not found` };
      if (existing.status !== "failed" && existing.status !== "cancelled") {
        return { ok: false, reason: "invalid-state", message: `cannot retry a ${existing.status} run` };
      }
      if (!await this.store.reopenRun({ runId, instanceId: this.instanceId })) {
        return { ok: false, reason: "invalid-state", message: "the run was reopened by someone else" };
      }
      await restoreRun(this.ctx, this.store, this.scheduler, existing, this.runOrder++, { kind: "retry", by: opts.by ?? null });
    } finally {
      this.restoring.delete(runId);
    }
    await this.committed();
    return { ok: true };
  }
  async control(runId, action, by, fn) {
    const run = this.scheduler.runs.get(runId);
    if (!run) {
      const stored = await this.store.getRun(runId);
      if (!stored) return { ok: false, reason: "not-found", message: `run ${runId} not found` };
      if (FINAL_RUN_STATUSES.includes(stored.status)) return { ok: false, reason: "invalid-state", message: `the run is ${stored.status}` };
      const recorded = await this.store.requestControl({ runId, request: { action, by, at: this.ctx.clock.now() } });
      if (!recorded) return { ok: false, reason: "invalid-state", message: "the run has finished" };
      return { ok: true, deferred: true };
    }
    const result = fn(run);
    if (result.ok) await this.committed();
    return result;
  }
  /** A run with its steps and current wait reasons (live if owned here, else from the store). */
  async getRun(runId) {
    const live3 = this.scheduler.runs.get(runId);
    const record = live3 ? live3.record : await this.store.getRun(runId);
    if (!record) return null;
    const rows = await this.store.listTaskRuns(runId);
    const snap = { globalRunning: this.scheduler.running, globalLimit: this.ctx.options.maxConcurrentTasks, pools: this.ctx.pools };
    return buildRunView(record, rows, live3 ?? null, snap);
  }
  /** Resolves with the final run record once the run has finished. */
  async waitForRun(runId) {
    return new Promise((resolve, reject) => {
      const unsubscribe = this.subscribe((e) => {
        if (e.type === "run.status" && e.runId === runId && FINAL_RUN_STATUSES.includes(e.status)) {
          unsubscribe();
          void this.store.getRun(runId).then((r) => r ? resolve(r) : reject(new Error("run vanished")), reject);
        }
      });
      void this.store.getRun(runId).then((r) => {
        if (!r) {
          unsubscribe();
          reject(new Error(`run ${runId} not found`));
        } else if (FINAL_RUN_STATUSES.includes(r.status) && !this.scheduler.runs.has(runId)) {
          unsubscribe();
          resolve(r);
        }
      }, reject);
    });
  }
  /** Changes (or creates) a pool; applies to live runs at once. */
  setPoolCapacity(name, capacity) {
    const info = this.ctx.pools.setCapacity(name, capacity);
    this.writer.sideEvent({ type: "pool.capacity", pool: name, capacity, ts: this.ctx.clock.now() });
    this.scheduler.poolChanged(name);
    return info;
  }
  /** State of every pool of this instance. */
  listPools() {
    return this.ctx.pools.list();
  }
  /** Ids of runs this instance executes now. */
  liveRunIds() {
    return [...this.scheduler.runs.keys()];
  }
  /** Attempts running on this instance. */
  get runningCount() {
    return this.scheduler.running;
  }
  /** Subscribes to the event stream; returns the unsubscribe function. */
  subscribe(listener) {
    return this.bus.subscribe(listener);
  }
  /** Resolves when every staged write is committed and announced. */
  whenIdle() {
    return this.writer.whenIdle();
  }
  committed() {
    return new Promise((resolve) => this.writer.after(null, resolve));
  }
  armHeartbeat() {
    if (this.heartbeatTimer || this.stopped) return;
    const { clock, options, logger } = this.ctx;
    this.heartbeatTimer = clock.setTimer(
      () => {
        this.heartbeatTimer = null;
        void this.beat().catch((err) => logger.error("heartbeat failed", { error: String(err) })).finally(() => {
          if (!this.stopped) this.armHeartbeat();
        });
      },
      options.heartbeatIntervalMs,
      { unref: true }
    );
  }
  async beat() {
    const now = this.ctx.clock.now();
    const alive = await this.store.heartbeat(this.instanceId, now);
    if (!alive) {
      await this.store.upsertInstance({ id: this.instanceId, host: this.host, pid: this.pid, startedAt: now, heartbeatAt: now });
    }
    if (this.ctx.options.adoptOrphans && !this.stopped) await this.recover();
  }
  onRunFinished(run) {
    this.writer.after(run.id, () => {
      if (this.scheduler.runs.get(run.id) === run) this.scheduler.runs.delete(run.id);
      this.writer.forgetRun(run.id);
    });
  }
  onFenced(runIds) {
    const now = this.ctx.clock.now();
    for (const id of runIds) {
      const run = this.scheduler.runs.get(id);
      if (run) this.scheduler.forget(run);
      this.writer.sideEvent({ type: "run.lost", runId: id, ts: now });
    }
  }
};

// lib/engine/simulate.ts
var FAR = Number.MAX_SAFE_INTEGER / 4;

// lib/engine/executors/delay.ts
function createDelayExecutor(clock = new RealClock()) {
  return {
    execute(ctx) {
      const ms2 = delayMsOf(ctx.step);
      if (ctx.signal.aborted) return Promise.resolve({ ok: false, reason: "aborted", message: "aborted" });
      return new Promise((resolve) => {
        const onAbort = () => {
          clock.clearTimer(timer);
          resolve({ ok: false, reason: "aborted", message: "aborted" });
        };
        const timer = clock.setTimer(() => {
          ctx.signal.removeEventListener("abort", onAbort);
          resolve({ ok: true, outputs: { delayedMs: ms2 } });
        }, ms2);
        ctx.signal.addEventListener("abort", onAbort, { once: true });
      });
    }
  };
}

// lib/engine/executors/http.ts
var DEFAULT_MAX_BODY = 64 * 1024;
function createHttpExecutor(options = {}) {
  const doFetch = options.fetch ?? fetch;
  return {
    async execute(ctx) {
      const http = ctx.step.http;
      if (!http) return { ok: false, reason: "invalid-config", message: "no `http` block" };
      const scope = { params: ctx.params, outputs: ctx.upstreamOutputs };
      const url = renderTemplate(http.url, scope);
      const headers = {};
      for (const [k, v] of Object.entries(http.headers ?? {})) headers[k] = renderTemplate(v, scope);
      let body;
      if (typeof http.body === "string") body = renderTemplate(http.body, scope);
      else if (http.body !== void 0) {
        body = JSON.stringify(renderDeep(http.body, scope));
        if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
      }
      const signals = [ctx.signal];
      if (ctx.timeoutMs !== null) signals.push(AbortSignal.timeout(ctx.timeoutMs));
      const signal2 = AbortSignal.any(signals);
      const started = Date.now();
      let res;
      try {
        res = await doFetch(url, { method: http.method, headers, body, signal: signal2, redirect: "follow" });
      } catch (err) {
        return failure(err, ctx.signal.aborted);
      }
      let text;
      let truncated;
      try {
        ({ text, truncated } = await readLimited(res, http.maxBodyBytes ?? DEFAULT_MAX_BODY));
      } catch (err) {
        return failure(err, ctx.signal.aborted);
      }
      ctx.log("stdout", `${http.method} ${url} \u2192 ${res.status} (${Date.now() - started} ms)
`);
      const outputs = { status: res.status, body: text };
      if (truncated) outputs.truncated = true;
      if (!truncated && (res.headers.get("content-type") ?? "").includes("json")) {
        try {
          outputs.json = JSON.parse(text);
        } catch {
        }
      }
      const expected = http.expectStatus;
      const accepted = expected ? expected.includes(res.status) : res.status >= 200 && res.status < 300;
      if (!accepted) {
        const want = expected ? expected.join(", ") : "2xx";
        return { ok: false, reason: "http-status", message: `HTTP ${res.status}, expected ${want}`, outputs };
      }
      return { ok: true, outputs };
    }
  };
}
function failure(err, aborted) {
  const e = err;
  if (aborted) return { ok: false, reason: "aborted", message: "aborted" };
  if (e?.name === "TimeoutError") return { ok: false, reason: "timeout", message: "request timed out" };
  const detail = e?.cause?.message ? `${e.message}: ${e.cause.message}` : e?.message ?? String(err);
  return { ok: false, reason: "network", message: detail };
}
async function readLimited(res, max) {
  if (!res.body) return { text: "", truncated: false };
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  let truncated = false;
  for (; ; ) {
    const { done: done2, value } = await reader.read();
    if (done2) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      size = max;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated };
}

// lib/engine/executors/noop.ts
var DONE = Promise.resolve({ ok: true, outputs: {} });
var ABORTED = Promise.resolve({ ok: false, reason: "aborted", message: "aborted" });
var noopExecutor = {
  execute: (ctx) => ctx.signal.aborted ? ABORTED : DONE
};

// lib/engine/executors/shell.ts
import { randomUUID as randomUUID2 } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { readFile, stat, unlink } from "node:fs/promises";
import os2 from "node:os";
import path from "node:path";

// lib/engine/executors/orphans.ts
import { readFileSync as readFileSync2 } from "node:fs";

// lib/engine/executors/process-tree.ts
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import pidusage from "pidusage";
var HAS_PROC = process.platform === "linux" && existsSync("/proc/self/stat");
var CLOCK_TICKS = 100;
var pageSize = null;
function pageBytes() {
  if (pageSize === null) {
    try {
      pageSize = Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}
function readProcStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const num = (i) => Number(f[i] ?? 0);
  return {
    pid,
    state: f[0] ?? "?",
    ppid: num(1),
    pgrp: num(2),
    cpuSeconds: (num(11) + num(12) + num(13) + num(14)) / CLOCK_TICKS,
    rssBytes: num(21) * pageBytes(),
    startTicks: num(19)
  };
}
var bootIdCache;
function bootId() {
  if (bootIdCache === void 0) {
    try {
      bootIdCache = HAS_PROC ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null : null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}
function processStartIdentity(pid) {
  const boot = bootId();
  if (boot === null) return null;
  const st = readProcStat(pid);
  return st ? `${boot}:${st.startTicks}` : null;
}
function listProcesses() {
  if (!HAS_PROC) return [];
  const out = [];
  for (const name of readdirSync("/proc")) {
    const c2 = name.charCodeAt(0);
    if (c2 < 48 || c2 > 57) continue;
    const st = readProcStat(Number(name));
    if (st) out.push(st);
  }
  return out;
}
function processTree(root, all = listProcesses()) {
  const children = /* @__PURE__ */ new Map();
  for (const p of all) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const seen = /* @__PURE__ */ new Map();
  for (const p of all) if (p.pgrp === root || p.pid === root) seen.set(p.pid, p);
  const stack = [...seen.values()];
  while (stack.length > 0) {
    const p = stack.pop();
    for (const c2 of children.get(p.pid) ?? []) {
      if (!seen.has(c2.pid)) {
        seen.set(c2.pid, c2);
        stack.push(c2);
      }
    }
  }
  return [...seen.values()].filter((p) => p.state !== "Z" && p.state !== "X");
}
function isAlive(pid) {
  if (HAS_PROC) {
    const st = readProcStat(pid);
    return st !== null && st.state !== "Z" && st.state !== "X";
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
function signalTree(pgid, pids, signal2) {
  try {
    process.kill(-pgid, signal2);
  } catch {
  }
  for (const pid of pids) {
    try {
      process.kill(pid, signal2);
    } catch {
    }
  }
}
async function sampleTree(root) {
  if (HAS_PROC) {
    const tree = processTree(root);
    if (tree.length === 0) return null;
    let cpu = 0;
    let rss = 0;
    for (const p of tree) {
      cpu += p.cpuSeconds;
      rss += p.rssBytes;
    }
    return { cpuSeconds: cpu, rssMb: rss / (1024 * 1024), pids: tree.map((p) => p.pid) };
  }
  try {
    const s = await pidusage(root);
    return { cpuSeconds: s.ctime / 1e3, rssMb: s.memory / (1024 * 1024), pids: [root] };
  } catch {
    return null;
  }
}
function clearUsageHistory() {
  if (!HAS_PROC) pidusage.clear();
}
var hasProcFs = HAS_PROC;

// lib/engine/executors/orphans.ts
var live2 = (p) => p.state !== "Z" && p.state !== "X";
var EMPTY = { procs: /* @__PURE__ */ new Map(), group: null };
function environHas(pid, needles) {
  let env;
  try {
    env = `\0${readFileSync2(`/proc/${pid}/environ`, "latin1")}`;
  } catch {
    return false;
  }
  return needles.every((n) => env.includes(n));
}
function groupIsOurs(attempt, all) {
  const pgid = attempt.processGroupId;
  if (pgid === null || attempt.processStartTime === null) return false;
  const sep = attempt.processStartTime.lastIndexOf(":");
  const boot = attempt.processStartTime.slice(0, sep);
  const ticks = Number(attempt.processStartTime.slice(sep + 1));
  if (boot !== bootId()) return false;
  const leader = all.find((p) => p.pid === pgid);
  return leader === void 0 || leader.startTicks === ticks;
}
function findProcesses(attempt, scanEnv, known = EMPTY) {
  const all = listProcesses();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const found = /* @__PURE__ */ new Set();
  let group = null;
  if (groupIsOurs(attempt, all)) {
    const tree = processTree(attempt.processGroupId, all);
    if (tree.length > 0) group = attempt.processGroupId;
    for (const p of tree) found.add(p.pid);
  }
  if (scanEnv) {
    const needles = [`\0MYRMEX_RUN_ID=${attempt.runId}\0`, `\0MYRMEX_STEP_ID=${attempt.stepId}\0`, `\0MYRMEX_ATTEMPT=${attempt.attempt}\0`];
    for (const p of all) {
      if (p.pid === process.pid || found.has(p.pid) || !live2(p)) continue;
      if (environHas(p.pid, needles)) found.add(p.pid);
    }
  }
  for (const [pid, ticks] of known.procs) if (byPid.get(pid)?.startTicks === ticks) found.add(pid);
  const procs = /* @__PURE__ */ new Map();
  for (const pid of found) {
    const p = byPid.get(pid);
    if (p !== void 0 && live2(p)) procs.set(pid, p.startTicks);
  }
  return { procs, group };
}
function signal({ procs, group }, sig) {
  if (group !== null) {
    try {
      process.kill(-group, sig);
    } catch {
    }
  }
  for (const pid of procs.keys()) {
    try {
      process.kill(pid, sig);
    } catch {
    }
  }
}
var sleep = (ms2) => new Promise((r) => setTimeout(r, ms2));
async function waitGone(attempt, known, ms2, pollMs) {
  const deadline = Date.now() + ms2;
  for (; ; ) {
    let left = findProcesses(attempt, false, known);
    if (left.procs.size === 0) left = findProcesses(attempt, true, known);
    if (left.procs.size === 0 || Date.now() >= deadline) return left;
    await sleep(pollMs);
  }
}
async function terminateLostAttempt(attempt, options = {}) {
  const graceMs = options.graceMs ?? 5e3;
  const killWaitMs = options.killWaitMs ?? 2e3;
  const pollMs = options.pollMs ?? 25;
  if (!hasProcFs) return withoutProcFs(attempt);
  const first = findProcesses(attempt, true);
  if (first.procs.size === 0) return { status: "gone" };
  const pids = [...first.procs.keys()];
  signal(first, "SIGTERM");
  const afterTerm = await waitGone(attempt, first, graceMs, pollMs);
  if (afterTerm.procs.size === 0) return { status: "killed", signal: "SIGTERM", pids };
  signal(afterTerm, "SIGKILL");
  const afterKill = await waitGone(attempt, afterTerm, killWaitMs, pollMs);
  if (afterKill.procs.size === 0) return { status: "killed", signal: "SIGKILL", pids: [.../* @__PURE__ */ new Set([...pids, ...afterTerm.procs.keys()])] };
  return { status: "survived", pids: [...afterKill.procs.keys()] };
}
function withoutProcFs(attempt) {
  if (attempt.processGroupId === null) {
    return { status: "unverifiable", message: "its process group was not recorded" };
  }
  try {
    process.kill(-attempt.processGroupId, 0);
  } catch (err) {
    if (err.code === "ESRCH") return { status: "gone" };
  }
  return { status: "unverifiable", message: `process group ${attempt.processGroupId} exists but cannot be verified without /proc` };
}

// lib/engine/executors/spawner.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";

// lib/engine/executors/spawn-helper-source.ts
var SPAWN_HELPER_SOURCE = String.raw`# Myrmex spawn helper (lib/engine/executors/spawner.ts): starts shell steps
# with posix_spawn (vfork-like: its cost does not grow with the engine's
# memory, unlike Node's fork-based spawn) and relays their output and exit
# status. One JSON object per line both ways; output bytes are base64.
# Exits when its stdin closes (the engine is gone).
import base64, json, os, selectors, signal, sys, time

signal.signal(signal.SIGINT, signal.SIG_IGN)
if not hasattr(os, "posix_spawn"):
    sys.exit(3)
# Children get every signal at its default (like libuv) and an empty mask.
RESET = [s for s in range(1, 32) if s not in (signal.SIGKILL, signal.SIGSTOP)]
DRAIN = 0.2
out = sys.stdout.buffer
sel = selectors.DefaultSelector()
wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
signal.set_wakeup_fd(wake_w)
signal.signal(signal.SIGCHLD, lambda *_: None)
sel.register(wake_r, selectors.EVENT_READ, ("sig",))
sel.register(0, selectors.EVENT_READ, ("cmd",))
procs = {}  # pid -> [request id, open pipes, exit message or None, drain deadline or None]
pipes = {}  # pid -> [fds]


def send(msg):
    try:
        out.write(json.dumps(msg, separators=(",", ":")).encode() + b"\n")
        out.flush()
    except (BrokenPipeError, OSError):
        os._exit(0)


def finish(pid):
    p = procs.pop(pid)
    for fd in pipes.pop(pid, []):
        try:
            sel.unregister(fd)
            os.close(fd)
        except (KeyError, ValueError, OSError):
            pass
    send(p[2])


def spawn(req):
    rid = req["id"]
    r1, w1 = os.pipe()
    r2, w2 = os.pipe()
    actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0), (os.POSIX_SPAWN_DUP2, w1, 1), (os.POSIX_SPAWN_DUP2, w2, 2)]
    argv = [req["file"]] + req["args"]
    try:
        os.chdir(req["cwd"])
        try:
            pid = os.posix_spawn(req["file"], argv, req["env"], file_actions=actions, setsigdef=RESET, setsigmask=[], setsid=True)
        except NotImplementedError:  # glibc < 2.26: a new process group is enough
            pid = os.posix_spawn(req["file"], argv, req["env"], file_actions=actions, setsigdef=RESET, setsigmask=[], setpgroup=0)
    except Exception as e:
        for fd in (r1, w1, r2, w2):
            os.close(fd)
        code = getattr(e, "errno", None)
        send({"t": "error", "id": rid, "message": "spawn %s %s" % (req["file"], os.strerror(code) if code else e)})
        return
    os.close(w1)
    os.close(w2)
    for fd, stream in ((r1, 1), (r2, 2)):
        os.set_blocking(fd, False)
        sel.register(fd, selectors.EVENT_READ, ("out", pid, stream, rid))
    procs[pid] = [rid, 2, None, None]
    pipes[pid] = [r1, r2]
    send({"t": "spawned", "id": rid, "pid": pid})


def reap():
    while procs:
        try:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        p = procs.get(pid)
        if p is None:
            continue
        # CPU time of the process and of the descendants it waited for (exact, unlike sampling).
        cpu = usage.ru_utime + usage.ru_stime
        if os.WIFSIGNALED(status):
            p[2] = {"t": "exit", "id": p[0], "code": None, "signal": signal.Signals(os.WTERMSIG(status)).name, "cpu": cpu}
        else:
            p[2] = {"t": "exit", "id": p[0], "code": os.WEXITSTATUS(status), "signal": None, "cpu": cpu}
        if p[1] == 0:
            finish(pid)
        else:
            p[3] = time.monotonic() + DRAIN  # background processes may hold the pipes


buf = b""
send({"t": "ready", "pid": os.getpid(), "python": sys.version.split()[0]})
while True:
    deadlines = [p[3] for p in procs.values() if p[3] is not None]
    timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
    for key, _ in sel.select(timeout):
        kind = key.data[0]
        if kind == "sig":
            try:
                while os.read(wake_r, 512):
                    pass
            except BlockingIOError:
                pass
        elif kind == "cmd":
            chunk = os.read(0, 1 << 16)
            if not chunk:
                sys.exit(0)
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                if line:
                    spawn(json.loads(line))
        else:
            _, pid, stream, rid = key.data
            try:
                data = os.read(key.fd, 1 << 16)
            except BlockingIOError:
                continue
            if data:
                send({"t": "out", "id": rid, "s": stream, "d": base64.b64encode(data).decode()})
                continue
            sel.unregister(key.fd)
            os.close(key.fd)
            pipes[pid].remove(key.fd)
            p = procs[pid]
            p[1] -= 1
            if p[1] == 0 and p[2] is not None:
                finish(pid)
    reap()
    now = time.monotonic()
    for pid in [pid for pid, p in procs.items() if p[3] is not None and p[3] <= now]:
        finish(pid)
`;

// lib/engine/executors/spawner.ts
var DRAIN_MS = 200;
var inlineSpawner = {
  mode: "inline",
  spawn(req, onOutput) {
    let child;
    try {
      child = spawn(req.file, req.args, {
        cwd: req.cwd ?? void 0,
        env: req.env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"]
      });
    } catch (err) {
      return { started: Promise.resolve({ error: err.message }), exited: new Promise(() => {
      }) };
    }
    const pid = child.pid;
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => onOutput("stdout", d));
    child.stderr.on("data", (d) => onOutput("stderr", d));
    const started = pid !== void 0 ? Promise.resolve({ pid }) : new Promise((resolve) => child.once("error", (err) => resolve({ error: err.message })));
    const exited = new Promise((resolve) => {
      child.once("exit", (code, signal2) => {
        let done2 = false;
        const finish = () => {
          if (done2) return;
          done2 = true;
          clearTimeout(drainTimer);
          resolve({ code, signal: signal2 });
        };
        const drainTimer = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish();
        }, DRAIN_MS);
        child.once("close", finish);
      });
    });
    return { started, exited };
  }
};
var HelperSpawner = class {
  constructor(options = {}) {
    this.options = options;
    this.python = options.python ?? "python3";
    this.fallback = options.fallback ?? inlineSpawner;
  }
  options;
  child = null;
  ready = false;
  unavailable = null;
  deaths = 0;
  nextId = 1;
  /** Requests sent and not yet finished (those written before "ready" are read once it is up). */
  pending = /* @__PURE__ */ new Map();
  python;
  fallback;
  buffer = "";
  get mode() {
    return this.unavailable === null ? "helper" : this.fallback.mode;
  }
  /** Pid of the running helper, if any (diagnostics, tests). */
  get helperPid() {
    return this.child?.pid ?? null;
  }
  /** Why the helper is not used (null while it is). */
  get unavailableReason() {
    return this.unavailable;
  }
  spawn(req, onOutput) {
    if (this.unavailable !== null) return this.fallback.spawn(req, onOutput);
    const child = this.child ?? this.startHelper();
    if (!child) return this.fallback.spawn(req, onOutput);
    const id = this.nextId++;
    let started;
    let exited;
    const startedP = new Promise((r) => started = r);
    const exitedP = new Promise((r) => exited = r);
    const p = { req, onOutput, started, exited, pid: null, decoders: [null, null] };
    this.pending.set(id, p);
    this.setRef(true);
    child.stdin.write(`${JSON.stringify({ id, file: req.file, args: req.args, cwd: req.cwd ?? process.cwd(), env: req.env })}
`);
    return { started: startedP, exited: exitedP };
  }
  startHelper() {
    let child;
    try {
      child = spawn(this.python, ["-c", SPAWN_HELPER_SOURCE], { stdio: ["pipe", "pipe", "pipe"], detached: true });
    } catch (err) {
      this.giveUp(`cannot start ${this.python}: ${err.message}`);
      return null;
    }
    this.child = child;
    this.ready = false;
    this.buffer = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d) => this.onData(d));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d) => {
      if (stderr.length < 4e3) stderr += d;
    });
    child.stdin.on("error", () => {
    });
    child.once("error", (err) => this.onHelperGone(child, `${this.python}: ${err.message}`));
    child.once("exit", (code, signal2) => this.onHelperGone(child, `exited (${signal2 ?? code})${stderr ? `: ${stderr.trim()}` : ""}`));
    return child;
  }
  onData(text) {
    this.buffer += text;
    let nl;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (line.length > 0) this.onMessage(JSON.parse(line));
    }
  }
  onMessage(m) {
    if (m.t === "ready") {
      this.ready = true;
      this.deaths = 0;
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    switch (m.t) {
      case "spawned":
        p.pid = m.pid;
        p.started({ pid: m.pid });
        return;
      case "error":
        this.pending.delete(m.id);
        p.started({ error: m.message });
        this.settleRef();
        return;
      case "out": {
        const text = (p.decoders[m.s - 1] ??= new StringDecoder("utf8")).write(Buffer.from(m.d, "base64"));
        if (text.length > 0) p.onOutput(m.s === 1 ? "stdout" : "stderr", text);
        return;
      }
      case "exit": {
        this.pending.delete(m.id);
        const o = p.decoders[0]?.end();
        const e = p.decoders[1]?.end();
        if (o) p.onOutput("stdout", o);
        if (e) p.onOutput("stderr", e);
        p.exited({ code: m.code, signal: m.signal, ...m.cpu !== void 0 ? { cpuSeconds: m.cpu } : {} });
        this.settleRef();
        return;
      }
    }
  }
  /** The helper exited or failed to start: fall back, or fail what it was running. */
  onHelperGone(child, reason) {
    if (this.child !== child) return;
    this.child = null;
    const wasReady = this.ready;
    this.ready = false;
    const pending = [...this.pending.values()];
    this.pending.clear();
    if (!wasReady) {
      this.giveUp(`spawn helper unusable: ${reason}`);
      for (const p of pending) this.redirect(p);
      return;
    }
    if (++this.deaths >= 3) this.giveUp(`spawn helper died ${this.deaths} times: ${reason}`);
    for (const p of pending) {
      if (p.pid === null) {
        this.redirect(p);
        continue;
      }
      try {
        process.kill(-p.pid, "SIGKILL");
      } catch {
      }
      p.exited({ code: null, signal: "SIGKILL" });
    }
  }
  /** Runs a request the helper never started with the fallback, wired to the same promises. */
  redirect(p) {
    const r = this.fallback.spawn(p.req, p.onOutput);
    void r.started.then(p.started);
    void r.exited.then(p.exited);
  }
  giveUp(reason) {
    if (this.unavailable !== null) return;
    this.unavailable = reason;
    this.options.onUnavailable?.(reason);
  }
  /** Keeps the process alive while steps run; lets it exit when idle. */
  setRef(on) {
    const c2 = this.child;
    if (!c2) return;
    for (const s of [c2.stdin, c2.stdout, c2.stderr]) {
      if (on) s?.ref();
      else s?.unref();
    }
    if (on) c2.ref();
    else c2.unref();
  }
  settleRef() {
    if (this.pending.size === 0) this.setRef(false);
  }
};
function createSpawner(mode = "auto", options = {}) {
  if (mode === "inline" || process.platform === "win32") return inlineSpawner;
  return new HelperSpawner(options);
}

// lib/engine/executors/shell.ts
var MAX_OUTPUT_FILE_BYTES = 1024 * 1024;
function envKey(name) {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}
function parseOutputLines(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    out[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return out;
}
function buildEnv(ctx, outFile, base) {
  const env = { ...base };
  for (const [k, v] of Object.entries(ctx.params)) env[`MYRMEX_PARAM_${envKey(k)}`] = v;
  for (const [step, outputs] of Object.entries(ctx.upstreamOutputs)) {
    for (const [k, v] of Object.entries(outputs)) {
      env[`MYRMEX_OUT_${envKey(step)}_${envKey(k)}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
  }
  const scope = { params: ctx.params, outputs: ctx.upstreamOutputs };
  for (const [k, v] of Object.entries(ctx.step.env ?? {})) env[k] = renderTemplate(v, scope);
  env.MYRMEX_RUN_ID = ctx.runId;
  env.MYRMEX_STEP_ID = ctx.stepId;
  env.MYRMEX_ATTEMPT = String(ctx.attempt);
  env.MYRMEX_OUTPUT = outFile;
  return env;
}
function createShellExecutor(options = {}) {
  const shell = options.shell ?? "/bin/sh";
  const killGraceMs = options.killGraceMs ?? 5e3;
  const sampleIntervalMs = options.sampleIntervalMs ?? 500;
  const outputDir = options.outputDir ?? os2.tmpdir();
  let spawner = typeof options.spawner === "object" ? options.spawner : null;
  const spawnerOf = () => spawner ??= createSpawner(process.env.MYRMEX_SHELL_SPAWNER === "inline" ? "inline" : options.spawner ?? "auto");
  return {
    async execute(ctx) {
      const command = ctx.step.run ?? "";
      if (command.trim() === "") return { ok: false, reason: "invalid-config", message: "no command in `run`" };
      if (ctx.signal.aborted) return { ok: false, reason: "aborted", message: "aborted before start" };
      const outFile = path.join(outputDir, `myrmex-out-${process.pid}-${randomUUID2()}`);
      const env = buildEnv(ctx, outFile, options.baseEnv ?? process.env);
      const result = await runProcess(ctx, spawnerOf(), shell, command, env, killGraceMs, sampleIntervalMs);
      const outputs = await readOutputs(outFile);
      if (result.kind === "spawn-error") {
        const cwd = ctx.workingDir;
        const bad = cwd !== null && !await stat(cwd).then((s) => s.isDirectory(), () => false);
        return {
          ok: false,
          reason: "spawn-failed",
          message: bad ? `working directory does not exist: ${cwd}` : result.message
        };
      }
      const usage = { cpuSeconds: result.cpuSeconds, peakMemoryMb: result.peakMemoryMb };
      if (result.aborted) return { ok: false, reason: "aborted", message: "killed (process group)", outputs, ...usage };
      if (result.signal) {
        return { ok: false, reason: "signal", message: `killed by ${result.signal}`, outputs, ...usage };
      }
      if (result.code !== 0) {
        return { ok: false, reason: "exit-non-zero", message: `exit code ${result.code}`, exitCode: result.code, outputs, ...usage };
      }
      return { ok: true, outputs, exitCode: 0, ...usage };
    },
    terminateOrphan(attempt) {
      return terminateLostAttempt(attempt, { graceMs: killGraceMs });
    }
  };
}
async function runProcess(ctx, spawner, shell, command, env, killGraceMs, sampleIntervalMs) {
  let pid;
  let cpuSeconds = null;
  let peakMemoryMb = null;
  let known = [];
  let aborted = false;
  let exited = false;
  let sampleTimer = null;
  let killTimer = null;
  const kill = () => {
    if (pid === void 0) return;
    const tree = hasProcFs ? processTree(pid).map((p) => p.pid) : [];
    known = [.../* @__PURE__ */ new Set([...known, ...tree])];
    signalTree(pid, known, "SIGTERM");
    killTimer = setTimeout(() => signalTree(pid, known, "SIGKILL"), killGraceMs);
  };
  const onAbort = () => {
    if (aborted) return;
    aborted = true;
    kill();
  };
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  const child = spawner.spawn({ file: shell, args: ["-c", command], cwd: ctx.workingDir, env }, (stream, text) => ctx.log(stream, text));
  const started = await child.started;
  if ("error" in started) {
    ctx.signal.removeEventListener("abort", onAbort);
    return { kind: "spawn-error", message: started.error };
  }
  pid = started.pid;
  ctx.processStarted?.({ processGroupId: pid, processStartTime: processStartIdentity(pid) });
  if (aborted || ctx.signal.aborted) {
    aborted = true;
    kill();
  }
  const sample = async () => {
    sampleTimer = null;
    if (exited) return;
    const s = await sampleTree(pid);
    if (s && !exited) {
      const prevCpu = cpuSeconds;
      cpuSeconds = Math.max(cpuSeconds ?? 0, s.cpuSeconds);
      peakMemoryMb = Math.max(peakMemoryMb ?? 0, s.rssMb);
      known = s.pids;
      const pct = prevCpu === null ? 0 : (cpuSeconds - prevCpu) / (sampleIntervalMs / 1e3) * 100;
      ctx.sample(Math.max(0, pct), s.rssMb);
    }
    if (!exited) sampleTimer = setTimeout(() => void sample(), sampleIntervalMs);
  };
  sampleTimer = setTimeout(() => void sample(), Math.min(100, sampleIntervalMs));
  const { code, signal: signal2, cpuSeconds: finalCpu } = await child.exited;
  exited = true;
  if (finalCpu !== void 0) cpuSeconds = Math.max(cpuSeconds ?? 0, finalCpu);
  if (sampleTimer) clearTimeout(sampleTimer);
  ctx.signal.removeEventListener("abort", onAbort);
  clearUsageHistory();
  if (aborted) await waitTreeGone(pid, known, killGraceMs + 2e3);
  if (killTimer) clearTimeout(killTimer);
  return { kind: "exited", code: code ?? 128, signal: code === null ? signal2 : null, aborted, cpuSeconds, peakMemoryMb };
}
async function waitTreeGone(pgid, known, maxMs) {
  const deadline = Date.now() + maxMs;
  for (; ; ) {
    const alive = hasProcFs ? processTree(pgid).length > 0 || known.some(isAlive) : known.some(isAlive);
    if (!alive) return;
    if (Date.now() > deadline) {
      signalTree(pgid, known, "SIGKILL");
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
async function readOutputs(file) {
  if (!existsSync2(file)) return {};
  try {
    const text = await readFile(file, "utf8");
    void unlink(file).catch(() => void 0);
    return parseOutputLines(text.length > MAX_OUTPUT_FILE_BYTES ? text.slice(0, MAX_OUTPUT_FILE_BYTES) : text);
  } catch {
    return {};
  }
}

// lib/engine/executors/registry.ts
function defaultExecutors(options = {}) {
  return {
    shell: createShellExecutor(options.shell),
    http: createHttpExecutor(options.http),
    delay: createDelayExecutor(options.clock),
    noop: noopExecutor,
    ...options.extra
  };
}

// lib/generated/sqlite/client.ts
import * as path2 from "node:path";
import { fileURLToPath } from "node:url";

// lib/generated/sqlite/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
var config = {
  "generator": {
    "name": "client",
    "provider": {
      "fromEnvVar": null,
      "value": "prisma-client"
    },
    "output": {
      "value": "/work/main/lib/generated/sqlite",
      "fromEnvVar": null
    },
    "config": {
      "engineType": "client"
    },
    "binaryTargets": [
      {
        "fromEnvVar": null,
        "value": "debian-openssl-3.0.x",
        "native": true
      }
    ],
    "previewFeatures": [],
    "sourceFilePath": "/work/main/prisma/schema.prisma",
    "isCustomOutput": true
  },
  "relativePath": "../../../prisma",
  "clientVersion": "6.19.3",
  "engineVersion": "c2990dca591cba766e3b7ef5d9e8a84796e47ab7",
  "datasourceNames": [
    "db"
  ],
  "activeProvider": "sqlite",
  "postinstall": false,
  "inlineDatasources": {
    "db": {
      "url": {
        "fromEnvVar": "DATABASE_URL",
        "value": null
      }
    }
  },
  "inlineSchema": `// Myrmex data model \u2014 the SOURCE OF TRUTH (SQLite).
//
// prisma/postgresql/schema.prisma is GENERATED from this file by
// \`node scripts/gen-pg-schema.mjs\` (provider and client output swapped);
// never edit the generated copy. \`node scripts/gen-pg-schema.mjs --check\`
// fails when the two drift. Keep to features both providers support: no
// native types (@db.*), no provider-specific defaults.
//
// Conventions
// - Ids are strings. App-created rows default to cuid(); the engine supplies
//   its own ids (UUID-like) for runs, task runs, attempts and allocations.
// - Timestamps are DateTime (UTC). The engine port speaks epoch ms and
//   converts at the boundary (lib/db/engine-store.ts).
// - Engine-facing "who" columns (triggeredById, pausedBy, cancelledBy,
//   instanceId, workerId, ownerInstanceId) are plain strings WITHOUT foreign
//   keys: they may name a user, a token, "cli" or an engine instance that is
//   long gone, and history must survive the deletion of what they name.
// - Deleting a project cascades to its workflows \u2192 versions \u2192 runs \u2192 task
//   runs \u2192 attempts, logs, events, allocations and metric samples.

generator client {
  provider   = "prisma-client"
  output     = "../lib/generated/sqlite"
  engineType = "client"
}

datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Projects \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

enum ProjectStatus {
  active
  paused
  archived
}

model Project {
  id          String        @id @default(cuid())
  name        String
  /// URL-safe identifier, unique across projects.
  slug        String        @unique
  description String        @default("")
  /// Working directory for the project's shell steps (absolute or relative to the data dir).
  workingDir  String?
  status      ProjectStatus @default(active)
  /// Optimistic concurrency: bump on every update, update WHERE version = expected.
  version     Int           @default(1)
  createdAt   DateTime      @default(now())
  updatedAt   DateTime      @updatedAt
  archivedAt  DateTime?

  workflows  Workflow[]
  runs       Run[]
  /// Projects this project depends on.
  dependsOn  ProjectDependency[] @relation("dependent")
  /// Projects that depend on this one.
  dependents ProjectDependency[] @relation("dependency")

  @@index([status, name])
}

/// "project depends on dependsOn". Removing either project removes the edge.
model ProjectDependency {
  projectId   String
  dependsOnId String
  createdAt   DateTime @default(now())

  project   Project @relation("dependent", fields: [projectId], references: [id], onDelete: Cascade)
  dependsOn Project @relation("dependency", fields: [dependsOnId], references: [id], onDelete: Cascade)

  @@id([projectId, dependsOnId])
  @@index([dependsOnId])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Workflows \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

model Workflow {
  id          String   @id @default(cuid())
  projectId   String
  name        String
  /// Unique within the project.
  slug        String
  description String   @default("")
  archived    Boolean  @default(false)
  /// Editor layout: node positions etc. ({ nodes: { [stepId]: { x, y } } }).
  layout      Json?
  createdAt   DateTime @default(now())
  updatedAt   DateTime @updatedAt

  project  Project           @relation(fields: [projectId], references: [id], onDelete: Cascade)
  versions WorkflowVersion[]
  runs     Run[]

  @@unique([projectId, slug])
  @@index([projectId, archived, name])
}

/// Immutable once written: a run always points at the exact version it executed.
model WorkflowVersion {
  id          String   @id @default(cuid())
  workflowId  String
  /// 1, 2, 3 \u2026 per workflow.
  number      Int
  /// The validated definition (JSON form of the YAML).
  definition  Json
  /// The text the author wrote (YAML or JSON), if any.
  source      String?
  createdById String?
  createdAt   DateTime @default(now())

  workflow  Workflow @relation(fields: [workflowId], references: [id], onDelete: Cascade)
  createdBy User?    @relation(fields: [createdById], references: [id], onDelete: SetNull)
  runs      Run[]

  @@unique([workflowId, number])
  @@index([createdById])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Runs \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

enum RunStatus {
  queued
  running
  paused
  succeeded
  failed
  cancelled
}

enum RunTrigger {
  ui
  cli
  api
  schedule
}

model Run {
  id                String     @id @default(cuid())
  workflowVersionId String
  /// Denormalized from the version, for "runs of a workflow" queries.
  workflowId        String
  /// Denormalized from the workflow, for "runs of a project" queries.
  projectId         String
  status            RunStatus  @default(queued)
  /// Resolved params (defaults applied).
  params            Json
  trigger           RunTrigger @default(ui)
  /// User (or token/"cli" label) that started it.
  triggeredById     String?
  /// Engine instance executing the run; null = unowned (any instance may claim it).
  ownerInstanceId   String?
  /// Working directory snapshot for shell steps.
  workingDir        String?
  queuedAt          DateTime   @default(now())
  startedAt         DateTime?
  finishedAt        DateTime?
  /// Absolute deadline from the definition's timeoutSec.
  deadlineAt        DateTime?
  pausedAt          DateTime?
  pausedBy          String?
  cancelledAt       DateTime?
  cancelledBy       String?
  /// Human-readable reason of a failure or cancellation.
  error             String?
  /// Summary metrics (makespan, critical path, queue wait, parallelism, counts).
  metrics           Json?
  /// A pause/resume/cancel asked for by an instance that does not own the run; the owner applies and clears it.
  controlRequest    Json?

  workflowVersion WorkflowVersion      @relation(fields: [workflowVersionId], references: [id], onDelete: Cascade)
  workflow        Workflow             @relation(fields: [workflowId], references: [id], onDelete: Cascade)
  project         Project              @relation(fields: [projectId], references: [id], onDelete: Cascade)
  tasks           TaskRun[]
  attempts        TaskAttempt[]
  events          RunEvent[]
  logs            LogChunk[]
  allocations     ResourceAllocation[]

  @@index([projectId, queuedAt])
  @@index([projectId, status, queuedAt])
  @@index([workflowId, queuedAt])
  @@index([status, queuedAt])
  @@index([workflowVersionId])
  @@index([ownerInstanceId])
}

enum TaskStatus {
  pending
  waiting
  ready
  running
  succeeded
  failed
  skipped
  cancelled
  cached
  upstream_failed
}

/// Current state of one step in one run (what the DAG view shows).
model TaskRun {
  id           String     @id @default(cuid())
  runId        String
  stepId       String
  status       TaskStatus @default(pending)
  /// Number of the current/last attempt; 0 before the first.
  attempt      Int        @default(0)
  /// Why it is not running (dependencies, resource, concurrency, paused, backoff).
  waitReason   Json?
  queuedAt     DateTime?
  startedAt    DateTime?
  finishedAt   DateTime?
  exitCode     Int?
  httpStatus   Int?
  error        String?
  outputs      Json?
  cpuSeconds   Float?
  peakMemoryMb Float?
  instanceId   String?
  workerId     String?
  cacheKey     String?

  run         Run                  @relation(fields: [runId], references: [id], onDelete: Cascade)
  attempts    TaskAttempt[]
  logs        LogChunk[]
  allocations ResourceAllocation[]
  samples     MetricSample[]

  @@unique([runId, stepId])
  @@index([cacheKey, status])
}

enum AttemptStatus {
  running
  succeeded
  failed
  timed_out
  cancelled
  lost
}

/// One attempt of one step: its own timings, outcome and metrics (Gantt, retry history).
model TaskAttempt {
  id               String        @id @default(cuid())
  taskRunId        String
  runId            String
  stepId           String
  /// 1-based.
  attempt          Int
  status           AttemptStatus @default(running)
  queuedAt         DateTime
  startedAt        DateTime
  finishedAt       DateTime?
  exitCode         Int?
  httpStatus       Int?
  /// Machine-readable failure reason (exit-non-zero, timeout, lost \u2026).
  reason           String?
  error            String?
  outputs          Json?
  cpuSeconds       Float?
  peakMemoryMb     Float?
  instanceId       String
  workerId         String?
  /// Host the attempt ran on (crash recovery kills a lost attempt's processes only on the same host).
  host             String?
  /// Process group of a shell attempt (= pid of its \`/bin/sh\`), recorded once spawned.
  processGroupId   Int?
  /// Start identity of that group leader ("<boot id>:<starttime ticks>" on Linux), so a recycled pid is never killed.
  processStartTime String?

  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)
  run     Run     @relation(fields: [runId], references: [id], onDelete: Cascade)

  @@unique([taskRunId, attempt])
  @@index([runId, startedAt])
}

enum LogStream {
  stdout
  stderr
}

/// A chunk of an attempt's output; seq is per (taskRunId, attempt) across both streams.
model LogChunk {
  taskRunId String
  attempt   Int
  seq       Int
  runId     String
  stream    LogStream
  text      String
  ts        DateTime

  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)
  run     Run     @relation(fields: [runId], references: [id], onDelete: Cascade)

  @@id([taskRunId, attempt, seq])
  @@index([runId, ts])
}

/// A run's ordered event log (live stream replay, audit). seq = 1, 2, 3 \u2026 per run.
model RunEvent {
  runId     String
  seq       Int
  type      String
  payload   Json
  createdAt DateTime @default(now())

  run Run @relation(fields: [runId], references: [id], onDelete: Cascade)

  @@id([runId, seq])
  @@index([createdAt])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Resources \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

model ResourcePool {
  id          String   @id @default(cuid())
  /// Referenced by steps' resources.pools and by allocations (by name).
  name        String   @unique
  capacity    Float
  /// Built-in pools (cpu, memory) are managed by the engine, not deletable.
  builtin     Boolean  @default(false)
  description String   @default("")
  createdAt   DateTime @default(now())
  updatedAt   DateTime @updatedAt
}

/// Who held how much of a pool, when. The pool is referenced by NAME without a
/// foreign key: built-in pools may have no row, and history outlives a pool.
model ResourceAllocation {
  id         String    @id @default(cuid())
  poolName   String
  amount     Float
  runId      String
  taskRunId  String
  attempt    Int
  instanceId String
  acquiredAt DateTime
  releasedAt DateTime?

  run     Run     @relation(fields: [runId], references: [id], onDelete: Cascade)
  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)

  @@index([poolName, releasedAt])
  @@index([runId, releasedAt])
  @@index([taskRunId])
  @@index([acquiredAt])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Metrics \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

/// CPU/memory sample of a running attempt's process tree.
model MetricSample {
  id         Int      @id @default(autoincrement())
  taskRunId  String
  attempt    Int
  ts         DateTime
  cpuPercent Float
  rssMb      Float

  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)

  @@index([taskRunId, attempt, ts])
}

/// Host-level sample (health page, utilization charts).
model HostSample {
  id          Int      @id @default(autoincrement())
  instanceId  String?
  ts          DateTime
  /// CPU busy percent of the whole host.
  cpuPercent  Float
  memUsedMb   Float
  memTotalMb  Float
  diskUsedMb  Float?
  diskTotalMb Float?

  @@index([ts])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Engine instances \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

enum InstanceKind {
  server
  cli
  worker
}

/// A live engine process (web server, CLI, remote worker). A missing row or a
/// stale heartbeat means the instance is dead and its runs may be taken over.
model EngineInstance {
  id          String       @id
  host        String
  pid         Int
  kind        InstanceKind @default(server)
  /// Task slots offered (workers); null = unlimited/engine default.
  capacity    Int?
  /// Free-form labels for worker selection ({ "gpu": "true" }).
  labels      Json?
  startedAt   DateTime
  heartbeatAt DateTime

  @@index([heartbeatAt])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Accounts (better-auth core + Myrmex) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

enum Role {
  admin
  editor
  viewer
}

model User {
  id            String   @id @default(cuid())
  name          String
  email         String   @unique
  emailVerified Boolean  @default(false)
  image         String?
  role          Role     @default(viewer)
  /// A disabled user cannot sign in; their sessions are deleted when set.
  disabled      Boolean  @default(false)
  createdAt     DateTime @default(now())
  updatedAt     DateTime @updatedAt

  sessions         Session[]
  accounts         Account[]
  apiTokens        ApiToken[]
  auditEntries     AuditEntry[]
  workflowVersions WorkflowVersion[]
}

model Session {
  id        String   @id @default(cuid())
  userId    String
  token     String   @unique
  expiresAt DateTime
  ipAddress String?
  userAgent String?
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt

  user User @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@index([userId])
}

/// Credentials: for email + password, providerId = "credential" and password holds the hash.
model Account {
  id                    String    @id @default(cuid())
  userId                String
  accountId             String
  providerId            String
  accessToken           String?
  refreshToken          String?
  idToken               String?
  accessTokenExpiresAt  DateTime?
  refreshTokenExpiresAt DateTime?
  scope                 String?
  password              String?
  createdAt             DateTime  @default(now())
  updatedAt             DateTime  @updatedAt

  user User @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@index([userId])
}

model Verification {
  id         String   @id @default(cuid())
  identifier String
  value      String
  expiresAt  DateTime
  createdAt  DateTime @default(now())
  updatedAt  DateTime @updatedAt

  @@index([identifier])
}

/// better-auth's database rate-limit storage (shared across processes).
model RateLimit {
  id          String @id @default(cuid())
  key         String @unique
  count       Int
  lastRequest BigInt
}

/// Personal API token. Only a hash is stored; \`prefix\` (first chars) identifies it in lists.
model ApiToken {
  id         String    @id @default(cuid())
  userId     String
  name       String
  tokenHash  String    @unique
  prefix     String
  /// Acts with the owner's role, narrowed to reads when true.
  readOnly   Boolean   @default(false)
  createdAt  DateTime  @default(now())
  expiresAt  DateTime?
  lastUsedAt DateTime?
  revokedAt  DateTime?

  user User @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@index([userId, revokedAt])
}

/// Who did what to what, when. Targets are referenced by id without foreign
/// keys so the trail outlives what it describes.
model AuditEntry {
  id         String   @id @default(cuid())
  /// The acting user; null for the system or after the user was deleted.
  actorId    String?
  /// Display label at the time ("alice@example.com", "token:ci", "system").
  actorLabel String
  /// e.g. project.create, workflow.update, run.start, run.pause, run.cancel.
  action     String
  /// project | workflow | run | pool | user | token | settings
  targetType String
  targetId   String?
  projectId  String?
  workflowId String?
  runId      String?
  details    Json?
  ip         String?
  createdAt  DateTime @default(now())

  actor User? @relation(fields: [actorId], references: [id], onDelete: SetNull)

  @@index([createdAt])
  @@index([targetType, targetId, createdAt])
  @@index([projectId, createdAt])
  @@index([workflowId, createdAt])
  @@index([runId, createdAt])
  @@index([actorId, createdAt])
}

// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Settings \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

/// Instance-wide settings and one-time markers (e.g. "seed.examples.v1").
model AppSetting {
  key       String   @id
  value     Json
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
`,
  "inlineSchemaHash": "e5ef69b56438c696fda3e9b7aca553b6e54a6b4fdb879eb689917e76db609275",
  "copyEngine": true,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "dirname": ""
};
config.runtimeDataModel = JSON.parse('{"models":{"Project":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"slug","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"workingDir","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"ProjectStatus"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"archivedAt","kind":"scalar","type":"DateTime"},{"name":"workflows","kind":"object","type":"Workflow","relationName":"ProjectToWorkflow"},{"name":"runs","kind":"object","type":"Run","relationName":"ProjectToRun"},{"name":"dependsOn","kind":"object","type":"ProjectDependency","relationName":"dependent"},{"name":"dependents","kind":"object","type":"ProjectDependency","relationName":"dependency"}],"dbName":null},"ProjectDependency":{"fields":[{"name":"projectId","kind":"scalar","type":"String"},{"name":"dependsOnId","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"project","kind":"object","type":"Project","relationName":"dependent"},{"name":"dependsOn","kind":"object","type":"Project","relationName":"dependency"}],"dbName":null},"Workflow":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"projectId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"slug","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"archived","kind":"scalar","type":"Boolean"},{"name":"layout","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"project","kind":"object","type":"Project","relationName":"ProjectToWorkflow"},{"name":"versions","kind":"object","type":"WorkflowVersion","relationName":"WorkflowToWorkflowVersion"},{"name":"runs","kind":"object","type":"Run","relationName":"RunToWorkflow"}],"dbName":null},"WorkflowVersion":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workflowId","kind":"scalar","type":"String"},{"name":"number","kind":"scalar","type":"Int"},{"name":"definition","kind":"scalar","type":"Json"},{"name":"source","kind":"scalar","type":"String"},{"name":"createdById","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workflow","kind":"object","type":"Workflow","relationName":"WorkflowToWorkflowVersion"},{"name":"createdBy","kind":"object","type":"User","relationName":"UserToWorkflowVersion"},{"name":"runs","kind":"object","type":"Run","relationName":"RunToWorkflowVersion"}],"dbName":null},"Run":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workflowVersionId","kind":"scalar","type":"String"},{"name":"workflowId","kind":"scalar","type":"String"},{"name":"projectId","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"RunStatus"},{"name":"params","kind":"scalar","type":"Json"},{"name":"trigger","kind":"enum","type":"RunTrigger"},{"name":"triggeredById","kind":"scalar","type":"String"},{"name":"ownerInstanceId","kind":"scalar","type":"String"},{"name":"workingDir","kind":"scalar","type":"String"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"deadlineAt","kind":"scalar","type":"DateTime"},{"name":"pausedAt","kind":"scalar","type":"DateTime"},{"name":"pausedBy","kind":"scalar","type":"String"},{"name":"cancelledAt","kind":"scalar","type":"DateTime"},{"name":"cancelledBy","kind":"scalar","type":"String"},{"name":"error","kind":"scalar","type":"String"},{"name":"metrics","kind":"scalar","type":"Json"},{"name":"controlRequest","kind":"scalar","type":"Json"},{"name":"workflowVersion","kind":"object","type":"WorkflowVersion","relationName":"RunToWorkflowVersion"},{"name":"workflow","kind":"object","type":"Workflow","relationName":"RunToWorkflow"},{"name":"project","kind":"object","type":"Project","relationName":"ProjectToRun"},{"name":"tasks","kind":"object","type":"TaskRun","relationName":"RunToTaskRun"},{"name":"attempts","kind":"object","type":"TaskAttempt","relationName":"RunToTaskAttempt"},{"name":"events","kind":"object","type":"RunEvent","relationName":"RunToRunEvent"},{"name":"logs","kind":"object","type":"LogChunk","relationName":"LogChunkToRun"},{"name":"allocations","kind":"object","type":"ResourceAllocation","relationName":"ResourceAllocationToRun"}],"dbName":null},"TaskRun":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"runId","kind":"scalar","type":"String"},{"name":"stepId","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"TaskStatus"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"waitReason","kind":"scalar","type":"Json"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"exitCode","kind":"scalar","type":"Int"},{"name":"httpStatus","kind":"scalar","type":"Int"},{"name":"error","kind":"scalar","type":"String"},{"name":"outputs","kind":"scalar","type":"Json"},{"name":"cpuSeconds","kind":"scalar","type":"Float"},{"name":"peakMemoryMb","kind":"scalar","type":"Float"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"workerId","kind":"scalar","type":"String"},{"name":"cacheKey","kind":"scalar","type":"String"},{"name":"run","kind":"object","type":"Run","relationName":"RunToTaskRun"},{"name":"attempts","kind":"object","type":"TaskAttempt","relationName":"TaskAttemptToTaskRun"},{"name":"logs","kind":"object","type":"LogChunk","relationName":"LogChunkToTaskRun"},{"name":"allocations","kind":"object","type":"ResourceAllocation","relationName":"ResourceAllocationToTaskRun"},{"name":"samples","kind":"object","type":"MetricSample","relationName":"MetricSampleToTaskRun"}],"dbName":null},"TaskAttempt":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"runId","kind":"scalar","type":"String"},{"name":"stepId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"status","kind":"enum","type":"AttemptStatus"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"exitCode","kind":"scalar","type":"Int"},{"name":"httpStatus","kind":"scalar","type":"Int"},{"name":"reason","kind":"scalar","type":"String"},{"name":"error","kind":"scalar","type":"String"},{"name":"outputs","kind":"scalar","type":"Json"},{"name":"cpuSeconds","kind":"scalar","type":"Float"},{"name":"peakMemoryMb","kind":"scalar","type":"Float"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"workerId","kind":"scalar","type":"String"},{"name":"host","kind":"scalar","type":"String"},{"name":"processGroupId","kind":"scalar","type":"Int"},{"name":"processStartTime","kind":"scalar","type":"String"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"TaskAttemptToTaskRun"},{"name":"run","kind":"object","type":"Run","relationName":"RunToTaskAttempt"}],"dbName":null},"LogChunk":{"fields":[{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"seq","kind":"scalar","type":"Int"},{"name":"runId","kind":"scalar","type":"String"},{"name":"stream","kind":"enum","type":"LogStream"},{"name":"text","kind":"scalar","type":"String"},{"name":"ts","kind":"scalar","type":"DateTime"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"LogChunkToTaskRun"},{"name":"run","kind":"object","type":"Run","relationName":"LogChunkToRun"}],"dbName":null},"RunEvent":{"fields":[{"name":"runId","kind":"scalar","type":"String"},{"name":"seq","kind":"scalar","type":"Int"},{"name":"type","kind":"scalar","type":"String"},{"name":"payload","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"run","kind":"object","type":"Run","relationName":"RunToRunEvent"}],"dbName":null},"ResourcePool":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"capacity","kind":"scalar","type":"Float"},{"name":"builtin","kind":"scalar","type":"Boolean"},{"name":"description","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"ResourceAllocation":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"poolName","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Float"},{"name":"runId","kind":"scalar","type":"String"},{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"acquiredAt","kind":"scalar","type":"DateTime"},{"name":"releasedAt","kind":"scalar","type":"DateTime"},{"name":"run","kind":"object","type":"Run","relationName":"ResourceAllocationToRun"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"ResourceAllocationToTaskRun"}],"dbName":null},"MetricSample":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"ts","kind":"scalar","type":"DateTime"},{"name":"cpuPercent","kind":"scalar","type":"Float"},{"name":"rssMb","kind":"scalar","type":"Float"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"MetricSampleToTaskRun"}],"dbName":null},"HostSample":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"ts","kind":"scalar","type":"DateTime"},{"name":"cpuPercent","kind":"scalar","type":"Float"},{"name":"memUsedMb","kind":"scalar","type":"Float"},{"name":"memTotalMb","kind":"scalar","type":"Float"},{"name":"diskUsedMb","kind":"scalar","type":"Float"},{"name":"diskTotalMb","kind":"scalar","type":"Float"}],"dbName":null},"EngineInstance":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"host","kind":"scalar","type":"String"},{"name":"pid","kind":"scalar","type":"Int"},{"name":"kind","kind":"enum","type":"InstanceKind"},{"name":"capacity","kind":"scalar","type":"Int"},{"name":"labels","kind":"scalar","type":"Json"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"heartbeatAt","kind":"scalar","type":"DateTime"}],"dbName":null},"User":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"emailVerified","kind":"scalar","type":"Boolean"},{"name":"image","kind":"scalar","type":"String"},{"name":"role","kind":"enum","type":"Role"},{"name":"disabled","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"sessions","kind":"object","type":"Session","relationName":"SessionToUser"},{"name":"accounts","kind":"object","type":"Account","relationName":"AccountToUser"},{"name":"apiTokens","kind":"object","type":"ApiToken","relationName":"ApiTokenToUser"},{"name":"auditEntries","kind":"object","type":"AuditEntry","relationName":"AuditEntryToUser"},{"name":"workflowVersions","kind":"object","type":"WorkflowVersion","relationName":"UserToWorkflowVersion"}],"dbName":null},"Session":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"token","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"ipAddress","kind":"scalar","type":"String"},{"name":"userAgent","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"SessionToUser"}],"dbName":null},"Account":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"accountId","kind":"scalar","type":"String"},{"name":"providerId","kind":"scalar","type":"String"},{"name":"accessToken","kind":"scalar","type":"String"},{"name":"refreshToken","kind":"scalar","type":"String"},{"name":"idToken","kind":"scalar","type":"String"},{"name":"accessTokenExpiresAt","kind":"scalar","type":"DateTime"},{"name":"refreshTokenExpiresAt","kind":"scalar","type":"DateTime"},{"name":"scope","kind":"scalar","type":"String"},{"name":"password","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"AccountToUser"}],"dbName":null},"Verification":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"identifier","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"RateLimit":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"key","kind":"scalar","type":"String"},{"name":"count","kind":"scalar","type":"Int"},{"name":"lastRequest","kind":"scalar","type":"BigInt"}],"dbName":null},"ApiToken":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"prefix","kind":"scalar","type":"String"},{"name":"readOnly","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"lastUsedAt","kind":"scalar","type":"DateTime"},{"name":"revokedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"ApiTokenToUser"}],"dbName":null},"AuditEntry":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"actorLabel","kind":"scalar","type":"String"},{"name":"action","kind":"scalar","type":"String"},{"name":"targetType","kind":"scalar","type":"String"},{"name":"targetId","kind":"scalar","type":"String"},{"name":"projectId","kind":"scalar","type":"String"},{"name":"workflowId","kind":"scalar","type":"String"},{"name":"runId","kind":"scalar","type":"String"},{"name":"details","kind":"scalar","type":"Json"},{"name":"ip","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"actor","kind":"object","type":"User","relationName":"AuditEntryToUser"}],"dbName":null},"AppSetting":{"fields":[{"name":"key","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null}},"enums":{},"types":{}}');
config.engineWasm = void 0;
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_bg.sqlite.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.sqlite.wasm-base64.mjs");
    return await decodeBase64AsWasm(wasm);
  }
};
function getPrismaClientClass(dirname3) {
  config.dirname = dirname3;
  return runtime.getPrismaClient(config);
}

// lib/generated/sqlite/internal/prismaNamespace.ts
var prismaNamespace_exports = {};
__export(prismaNamespace_exports, {
  AccountScalarFieldEnum: () => AccountScalarFieldEnum,
  AnyNull: () => AnyNull,
  ApiTokenScalarFieldEnum: () => ApiTokenScalarFieldEnum,
  AppSettingScalarFieldEnum: () => AppSettingScalarFieldEnum,
  AuditEntryScalarFieldEnum: () => AuditEntryScalarFieldEnum,
  DbNull: () => DbNull,
  Decimal: () => Decimal2,
  EngineInstanceScalarFieldEnum: () => EngineInstanceScalarFieldEnum,
  HostSampleScalarFieldEnum: () => HostSampleScalarFieldEnum,
  JsonNull: () => JsonNull,
  JsonNullValueFilter: () => JsonNullValueFilter,
  JsonNullValueInput: () => JsonNullValueInput,
  LogChunkScalarFieldEnum: () => LogChunkScalarFieldEnum,
  MetricSampleScalarFieldEnum: () => MetricSampleScalarFieldEnum,
  ModelName: () => ModelName,
  NullTypes: () => NullTypes,
  NullableJsonNullValueInput: () => NullableJsonNullValueInput,
  NullsOrder: () => NullsOrder,
  PrismaClientInitializationError: () => PrismaClientInitializationError2,
  PrismaClientKnownRequestError: () => PrismaClientKnownRequestError2,
  PrismaClientRustPanicError: () => PrismaClientRustPanicError2,
  PrismaClientUnknownRequestError: () => PrismaClientUnknownRequestError2,
  PrismaClientValidationError: () => PrismaClientValidationError2,
  ProjectDependencyScalarFieldEnum: () => ProjectDependencyScalarFieldEnum,
  ProjectScalarFieldEnum: () => ProjectScalarFieldEnum,
  QueryMode: () => QueryMode,
  RateLimitScalarFieldEnum: () => RateLimitScalarFieldEnum,
  ResourceAllocationScalarFieldEnum: () => ResourceAllocationScalarFieldEnum,
  ResourcePoolScalarFieldEnum: () => ResourcePoolScalarFieldEnum,
  RunEventScalarFieldEnum: () => RunEventScalarFieldEnum,
  RunScalarFieldEnum: () => RunScalarFieldEnum,
  SessionScalarFieldEnum: () => SessionScalarFieldEnum,
  SortOrder: () => SortOrder,
  Sql: () => Sql2,
  TaskAttemptScalarFieldEnum: () => TaskAttemptScalarFieldEnum,
  TaskRunScalarFieldEnum: () => TaskRunScalarFieldEnum,
  TransactionIsolationLevel: () => TransactionIsolationLevel,
  UserScalarFieldEnum: () => UserScalarFieldEnum,
  VerificationScalarFieldEnum: () => VerificationScalarFieldEnum,
  WorkflowScalarFieldEnum: () => WorkflowScalarFieldEnum,
  WorkflowVersionScalarFieldEnum: () => WorkflowVersionScalarFieldEnum,
  defineExtension: () => defineExtension,
  empty: () => empty2,
  getExtensionContext: () => getExtensionContext,
  join: () => join2,
  prismaVersion: () => prismaVersion,
  raw: () => raw2,
  sql: () => sql
});
import * as runtime2 from "@prisma/client/runtime/client";
var PrismaClientKnownRequestError2 = runtime2.PrismaClientKnownRequestError;
var PrismaClientUnknownRequestError2 = runtime2.PrismaClientUnknownRequestError;
var PrismaClientRustPanicError2 = runtime2.PrismaClientRustPanicError;
var PrismaClientInitializationError2 = runtime2.PrismaClientInitializationError;
var PrismaClientValidationError2 = runtime2.PrismaClientValidationError;
var sql = runtime2.sqltag;
var empty2 = runtime2.empty;
var join2 = runtime2.join;
var raw2 = runtime2.raw;
var Sql2 = runtime2.Sql;
var Decimal2 = runtime2.Decimal;
var getExtensionContext = runtime2.Extensions.getExtensionContext;
var prismaVersion = {
  client: "6.19.3",
  engine: "c2990dca591cba766e3b7ef5d9e8a84796e47ab7"
};
var NullTypes = {
  DbNull: runtime2.objectEnumValues.classes.DbNull,
  JsonNull: runtime2.objectEnumValues.classes.JsonNull,
  AnyNull: runtime2.objectEnumValues.classes.AnyNull
};
var DbNull = runtime2.objectEnumValues.instances.DbNull;
var JsonNull = runtime2.objectEnumValues.instances.JsonNull;
var AnyNull = runtime2.objectEnumValues.instances.AnyNull;
var ModelName = {
  Project: "Project",
  ProjectDependency: "ProjectDependency",
  Workflow: "Workflow",
  WorkflowVersion: "WorkflowVersion",
  Run: "Run",
  TaskRun: "TaskRun",
  TaskAttempt: "TaskAttempt",
  LogChunk: "LogChunk",
  RunEvent: "RunEvent",
  ResourcePool: "ResourcePool",
  ResourceAllocation: "ResourceAllocation",
  MetricSample: "MetricSample",
  HostSample: "HostSample",
  EngineInstance: "EngineInstance",
  User: "User",
  Session: "Session",
  Account: "Account",
  Verification: "Verification",
  RateLimit: "RateLimit",
  ApiToken: "ApiToken",
  AuditEntry: "AuditEntry",
  AppSetting: "AppSetting"
};
var TransactionIsolationLevel = runtime2.makeStrictEnum({
  Serializable: "Serializable"
});
var ProjectScalarFieldEnum = {
  id: "id",
  name: "name",
  slug: "slug",
  description: "description",
  workingDir: "workingDir",
  status: "status",
  version: "version",
  createdAt: "createdAt",
  updatedAt: "updatedAt",
  archivedAt: "archivedAt"
};
var ProjectDependencyScalarFieldEnum = {
  projectId: "projectId",
  dependsOnId: "dependsOnId",
  createdAt: "createdAt"
};
var WorkflowScalarFieldEnum = {
  id: "id",
  projectId: "projectId",
  name: "name",
  slug: "slug",
  description: "description",
  archived: "archived",
  layout: "layout",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var WorkflowVersionScalarFieldEnum = {
  id: "id",
  workflowId: "workflowId",
  number: "number",
  definition: "definition",
  source: "source",
  createdById: "createdById",
  createdAt: "createdAt"
};
var RunScalarFieldEnum = {
  id: "id",
  workflowVersionId: "workflowVersionId",
  workflowId: "workflowId",
  projectId: "projectId",
  status: "status",
  params: "params",
  trigger: "trigger",
  triggeredById: "triggeredById",
  ownerInstanceId: "ownerInstanceId",
  workingDir: "workingDir",
  queuedAt: "queuedAt",
  startedAt: "startedAt",
  finishedAt: "finishedAt",
  deadlineAt: "deadlineAt",
  pausedAt: "pausedAt",
  pausedBy: "pausedBy",
  cancelledAt: "cancelledAt",
  cancelledBy: "cancelledBy",
  error: "error",
  metrics: "metrics",
  controlRequest: "controlRequest"
};
var TaskRunScalarFieldEnum = {
  id: "id",
  runId: "runId",
  stepId: "stepId",
  status: "status",
  attempt: "attempt",
  waitReason: "waitReason",
  queuedAt: "queuedAt",
  startedAt: "startedAt",
  finishedAt: "finishedAt",
  exitCode: "exitCode",
  httpStatus: "httpStatus",
  error: "error",
  outputs: "outputs",
  cpuSeconds: "cpuSeconds",
  peakMemoryMb: "peakMemoryMb",
  instanceId: "instanceId",
  workerId: "workerId",
  cacheKey: "cacheKey"
};
var TaskAttemptScalarFieldEnum = {
  id: "id",
  taskRunId: "taskRunId",
  runId: "runId",
  stepId: "stepId",
  attempt: "attempt",
  status: "status",
  queuedAt: "queuedAt",
  startedAt: "startedAt",
  finishedAt: "finishedAt",
  exitCode: "exitCode",
  httpStatus: "httpStatus",
  reason: "reason",
  error: "error",
  outputs: "outputs",
  cpuSeconds: "cpuSeconds",
  peakMemoryMb: "peakMemoryMb",
  instanceId: "instanceId",
  workerId: "workerId",
  host: "host",
  processGroupId: "processGroupId",
  processStartTime: "processStartTime"
};
var LogChunkScalarFieldEnum = {
  taskRunId: "taskRunId",
  attempt: "attempt",
  seq: "seq",
  runId: "runId",
  stream: "stream",
  text: "text",
  ts: "ts"
};
var RunEventScalarFieldEnum = {
  runId: "runId",
  seq: "seq",
  type: "type",
  payload: "payload",
  createdAt: "createdAt"
};
var ResourcePoolScalarFieldEnum = {
  id: "id",
  name: "name",
  capacity: "capacity",
  builtin: "builtin",
  description: "description",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var ResourceAllocationScalarFieldEnum = {
  id: "id",
  poolName: "poolName",
  amount: "amount",
  runId: "runId",
  taskRunId: "taskRunId",
  attempt: "attempt",
  instanceId: "instanceId",
  acquiredAt: "acquiredAt",
  releasedAt: "releasedAt"
};
var MetricSampleScalarFieldEnum = {
  id: "id",
  taskRunId: "taskRunId",
  attempt: "attempt",
  ts: "ts",
  cpuPercent: "cpuPercent",
  rssMb: "rssMb"
};
var HostSampleScalarFieldEnum = {
  id: "id",
  instanceId: "instanceId",
  ts: "ts",
  cpuPercent: "cpuPercent",
  memUsedMb: "memUsedMb",
  memTotalMb: "memTotalMb",
  diskUsedMb: "diskUsedMb",
  diskTotalMb: "diskTotalMb"
};
var EngineInstanceScalarFieldEnum = {
  id: "id",
  host: "host",
  pid: "pid",
  kind: "kind",
  capacity: "capacity",
  labels: "labels",
  startedAt: "startedAt",
  heartbeatAt: "heartbeatAt"
};
var UserScalarFieldEnum = {
  id: "id",
  name: "name",
  email: "email",
  emailVerified: "emailVerified",
  image: "image",
  role: "role",
  disabled: "disabled",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var SessionScalarFieldEnum = {
  id: "id",
  userId: "userId",
  token: "token",
  expiresAt: "expiresAt",
  ipAddress: "ipAddress",
  userAgent: "userAgent",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var AccountScalarFieldEnum = {
  id: "id",
  userId: "userId",
  accountId: "accountId",
  providerId: "providerId",
  accessToken: "accessToken",
  refreshToken: "refreshToken",
  idToken: "idToken",
  accessTokenExpiresAt: "accessTokenExpiresAt",
  refreshTokenExpiresAt: "refreshTokenExpiresAt",
  scope: "scope",
  password: "password",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var VerificationScalarFieldEnum = {
  id: "id",
  identifier: "identifier",
  value: "value",
  expiresAt: "expiresAt",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var RateLimitScalarFieldEnum = {
  id: "id",
  key: "key",
  count: "count",
  lastRequest: "lastRequest"
};
var ApiTokenScalarFieldEnum = {
  id: "id",
  userId: "userId",
  name: "name",
  tokenHash: "tokenHash",
  prefix: "prefix",
  readOnly: "readOnly",
  createdAt: "createdAt",
  expiresAt: "expiresAt",
  lastUsedAt: "lastUsedAt",
  revokedAt: "revokedAt"
};
var AuditEntryScalarFieldEnum = {
  id: "id",
  actorId: "actorId",
  actorLabel: "actorLabel",
  action: "action",
  targetType: "targetType",
  targetId: "targetId",
  projectId: "projectId",
  workflowId: "workflowId",
  runId: "runId",
  details: "details",
  ip: "ip",
  createdAt: "createdAt"
};
var AppSettingScalarFieldEnum = {
  key: "key",
  value: "value",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var SortOrder = {
  asc: "asc",
  desc: "desc"
};
var NullableJsonNullValueInput = {
  DbNull,
  JsonNull
};
var JsonNullValueInput = {
  JsonNull
};
var NullsOrder = {
  first: "first",
  last: "last"
};
var JsonNullValueFilter = {
  DbNull,
  JsonNull,
  AnyNull
};
var QueryMode = {
  default: "default",
  insensitive: "insensitive"
};
var defineExtension = runtime2.Extensions.defineExtension;

// lib/generated/sqlite/client.ts
globalThis["__dirname"] = path2.dirname(fileURLToPath(import.meta.url));
var PrismaClient = getPrismaClientClass(__dirname);

// lib/db/engine/columns.ts
var plain = (column) => ({ column, kind: "plain" });
var date = (column) => ({ column, kind: "date" });
var json = (column) => ({ column, kind: "json" });
var RUN_PATCH_COLUMNS = {
  status: plain("status"),
  params: { column: "params", kind: "jsonRequired" },
  trigger: plain("trigger"),
  triggeredBy: plain("triggeredById"),
  ownerInstanceId: plain("ownerInstanceId"),
  workingDir: plain("workingDir"),
  startedAt: date("startedAt"),
  finishedAt: date("finishedAt"),
  deadlineAt: date("deadlineAt"),
  pausedAt: date("pausedAt"),
  pausedBy: plain("pausedBy"),
  cancelledAt: date("cancelledAt"),
  cancelledBy: plain("cancelledBy"),
  error: plain("error"),
  metrics: json("metrics")
};
var TASK_PATCH_COLUMNS = {
  status: plain("status"),
  attempt: plain("attempt"),
  waitReason: json("waitReason"),
  queuedAt: date("queuedAt"),
  startedAt: date("startedAt"),
  finishedAt: date("finishedAt"),
  exitCode: plain("exitCode"),
  error: plain("error"),
  outputs: json("outputs"),
  cpuSeconds: plain("cpuSeconds"),
  peakMemoryMb: plain("peakMemoryMb"),
  instanceId: plain("instanceId"),
  workerId: plain("workerId"),
  cacheKey: plain("cacheKey")
};
var ATTEMPT_PATCH_COLUMNS = {
  status: plain("status"),
  finishedAt: date("finishedAt"),
  exitCode: plain("exitCode"),
  reason: plain("reason"),
  error: plain("error"),
  outputs: json("outputs"),
  cpuSeconds: plain("cpuSeconds"),
  peakMemoryMb: plain("peakMemoryMb"),
  workerId: plain("workerId"),
  host: plain("host"),
  processGroupId: plain("processGroupId"),
  processStartTime: plain("processStartTime")
};
var TASK_INSERT_COLUMNS = {
  id: plain("id"),
  runId: plain("runId"),
  stepId: plain("stepId"),
  ...TASK_PATCH_COLUMNS
};
var ATTEMPT_INSERT_COLUMNS = {
  id: plain("id"),
  taskRunId: plain("taskRunId"),
  runId: plain("runId"),
  stepId: plain("stepId"),
  attempt: plain("attempt"),
  queuedAt: date("queuedAt"),
  startedAt: date("startedAt"),
  instanceId: plain("instanceId"),
  ...ATTEMPT_PATCH_COLUMNS
};
function patchEntries(patch, columns, what) {
  const out = [];
  for (const key of Object.keys(patch).sort()) {
    const value = patch[key];
    if (value === void 0) continue;
    const col = columns[key];
    if (!col) {
      if (key === "projectId") continue;
      throw new Error(`engine store: ${what} has no column for "${String(key)}"`);
    }
    out.push([col, value]);
  }
  return out;
}
var ms = (d) => d === null ? null : d.getTime();
function runRecordOf(row) {
  return {
    id: row.id,
    workflowVersionId: row.workflowVersionId,
    projectId: row.projectId,
    status: row.status,
    params: row.params,
    trigger: row.trigger,
    triggeredBy: row.triggeredById,
    ownerInstanceId: row.ownerInstanceId,
    definition: row.workflowVersion.definition,
    workingDir: row.workingDir,
    createdAt: row.queuedAt.getTime(),
    startedAt: ms(row.startedAt),
    finishedAt: ms(row.finishedAt),
    deadlineAt: ms(row.deadlineAt),
    pausedAt: ms(row.pausedAt),
    pausedBy: row.pausedBy,
    cancelledAt: ms(row.cancelledAt),
    cancelledBy: row.cancelledBy,
    error: row.error,
    controlRequest: row.controlRequest ?? null,
    metrics: row.metrics ?? null
  };
}
function taskRecordOf(row) {
  return {
    id: row.id,
    runId: row.runId,
    stepId: row.stepId,
    status: row.status,
    attempt: row.attempt,
    waitReason: row.waitReason ?? null,
    queuedAt: ms(row.queuedAt),
    startedAt: ms(row.startedAt),
    finishedAt: ms(row.finishedAt),
    exitCode: row.exitCode,
    error: row.error,
    outputs: row.outputs ?? null,
    cpuSeconds: row.cpuSeconds,
    peakMemoryMb: row.peakMemoryMb,
    instanceId: row.instanceId,
    workerId: row.workerId,
    cacheKey: row.cacheKey
  };
}
function attemptRecordOf(row) {
  return {
    id: row.id,
    taskRunId: row.taskRunId,
    runId: row.runId,
    stepId: row.stepId,
    attempt: row.attempt,
    status: row.status,
    queuedAt: row.queuedAt.getTime(),
    startedAt: row.startedAt.getTime(),
    finishedAt: ms(row.finishedAt),
    exitCode: row.exitCode,
    reason: row.reason,
    error: row.error,
    outputs: row.outputs ?? null,
    cpuSeconds: row.cpuSeconds,
    peakMemoryMb: row.peakMemoryMb,
    instanceId: row.instanceId,
    workerId: row.workerId,
    host: row.host,
    processGroupId: row.processGroupId,
    processStartTime: row.processStartTime
  };
}
function eventRecordOf(row) {
  return { runId: row.runId, seq: row.seq, ts: row.createdAt.getTime(), type: row.type, payload: row.payload };
}
function logRecordOf(row) {
  return {
    runId: row.runId,
    taskRunId: row.taskRunId,
    attempt: row.attempt,
    stream: row.stream,
    seq: row.seq,
    ts: row.ts.getTime(),
    text: row.text
  };
}
function allocationRecordOf(row) {
  return {
    id: row.id,
    pool: row.poolName,
    amount: row.amount,
    runId: row.runId,
    taskRunId: row.taskRunId,
    attempt: row.attempt,
    instanceId: row.instanceId,
    acquiredAt: row.acquiredAt.getTime(),
    releasedAt: ms(row.releasedAt)
  };
}
function sampleRecordOf(row) {
  return { taskRunId: row.taskRunId, attempt: row.attempt, ts: row.ts.getTime(), cpuPercent: row.cpuPercent, rssMb: row.rssMb };
}
function instanceRecordOf(row) {
  return { id: row.id, host: row.host, pid: row.pid, startedAt: row.startedAt.getTime(), heartbeatAt: row.heartbeatAt.getTime() };
}

// lib/db/engine/pg-writer.ts
function pgDate(ms2) {
  return new Date(ms2).toISOString().replace("T", " ").replace("Z", "");
}
var dateOrNull = (ms2) => ms2 === null || ms2 === void 0 ? null : pgDate(ms2);
function encode(col, value) {
  switch (col.kind) {
    case "plain":
      return value ?? null;
    case "date":
      return dateOrNull(value);
    case "json":
      return value === null || value === void 0 ? null : JSON.stringify(value);
    case "jsonRequired":
      return JSON.stringify(value ?? null);
    default: {
      const never = col.kind;
      throw new Error(`unknown column kind ${String(never)}`);
    }
  }
}
var q = (name) => `"${name}"`;
var MAX_PARAMS = 3e4;
var PgBatchWriter = class {
  constructor(client) {
    this.client = client;
  }
  client;
  /** Run ids of the fence that exist and are owned by someone else; locks those rows until commit. */
  async fencedRuns(fence) {
    if (fence.runIds.length === 0) return [];
    const res = await this.client.query(
      `SELECT "id", "ownerInstanceId" AS owner FROM "Run" WHERE "id" = ANY($1::text[]) FOR UPDATE`,
      [fence.runIds]
    );
    return res.rows.filter((r) => r.owner !== fence.instanceId).map((r) => r.id);
  }
  async insertRows(table, columns, rows) {
    if (rows.length === 0) return;
    const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    for (let start = 0; start < rows.length; start += perChunk) {
      const chunk = rows.slice(start, start + perChunk);
      const values = [];
      const tuples = chunk.map((row) => {
        const marks2 = row.map((v) => {
          values.push(v);
          return `$${values.length}`;
        });
        return `(${marks2.join(", ")})`;
      });
      await this.client.query(`INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES ${tuples.join(", ")}`, values);
    }
  }
  /** Chunked multi-row INSERT of records, encoding one chunk at a time (a 10,000-row insert holds one chunk's values, not all). */
  async insertRecords(table, spec2, records) {
    const keys = Object.keys(spec2);
    const columns = keys.map((k) => spec2[k].column);
    const perChunk = Math.max(1, Math.floor(MAX_PARAMS / keys.length));
    for (let start = 0; start < records.length; start += perChunk) {
      const rows = records.slice(start, start + perChunk).map((r) => keys.map((k) => encode(spec2[k], r[k])));
      await this.insertRows(table, columns, rows);
    }
  }
  async update(table, id, entries) {
    if (entries.length === 0) return;
    const sets = entries.map(([c2], i) => `${q(c2.column)} = $${i + 1}`);
    await this.client.query(`UPDATE ${q(table)} SET ${sets.join(", ")} WHERE "id" = $${entries.length + 1}`, [
      ...entries.map(([c2, v]) => encode(c2, v)),
      id
    ]);
  }
  async apply(m) {
    switch (m.type) {
      case "run.insert": {
        const r = m.run;
        const res = await this.client.query(
          `INSERT INTO "Run" ("id", "workflowVersionId", "workflowId", "projectId", "status", "params", "trigger",
             "triggeredById", "ownerInstanceId", "workingDir", "queuedAt", "startedAt", "finishedAt", "deadlineAt",
             "pausedAt", "pausedBy", "cancelledAt", "cancelledBy", "error", "metrics")
           SELECT $1, v."id", v."workflowId", w."projectId", $2::text::"RunStatus", $3::jsonb, $4::text::"RunTrigger",
             $5, $6, $7, $8::timestamp(3), $9::timestamp(3), $10::timestamp(3), $11::timestamp(3), $12::timestamp(3),
             $13, $14::timestamp(3), $15, $16, $17::jsonb
           FROM "WorkflowVersion" v JOIN "Workflow" w ON w."id" = v."workflowId" WHERE v."id" = $18`,
          [
            r.id,
            r.status,
            JSON.stringify(r.params ?? {}),
            r.trigger,
            r.triggeredBy,
            r.ownerInstanceId,
            r.workingDir,
            pgDate(r.createdAt),
            dateOrNull(r.startedAt),
            dateOrNull(r.finishedAt),
            dateOrNull(r.deadlineAt),
            dateOrNull(r.pausedAt),
            r.pausedBy,
            dateOrNull(r.cancelledAt),
            r.cancelledBy,
            r.error,
            r.metrics === null ? null : JSON.stringify(r.metrics),
            r.workflowVersionId
          ]
        );
        if (res.rowCount !== 1) throw new Error(`run.insert ${r.id}: workflow version ${r.workflowVersionId} does not exist`);
        return;
      }
      case "run.update":
        return this.update("Run", m.runId, patchEntries(m.patch, RUN_PATCH_COLUMNS, "run.update"));
      case "tasks.insert":
        return this.insertRecords("TaskRun", TASK_INSERT_COLUMNS, m.tasks);
      case "task.update":
        return this.update("TaskRun", m.taskRunId, patchEntries(m.patch, TASK_PATCH_COLUMNS, "task.update"));
      case "attempt.insert":
        return this.insertRecords("TaskAttempt", ATTEMPT_INSERT_COLUMNS, [m.attempt]);
      case "attempt.update":
        return this.update("TaskAttempt", m.attemptId, patchEntries(m.patch, ATTEMPT_PATCH_COLUMNS, "attempt.update"));
      case "events.append":
        return this.insertRows(
          "RunEvent",
          ["runId", "seq", "type", "payload", "createdAt"],
          m.events.map((e) => [e.runId, e.seq, e.type, JSON.stringify(e.payload ?? null), pgDate(e.ts)])
        );
      case "logs.append":
        return this.insertRows(
          "LogChunk",
          ["taskRunId", "attempt", "seq", "runId", "stream", "text", "ts"],
          m.chunks.map((l) => [l.taskRunId, l.attempt, l.seq, l.runId, l.stream, l.text, pgDate(l.ts)])
        );
      case "allocation.insert": {
        const a2 = m.allocation;
        return this.insertRows(
          "ResourceAllocation",
          ["id", "poolName", "amount", "runId", "taskRunId", "attempt", "instanceId", "acquiredAt", "releasedAt"],
          [[a2.id, a2.pool, a2.amount, a2.runId, a2.taskRunId, a2.attempt, a2.instanceId, pgDate(a2.acquiredAt), dateOrNull(a2.releasedAt)]]
        );
      }
      case "allocation.release":
        await this.client.query(`UPDATE "ResourceAllocation" SET "releasedAt" = $1 WHERE "id" = $2 AND "releasedAt" IS NULL`, [
          pgDate(m.releasedAt),
          m.allocationId
        ]);
        return;
      case "allocations.releaseRun":
        await this.client.query(`UPDATE "ResourceAllocation" SET "releasedAt" = $1 WHERE "runId" = $2 AND "releasedAt" IS NULL`, [
          pgDate(m.releasedAt),
          m.runId
        ]);
        return;
      case "metrics.append":
        return this.insertRows(
          "MetricSample",
          ["taskRunId", "attempt", "ts", "cpuPercent", "rssMb"],
          m.samples.map((s) => [s.taskRunId, s.attempt, pgDate(s.ts), s.cpuPercent, s.rssMb])
        );
      default: {
        const never = m;
        throw new Error(`engine store: unknown mutation ${JSON.stringify(never)}`);
      }
    }
  }
};

// lib/db/engine/sqlite-writer.ts
function sqliteDate(ms2) {
  return new Date(ms2).toISOString().replace("Z", "+00:00");
}
function encode2(col, value) {
  switch (col.kind) {
    case "plain":
      return value ?? null;
    case "date":
      return value === null || value === void 0 ? null : sqliteDate(value);
    case "json":
      return value === null || value === void 0 ? null : JSON.stringify(value);
    case "jsonRequired":
      return JSON.stringify(value ?? null);
    default: {
      const never = col.kind;
      throw new Error(`unknown column kind ${String(never)}`);
    }
  }
}
var q2 = (name) => `"${name}"`;
var RUN_INSERT_SQL = `INSERT INTO "Run" ("id", "workflowVersionId", "workflowId", "projectId", "status", "params", "trigger",
  "triggeredById", "ownerInstanceId", "workingDir", "queuedAt", "startedAt", "finishedAt", "deadlineAt", "pausedAt",
  "pausedBy", "cancelledAt", "cancelledBy", "error", "metrics")
SELECT ?, v."id", v."workflowId", w."projectId", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
FROM "WorkflowVersion" v JOIN "Workflow" w ON w."id" = v."workflowId" WHERE v."id" = ?`;
var SqliteBatchWriter = class {
  constructor(db) {
    this.db = db;
  }
  db;
  statements = /* @__PURE__ */ new Map();
  inserts = /* @__PURE__ */ new Map();
  stmt(sql2) {
    let s = this.statements.get(sql2);
    if (!s) {
      s = this.db.prepare(sql2);
      this.statements.set(sql2, s);
    }
    return s;
  }
  /** Run ids of the fence that exist and are owned by someone else. */
  fencedRuns(fence) {
    const owner = this.stmt(`SELECT "ownerInstanceId" AS o FROM "Run" WHERE "id" = ?`);
    const lost = [];
    for (const runId of fence.runIds) {
      const row = owner.get(runId);
      if (row !== void 0 && row.o !== fence.instanceId) lost.push(runId);
    }
    return lost;
  }
  /** Inserts records of one table; the statement and the bind array are built once per call, not per row. */
  insertAll(table, columns, records) {
    let spec2 = this.inserts.get(columns);
    if (!spec2) {
      const keys = Object.keys(columns);
      const sql2 = `INSERT INTO ${q2(table)} (${keys.map((k) => q2(columns[k].column)).join(", ")}) VALUES (${keys.map(() => "?").join(", ")})`;
      spec2 = { keys, cols: keys.map((k) => columns[k]), sql: sql2 };
      this.inserts.set(columns, spec2);
    }
    const statement = this.stmt(spec2.sql);
    const values = new Array(spec2.keys.length);
    for (const record of records) {
      for (let i = 0; i < spec2.keys.length; i++) values[i] = encode2(spec2.cols[i], record[spec2.keys[i]]);
      statement.run(values);
    }
  }
  update(table, id, entries) {
    if (entries.length === 0) return 0;
    const sql2 = `UPDATE ${q2(table)} SET ${entries.map(([c2]) => `${q2(c2.column)} = ?`).join(", ")} WHERE "id" = ?`;
    return this.stmt(sql2).run(...entries.map(([c2, v]) => encode2(c2, v)), id).changes;
  }
  /** Applies one mutation; throws on constraint violations (the caller rolls back). */
  apply(m) {
    switch (m.type) {
      case "run.insert": {
        const r = m.run;
        const res = this.stmt(RUN_INSERT_SQL).run(
          r.id,
          r.status,
          JSON.stringify(r.params ?? {}),
          r.trigger,
          r.triggeredBy,
          r.ownerInstanceId,
          r.workingDir,
          sqliteDate(r.createdAt),
          r.startedAt === null ? null : sqliteDate(r.startedAt),
          r.finishedAt === null ? null : sqliteDate(r.finishedAt),
          r.deadlineAt === null ? null : sqliteDate(r.deadlineAt),
          r.pausedAt === null ? null : sqliteDate(r.pausedAt),
          r.pausedBy,
          r.cancelledAt === null ? null : sqliteDate(r.cancelledAt),
          r.cancelledBy,
          r.error,
          r.metrics === null ? null : JSON.stringify(r.metrics),
          r.workflowVersionId
        );
        if (res.changes !== 1) throw new Error(`run.insert ${r.id}: workflow version ${r.workflowVersionId} does not exist`);
        return;
      }
      case "run.update":
        this.update("Run", m.runId, patchEntries(m.patch, RUN_PATCH_COLUMNS, "run.update"));
        return;
      case "tasks.insert":
        this.insertAll("TaskRun", TASK_INSERT_COLUMNS, m.tasks);
        return;
      case "task.update":
        this.update("TaskRun", m.taskRunId, patchEntries(m.patch, TASK_PATCH_COLUMNS, "task.update"));
        return;
      case "attempt.insert":
        this.insertAll("TaskAttempt", ATTEMPT_INSERT_COLUMNS, [m.attempt]);
        return;
      case "attempt.update":
        this.update("TaskAttempt", m.attemptId, patchEntries(m.patch, ATTEMPT_PATCH_COLUMNS, "attempt.update"));
        return;
      case "events.append": {
        const s = this.stmt(`INSERT INTO "RunEvent" ("runId", "seq", "type", "payload", "createdAt") VALUES (?, ?, ?, ?, ?)`);
        for (const e of m.events) s.run(e.runId, e.seq, e.type, JSON.stringify(e.payload ?? null), sqliteDate(e.ts));
        return;
      }
      case "logs.append": {
        const s = this.stmt(
          `INSERT INTO "LogChunk" ("taskRunId", "attempt", "seq", "runId", "stream", "text", "ts") VALUES (?, ?, ?, ?, ?, ?, ?)`
        );
        for (const l of m.chunks) s.run(l.taskRunId, l.attempt, l.seq, l.runId, l.stream, l.text, sqliteDate(l.ts));
        return;
      }
      case "allocation.insert": {
        const a2 = m.allocation;
        this.stmt(
          `INSERT INTO "ResourceAllocation" ("id", "poolName", "amount", "runId", "taskRunId", "attempt", "instanceId", "acquiredAt", "releasedAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
        ).run(a2.id, a2.pool, a2.amount, a2.runId, a2.taskRunId, a2.attempt, a2.instanceId, sqliteDate(a2.acquiredAt), a2.releasedAt === null ? null : sqliteDate(a2.releasedAt));
        return;
      }
      case "allocation.release":
        this.stmt(`UPDATE "ResourceAllocation" SET "releasedAt" = ? WHERE "id" = ? AND "releasedAt" IS NULL`).run(
          sqliteDate(m.releasedAt),
          m.allocationId
        );
        return;
      case "allocations.releaseRun":
        this.stmt(`UPDATE "ResourceAllocation" SET "releasedAt" = ? WHERE "runId" = ? AND "releasedAt" IS NULL`).run(
          sqliteDate(m.releasedAt),
          m.runId
        );
        return;
      case "metrics.append": {
        const s = this.stmt(`INSERT INTO "MetricSample" ("taskRunId", "attempt", "ts", "cpuPercent", "rssMb") VALUES (?, ?, ?, ?, ?)`);
        for (const x of m.samples) s.run(x.taskRunId, x.attempt, sqliteDate(x.ts), x.cpuPercent, x.rssMb);
        return;
      }
      default: {
        const never = m;
        throw new Error(`engine store: unknown mutation ${JSON.stringify(never)}`);
      }
    }
  }
  /** Runs a compare-and-set UPDATE and returns the number of changed rows. */
  run(sql2, ...params) {
    return this.stmt(sql2).run(...params).changes;
  }
};

// lib/generated/postgresql/client.ts
import * as path3 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// lib/generated/postgresql/internal/class.ts
import * as runtime3 from "@prisma/client/runtime/client";
var config2 = {
  "generator": {
    "name": "client",
    "provider": {
      "fromEnvVar": null,
      "value": "prisma-client"
    },
    "output": {
      "value": "/work/main/lib/generated/postgresql",
      "fromEnvVar": null
    },
    "config": {
      "engineType": "client"
    },
    "binaryTargets": [
      {
        "fromEnvVar": null,
        "value": "debian-openssl-3.0.x",
        "native": true
      }
    ],
    "previewFeatures": [],
    "sourceFilePath": "/work/main/prisma/postgresql/schema.prisma",
    "isCustomOutput": true
  },
  "relativePath": "../../../prisma/postgresql",
  "clientVersion": "6.19.3",
  "engineVersion": "c2990dca591cba766e3b7ef5d9e8a84796e47ab7",
  "datasourceNames": [
    "db"
  ],
  "activeProvider": "postgresql",
  "postinstall": false,
  "inlineDatasources": {
    "db": {
      "url": {
        "fromEnvVar": "DATABASE_URL",
        "value": null
      }
    }
  },
  "inlineSchema": '// GENERATED by scripts/gen-pg-schema.mjs from prisma/schema.prisma \u2014 DO NOT EDIT.\n// Edit prisma/schema.prisma, then run: node scripts/gen-pg-schema.mjs\n// (the drift check, `node scripts/gen-pg-schema.mjs --check`, fails otherwise).\n\n// Myrmex data model \u2014 the SOURCE OF TRUTH (SQLite).\n//\n// prisma/postgresql/schema.prisma is GENERATED from this file by\n// `node scripts/gen-pg-schema.mjs` (provider and client output swapped);\n// never edit the generated copy. `node scripts/gen-pg-schema.mjs --check`\n// fails when the two drift. Keep to features both providers support: no\n// native types (@db.*), no provider-specific defaults.\n//\n// Conventions\n// - Ids are strings. App-created rows default to cuid(); the engine supplies\n//   its own ids (UUID-like) for runs, task runs, attempts and allocations.\n// - Timestamps are DateTime (UTC). The engine port speaks epoch ms and\n//   converts at the boundary (lib/db/engine-store.ts).\n// - Engine-facing "who" columns (triggeredById, pausedBy, cancelledBy,\n//   instanceId, workerId, ownerInstanceId) are plain strings WITHOUT foreign\n//   keys: they may name a user, a token, "cli" or an engine instance that is\n//   long gone, and history must survive the deletion of what they name.\n// - Deleting a project cascades to its workflows \u2192 versions \u2192 runs \u2192 task\n//   runs \u2192 attempts, logs, events, allocations and metric samples.\n\ngenerator client {\n  provider   = "prisma-client"\n  output     = "../../lib/generated/postgresql"\n  engineType = "client"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Projects \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\nenum ProjectStatus {\n  active\n  paused\n  archived\n}\n\nmodel Project {\n  id          String        @id @default(cuid())\n  name        String\n  /// URL-safe identifier, unique across projects.\n  slug        String        @unique\n  description String        @default("")\n  /// Working directory for the project\'s shell steps (absolute or relative to the data dir).\n  workingDir  String?\n  status      ProjectStatus @default(active)\n  /// Optimistic concurrency: bump on every update, update WHERE version = expected.\n  version     Int           @default(1)\n  createdAt   DateTime      @default(now())\n  updatedAt   DateTime      @updatedAt\n  archivedAt  DateTime?\n\n  workflows  Workflow[]\n  runs       Run[]\n  /// Projects this project depends on.\n  dependsOn  ProjectDependency[] @relation("dependent")\n  /// Projects that depend on this one.\n  dependents ProjectDependency[] @relation("dependency")\n\n  @@index([status, name])\n}\n\n/// "project depends on dependsOn". Removing either project removes the edge.\nmodel ProjectDependency {\n  projectId   String\n  dependsOnId String\n  createdAt   DateTime @default(now())\n\n  project   Project @relation("dependent", fields: [projectId], references: [id], onDelete: Cascade)\n  dependsOn Project @relation("dependency", fields: [dependsOnId], references: [id], onDelete: Cascade)\n\n  @@id([projectId, dependsOnId])\n  @@index([dependsOnId])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Workflows \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\nmodel Workflow {\n  id          String   @id @default(cuid())\n  projectId   String\n  name        String\n  /// Unique within the project.\n  slug        String\n  description String   @default("")\n  archived    Boolean  @default(false)\n  /// Editor layout: node positions etc. ({ nodes: { [stepId]: { x, y } } }).\n  layout      Json?\n  createdAt   DateTime @default(now())\n  updatedAt   DateTime @updatedAt\n\n  project  Project           @relation(fields: [projectId], references: [id], onDelete: Cascade)\n  versions WorkflowVersion[]\n  runs     Run[]\n\n  @@unique([projectId, slug])\n  @@index([projectId, archived, name])\n}\n\n/// Immutable once written: a run always points at the exact version it executed.\nmodel WorkflowVersion {\n  id          String   @id @default(cuid())\n  workflowId  String\n  /// 1, 2, 3 \u2026 per workflow.\n  number      Int\n  /// The validated definition (JSON form of the YAML).\n  definition  Json\n  /// The text the author wrote (YAML or JSON), if any.\n  source      String?\n  createdById String?\n  createdAt   DateTime @default(now())\n\n  workflow  Workflow @relation(fields: [workflowId], references: [id], onDelete: Cascade)\n  createdBy User?    @relation(fields: [createdById], references: [id], onDelete: SetNull)\n  runs      Run[]\n\n  @@unique([workflowId, number])\n  @@index([createdById])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Runs \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\nenum RunStatus {\n  queued\n  running\n  paused\n  succeeded\n  failed\n  cancelled\n}\n\nenum RunTrigger {\n  ui\n  cli\n  api\n  schedule\n}\n\nmodel Run {\n  id                String     @id @default(cuid())\n  workflowVersionId String\n  /// Denormalized from the version, for "runs of a workflow" queries.\n  workflowId        String\n  /// Denormalized from the workflow, for "runs of a project" queries.\n  projectId         String\n  status            RunStatus  @default(queued)\n  /// Resolved params (defaults applied).\n  params            Json\n  trigger           RunTrigger @default(ui)\n  /// User (or token/"cli" label) that started it.\n  triggeredById     String?\n  /// Engine instance executing the run; null = unowned (any instance may claim it).\n  ownerInstanceId   String?\n  /// Working directory snapshot for shell steps.\n  workingDir        String?\n  queuedAt          DateTime   @default(now())\n  startedAt         DateTime?\n  finishedAt        DateTime?\n  /// Absolute deadline from the definition\'s timeoutSec.\n  deadlineAt        DateTime?\n  pausedAt          DateTime?\n  pausedBy          String?\n  cancelledAt       DateTime?\n  cancelledBy       String?\n  /// Human-readable reason of a failure or cancellation.\n  error             String?\n  /// Summary metrics (makespan, critical path, queue wait, parallelism, counts).\n  metrics           Json?\n  /// A pause/resume/cancel asked for by an instance that does not own the run; the owner applies and clears it.\n  controlRequest    Json?\n\n  workflowVersion WorkflowVersion      @relation(fields: [workflowVersionId], references: [id], onDelete: Cascade)\n  workflow        Workflow             @relation(fields: [workflowId], references: [id], onDelete: Cascade)\n  project         Project              @relation(fields: [projectId], references: [id], onDelete: Cascade)\n  tasks           TaskRun[]\n  attempts        TaskAttempt[]\n  events          RunEvent[]\n  logs            LogChunk[]\n  allocations     ResourceAllocation[]\n\n  @@index([projectId, queuedAt])\n  @@index([projectId, status, queuedAt])\n  @@index([workflowId, queuedAt])\n  @@index([status, queuedAt])\n  @@index([workflowVersionId])\n  @@index([ownerInstanceId])\n}\n\nenum TaskStatus {\n  pending\n  waiting\n  ready\n  running\n  succeeded\n  failed\n  skipped\n  cancelled\n  cached\n  upstream_failed\n}\n\n/// Current state of one step in one run (what the DAG view shows).\nmodel TaskRun {\n  id           String     @id @default(cuid())\n  runId        String\n  stepId       String\n  status       TaskStatus @default(pending)\n  /// Number of the current/last attempt; 0 before the first.\n  attempt      Int        @default(0)\n  /// Why it is not running (dependencies, resource, concurrency, paused, backoff).\n  waitReason   Json?\n  queuedAt     DateTime?\n  startedAt    DateTime?\n  finishedAt   DateTime?\n  exitCode     Int?\n  httpStatus   Int?\n  error        String?\n  outputs      Json?\n  cpuSeconds   Float?\n  peakMemoryMb Float?\n  instanceId   String?\n  workerId     String?\n  cacheKey     String?\n\n  run         Run                  @relation(fields: [runId], references: [id], onDelete: Cascade)\n  attempts    TaskAttempt[]\n  logs        LogChunk[]\n  allocations ResourceAllocation[]\n  samples     MetricSample[]\n\n  @@unique([runId, stepId])\n  @@index([cacheKey, status])\n}\n\nenum AttemptStatus {\n  running\n  succeeded\n  failed\n  timed_out\n  cancelled\n  lost\n}\n\n/// One attempt of one step: its own timings, outcome and metrics (Gantt, retry history).\nmodel TaskAttempt {\n  id               String        @id @default(cuid())\n  taskRunId        String\n  runId            String\n  stepId           String\n  /// 1-based.\n  attempt          Int\n  status           AttemptStatus @default(running)\n  queuedAt         DateTime\n  startedAt        DateTime\n  finishedAt       DateTime?\n  exitCode         Int?\n  httpStatus       Int?\n  /// Machine-readable failure reason (exit-non-zero, timeout, lost \u2026).\n  reason           String?\n  error            String?\n  outputs          Json?\n  cpuSeconds       Float?\n  peakMemoryMb     Float?\n  instanceId       String\n  workerId         String?\n  /// Host the attempt ran on (crash recovery kills a lost attempt\'s processes only on the same host).\n  host             String?\n  /// Process group of a shell attempt (= pid of its `/bin/sh`), recorded once spawned.\n  processGroupId   Int?\n  /// Start identity of that group leader ("<boot id>:<starttime ticks>" on Linux), so a recycled pid is never killed.\n  processStartTime String?\n\n  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)\n  run     Run     @relation(fields: [runId], references: [id], onDelete: Cascade)\n\n  @@unique([taskRunId, attempt])\n  @@index([runId, startedAt])\n}\n\nenum LogStream {\n  stdout\n  stderr\n}\n\n/// A chunk of an attempt\'s output; seq is per (taskRunId, attempt) across both streams.\nmodel LogChunk {\n  taskRunId String\n  attempt   Int\n  seq       Int\n  runId     String\n  stream    LogStream\n  text      String\n  ts        DateTime\n\n  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)\n  run     Run     @relation(fields: [runId], references: [id], onDelete: Cascade)\n\n  @@id([taskRunId, attempt, seq])\n  @@index([runId, ts])\n}\n\n/// A run\'s ordered event log (live stream replay, audit). seq = 1, 2, 3 \u2026 per run.\nmodel RunEvent {\n  runId     String\n  seq       Int\n  type      String\n  payload   Json\n  createdAt DateTime @default(now())\n\n  run Run @relation(fields: [runId], references: [id], onDelete: Cascade)\n\n  @@id([runId, seq])\n  @@index([createdAt])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Resources \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\nmodel ResourcePool {\n  id          String   @id @default(cuid())\n  /// Referenced by steps\' resources.pools and by allocations (by name).\n  name        String   @unique\n  capacity    Float\n  /// Built-in pools (cpu, memory) are managed by the engine, not deletable.\n  builtin     Boolean  @default(false)\n  description String   @default("")\n  createdAt   DateTime @default(now())\n  updatedAt   DateTime @updatedAt\n}\n\n/// Who held how much of a pool, when. The pool is referenced by NAME without a\n/// foreign key: built-in pools may have no row, and history outlives a pool.\nmodel ResourceAllocation {\n  id         String    @id @default(cuid())\n  poolName   String\n  amount     Float\n  runId      String\n  taskRunId  String\n  attempt    Int\n  instanceId String\n  acquiredAt DateTime\n  releasedAt DateTime?\n\n  run     Run     @relation(fields: [runId], references: [id], onDelete: Cascade)\n  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)\n\n  @@index([poolName, releasedAt])\n  @@index([runId, releasedAt])\n  @@index([taskRunId])\n  @@index([acquiredAt])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Metrics \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\n/// CPU/memory sample of a running attempt\'s process tree.\nmodel MetricSample {\n  id         Int      @id @default(autoincrement())\n  taskRunId  String\n  attempt    Int\n  ts         DateTime\n  cpuPercent Float\n  rssMb      Float\n\n  taskRun TaskRun @relation(fields: [taskRunId], references: [id], onDelete: Cascade)\n\n  @@index([taskRunId, attempt, ts])\n}\n\n/// Host-level sample (health page, utilization charts).\nmodel HostSample {\n  id          Int      @id @default(autoincrement())\n  instanceId  String?\n  ts          DateTime\n  /// CPU busy percent of the whole host.\n  cpuPercent  Float\n  memUsedMb   Float\n  memTotalMb  Float\n  diskUsedMb  Float?\n  diskTotalMb Float?\n\n  @@index([ts])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Engine instances \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\nenum InstanceKind {\n  server\n  cli\n  worker\n}\n\n/// A live engine process (web server, CLI, remote worker). A missing row or a\n/// stale heartbeat means the instance is dead and its runs may be taken over.\nmodel EngineInstance {\n  id          String       @id\n  host        String\n  pid         Int\n  kind        InstanceKind @default(server)\n  /// Task slots offered (workers); null = unlimited/engine default.\n  capacity    Int?\n  /// Free-form labels for worker selection ({ "gpu": "true" }).\n  labels      Json?\n  startedAt   DateTime\n  heartbeatAt DateTime\n\n  @@index([heartbeatAt])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Accounts (better-auth core + Myrmex) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\nenum Role {\n  admin\n  editor\n  viewer\n}\n\nmodel User {\n  id            String   @id @default(cuid())\n  name          String\n  email         String   @unique\n  emailVerified Boolean  @default(false)\n  image         String?\n  role          Role     @default(viewer)\n  /// A disabled user cannot sign in; their sessions are deleted when set.\n  disabled      Boolean  @default(false)\n  createdAt     DateTime @default(now())\n  updatedAt     DateTime @updatedAt\n\n  sessions         Session[]\n  accounts         Account[]\n  apiTokens        ApiToken[]\n  auditEntries     AuditEntry[]\n  workflowVersions WorkflowVersion[]\n}\n\nmodel Session {\n  id        String   @id @default(cuid())\n  userId    String\n  token     String   @unique\n  expiresAt DateTime\n  ipAddress String?\n  userAgent String?\n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n\n  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@index([userId])\n}\n\n/// Credentials: for email + password, providerId = "credential" and password holds the hash.\nmodel Account {\n  id                    String    @id @default(cuid())\n  userId                String\n  accountId             String\n  providerId            String\n  accessToken           String?\n  refreshToken          String?\n  idToken               String?\n  accessTokenExpiresAt  DateTime?\n  refreshTokenExpiresAt DateTime?\n  scope                 String?\n  password              String?\n  createdAt             DateTime  @default(now())\n  updatedAt             DateTime  @updatedAt\n\n  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@index([userId])\n}\n\nmodel Verification {\n  id         String   @id @default(cuid())\n  identifier String\n  value      String\n  expiresAt  DateTime\n  createdAt  DateTime @default(now())\n  updatedAt  DateTime @updatedAt\n\n  @@index([identifier])\n}\n\n/// better-auth\'s database rate-limit storage (shared across processes).\nmodel RateLimit {\n  id          String @id @default(cuid())\n  key         String @unique\n  count       Int\n  lastRequest BigInt\n}\n\n/// Personal API token. Only a hash is stored; `prefix` (first chars) identifies it in lists.\nmodel ApiToken {\n  id         String    @id @default(cuid())\n  userId     String\n  name       String\n  tokenHash  String    @unique\n  prefix     String\n  /// Acts with the owner\'s role, narrowed to reads when true.\n  readOnly   Boolean   @default(false)\n  createdAt  DateTime  @default(now())\n  expiresAt  DateTime?\n  lastUsedAt DateTime?\n  revokedAt  DateTime?\n\n  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@index([userId, revokedAt])\n}\n\n/// Who did what to what, when. Targets are referenced by id without foreign\n/// keys so the trail outlives what it describes.\nmodel AuditEntry {\n  id         String   @id @default(cuid())\n  /// The acting user; null for the system or after the user was deleted.\n  actorId    String?\n  /// Display label at the time ("alice@example.com", "token:ci", "system").\n  actorLabel String\n  /// e.g. project.create, workflow.update, run.start, run.pause, run.cancel.\n  action     String\n  /// project | workflow | run | pool | user | token | settings\n  targetType String\n  targetId   String?\n  projectId  String?\n  workflowId String?\n  runId      String?\n  details    Json?\n  ip         String?\n  createdAt  DateTime @default(now())\n\n  actor User? @relation(fields: [actorId], references: [id], onDelete: SetNull)\n\n  @@index([createdAt])\n  @@index([targetType, targetId, createdAt])\n  @@index([projectId, createdAt])\n  @@index([workflowId, createdAt])\n  @@index([runId, createdAt])\n  @@index([actorId, createdAt])\n}\n\n// \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500 Settings \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\n\n/// Instance-wide settings and one-time markers (e.g. "seed.examples.v1").\nmodel AppSetting {\n  key       String   @id\n  value     Json\n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}\n',
  "inlineSchemaHash": "e79adb830b778dfd1ccf714b1a5374f36b32ca5a7344e2f2ac67006c662cfd80",
  "copyEngine": true,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "dirname": ""
};
config2.runtimeDataModel = JSON.parse('{"models":{"Project":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"slug","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"workingDir","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"ProjectStatus"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"archivedAt","kind":"scalar","type":"DateTime"},{"name":"workflows","kind":"object","type":"Workflow","relationName":"ProjectToWorkflow"},{"name":"runs","kind":"object","type":"Run","relationName":"ProjectToRun"},{"name":"dependsOn","kind":"object","type":"ProjectDependency","relationName":"dependent"},{"name":"dependents","kind":"object","type":"ProjectDependency","relationName":"dependency"}],"dbName":null},"ProjectDependency":{"fields":[{"name":"projectId","kind":"scalar","type":"String"},{"name":"dependsOnId","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"project","kind":"object","type":"Project","relationName":"dependent"},{"name":"dependsOn","kind":"object","type":"Project","relationName":"dependency"}],"dbName":null},"Workflow":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"projectId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"slug","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"archived","kind":"scalar","type":"Boolean"},{"name":"layout","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"project","kind":"object","type":"Project","relationName":"ProjectToWorkflow"},{"name":"versions","kind":"object","type":"WorkflowVersion","relationName":"WorkflowToWorkflowVersion"},{"name":"runs","kind":"object","type":"Run","relationName":"RunToWorkflow"}],"dbName":null},"WorkflowVersion":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workflowId","kind":"scalar","type":"String"},{"name":"number","kind":"scalar","type":"Int"},{"name":"definition","kind":"scalar","type":"Json"},{"name":"source","kind":"scalar","type":"String"},{"name":"createdById","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workflow","kind":"object","type":"Workflow","relationName":"WorkflowToWorkflowVersion"},{"name":"createdBy","kind":"object","type":"User","relationName":"UserToWorkflowVersion"},{"name":"runs","kind":"object","type":"Run","relationName":"RunToWorkflowVersion"}],"dbName":null},"Run":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workflowVersionId","kind":"scalar","type":"String"},{"name":"workflowId","kind":"scalar","type":"String"},{"name":"projectId","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"RunStatus"},{"name":"params","kind":"scalar","type":"Json"},{"name":"trigger","kind":"enum","type":"RunTrigger"},{"name":"triggeredById","kind":"scalar","type":"String"},{"name":"ownerInstanceId","kind":"scalar","type":"String"},{"name":"workingDir","kind":"scalar","type":"String"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"deadlineAt","kind":"scalar","type":"DateTime"},{"name":"pausedAt","kind":"scalar","type":"DateTime"},{"name":"pausedBy","kind":"scalar","type":"String"},{"name":"cancelledAt","kind":"scalar","type":"DateTime"},{"name":"cancelledBy","kind":"scalar","type":"String"},{"name":"error","kind":"scalar","type":"String"},{"name":"metrics","kind":"scalar","type":"Json"},{"name":"controlRequest","kind":"scalar","type":"Json"},{"name":"workflowVersion","kind":"object","type":"WorkflowVersion","relationName":"RunToWorkflowVersion"},{"name":"workflow","kind":"object","type":"Workflow","relationName":"RunToWorkflow"},{"name":"project","kind":"object","type":"Project","relationName":"ProjectToRun"},{"name":"tasks","kind":"object","type":"TaskRun","relationName":"RunToTaskRun"},{"name":"attempts","kind":"object","type":"TaskAttempt","relationName":"RunToTaskAttempt"},{"name":"events","kind":"object","type":"RunEvent","relationName":"RunToRunEvent"},{"name":"logs","kind":"object","type":"LogChunk","relationName":"LogChunkToRun"},{"name":"allocations","kind":"object","type":"ResourceAllocation","relationName":"ResourceAllocationToRun"}],"dbName":null},"TaskRun":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"runId","kind":"scalar","type":"String"},{"name":"stepId","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"TaskStatus"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"waitReason","kind":"scalar","type":"Json"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"exitCode","kind":"scalar","type":"Int"},{"name":"httpStatus","kind":"scalar","type":"Int"},{"name":"error","kind":"scalar","type":"String"},{"name":"outputs","kind":"scalar","type":"Json"},{"name":"cpuSeconds","kind":"scalar","type":"Float"},{"name":"peakMemoryMb","kind":"scalar","type":"Float"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"workerId","kind":"scalar","type":"String"},{"name":"cacheKey","kind":"scalar","type":"String"},{"name":"run","kind":"object","type":"Run","relationName":"RunToTaskRun"},{"name":"attempts","kind":"object","type":"TaskAttempt","relationName":"TaskAttemptToTaskRun"},{"name":"logs","kind":"object","type":"LogChunk","relationName":"LogChunkToTaskRun"},{"name":"allocations","kind":"object","type":"ResourceAllocation","relationName":"ResourceAllocationToTaskRun"},{"name":"samples","kind":"object","type":"MetricSample","relationName":"MetricSampleToTaskRun"}],"dbName":null},"TaskAttempt":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"runId","kind":"scalar","type":"String"},{"name":"stepId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"status","kind":"enum","type":"AttemptStatus"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"exitCode","kind":"scalar","type":"Int"},{"name":"httpStatus","kind":"scalar","type":"Int"},{"name":"reason","kind":"scalar","type":"String"},{"name":"error","kind":"scalar","type":"String"},{"name":"outputs","kind":"scalar","type":"Json"},{"name":"cpuSeconds","kind":"scalar","type":"Float"},{"name":"peakMemoryMb","kind":"scalar","type":"Float"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"workerId","kind":"scalar","type":"String"},{"name":"host","kind":"scalar","type":"String"},{"name":"processGroupId","kind":"scalar","type":"Int"},{"name":"processStartTime","kind":"scalar","type":"String"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"TaskAttemptToTaskRun"},{"name":"run","kind":"object","type":"Run","relationName":"RunToTaskAttempt"}],"dbName":null},"LogChunk":{"fields":[{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"seq","kind":"scalar","type":"Int"},{"name":"runId","kind":"scalar","type":"String"},{"name":"stream","kind":"enum","type":"LogStream"},{"name":"text","kind":"scalar","type":"String"},{"name":"ts","kind":"scalar","type":"DateTime"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"LogChunkToTaskRun"},{"name":"run","kind":"object","type":"Run","relationName":"LogChunkToRun"}],"dbName":null},"RunEvent":{"fields":[{"name":"runId","kind":"scalar","type":"String"},{"name":"seq","kind":"scalar","type":"Int"},{"name":"type","kind":"scalar","type":"String"},{"name":"payload","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"run","kind":"object","type":"Run","relationName":"RunToRunEvent"}],"dbName":null},"ResourcePool":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"capacity","kind":"scalar","type":"Float"},{"name":"builtin","kind":"scalar","type":"Boolean"},{"name":"description","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"ResourceAllocation":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"poolName","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Float"},{"name":"runId","kind":"scalar","type":"String"},{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"acquiredAt","kind":"scalar","type":"DateTime"},{"name":"releasedAt","kind":"scalar","type":"DateTime"},{"name":"run","kind":"object","type":"Run","relationName":"ResourceAllocationToRun"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"ResourceAllocationToTaskRun"}],"dbName":null},"MetricSample":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"taskRunId","kind":"scalar","type":"String"},{"name":"attempt","kind":"scalar","type":"Int"},{"name":"ts","kind":"scalar","type":"DateTime"},{"name":"cpuPercent","kind":"scalar","type":"Float"},{"name":"rssMb","kind":"scalar","type":"Float"},{"name":"taskRun","kind":"object","type":"TaskRun","relationName":"MetricSampleToTaskRun"}],"dbName":null},"HostSample":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"instanceId","kind":"scalar","type":"String"},{"name":"ts","kind":"scalar","type":"DateTime"},{"name":"cpuPercent","kind":"scalar","type":"Float"},{"name":"memUsedMb","kind":"scalar","type":"Float"},{"name":"memTotalMb","kind":"scalar","type":"Float"},{"name":"diskUsedMb","kind":"scalar","type":"Float"},{"name":"diskTotalMb","kind":"scalar","type":"Float"}],"dbName":null},"EngineInstance":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"host","kind":"scalar","type":"String"},{"name":"pid","kind":"scalar","type":"Int"},{"name":"kind","kind":"enum","type":"InstanceKind"},{"name":"capacity","kind":"scalar","type":"Int"},{"name":"labels","kind":"scalar","type":"Json"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"heartbeatAt","kind":"scalar","type":"DateTime"}],"dbName":null},"User":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"emailVerified","kind":"scalar","type":"Boolean"},{"name":"image","kind":"scalar","type":"String"},{"name":"role","kind":"enum","type":"Role"},{"name":"disabled","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"sessions","kind":"object","type":"Session","relationName":"SessionToUser"},{"name":"accounts","kind":"object","type":"Account","relationName":"AccountToUser"},{"name":"apiTokens","kind":"object","type":"ApiToken","relationName":"ApiTokenToUser"},{"name":"auditEntries","kind":"object","type":"AuditEntry","relationName":"AuditEntryToUser"},{"name":"workflowVersions","kind":"object","type":"WorkflowVersion","relationName":"UserToWorkflowVersion"}],"dbName":null},"Session":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"token","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"ipAddress","kind":"scalar","type":"String"},{"name":"userAgent","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"SessionToUser"}],"dbName":null},"Account":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"accountId","kind":"scalar","type":"String"},{"name":"providerId","kind":"scalar","type":"String"},{"name":"accessToken","kind":"scalar","type":"String"},{"name":"refreshToken","kind":"scalar","type":"String"},{"name":"idToken","kind":"scalar","type":"String"},{"name":"accessTokenExpiresAt","kind":"scalar","type":"DateTime"},{"name":"refreshTokenExpiresAt","kind":"scalar","type":"DateTime"},{"name":"scope","kind":"scalar","type":"String"},{"name":"password","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"AccountToUser"}],"dbName":null},"Verification":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"identifier","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"RateLimit":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"key","kind":"scalar","type":"String"},{"name":"count","kind":"scalar","type":"Int"},{"name":"lastRequest","kind":"scalar","type":"BigInt"}],"dbName":null},"ApiToken":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"prefix","kind":"scalar","type":"String"},{"name":"readOnly","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"lastUsedAt","kind":"scalar","type":"DateTime"},{"name":"revokedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"ApiTokenToUser"}],"dbName":null},"AuditEntry":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"actorLabel","kind":"scalar","type":"String"},{"name":"action","kind":"scalar","type":"String"},{"name":"targetType","kind":"scalar","type":"String"},{"name":"targetId","kind":"scalar","type":"String"},{"name":"projectId","kind":"scalar","type":"String"},{"name":"workflowId","kind":"scalar","type":"String"},{"name":"runId","kind":"scalar","type":"String"},{"name":"details","kind":"scalar","type":"Json"},{"name":"ip","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"actor","kind":"object","type":"User","relationName":"AuditEntryToUser"}],"dbName":null},"AppSetting":{"fields":[{"name":"key","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null}},"enums":{},"types":{}}');
config2.engineWasm = void 0;
async function decodeBase64AsWasm2(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config2.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.mjs");
    return await decodeBase64AsWasm2(wasm);
  }
};
function getPrismaClientClass2(dirname3) {
  config2.dirname = dirname3;
  return runtime3.getPrismaClient(config2);
}

// lib/generated/postgresql/internal/prismaNamespace.ts
import * as runtime4 from "@prisma/client/runtime/client";
var getExtensionContext2 = runtime4.Extensions.getExtensionContext;
var NullTypes2 = {
  DbNull: runtime4.objectEnumValues.classes.DbNull,
  JsonNull: runtime4.objectEnumValues.classes.JsonNull,
  AnyNull: runtime4.objectEnumValues.classes.AnyNull
};
var DbNull2 = runtime4.objectEnumValues.instances.DbNull;
var JsonNull2 = runtime4.objectEnumValues.instances.JsonNull;
var AnyNull2 = runtime4.objectEnumValues.instances.AnyNull;
var TransactionIsolationLevel2 = runtime4.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
var defineExtension2 = runtime4.Extensions.defineExtension;

// lib/generated/postgresql/client.ts
globalThis["__dirname"] = path3.dirname(fileURLToPath2(import.meta.url));
var PrismaClient2 = getPrismaClientClass2(__dirname);

// lib/db/adapters.ts
import { mkdirSync } from "node:fs";
import path4 from "node:path";
import { randomUUID as randomUUID3 } from "node:crypto";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
function providerOf(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  const scheme = url.includes(":") ? `${url.split(":")[0]}:` : `"${url}"`;
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got ${scheme}\u2026`
  );
}
function sqlitePathOf(url, baseDir) {
  const raw4 = decodeURIComponent(url.slice("file:".length).replace(/\?.*$/, "").replace(/^\/\/(?=\/)/, ""));
  if (raw4 === ":memory:" || raw4 === "") return ":memory:";
  return path4.resolve(baseDir, raw4);
}
var SqliteAdapterFactory = class {
  provider = "sqlite";
  adapterName;
  file;
  /** The raw handle of the most recent connection (null before `connect()`). */
  db = null;
  inner;
  onConnect;
  constructor(file, options = {}) {
    this.file = file;
    this.onConnect = options.onConnect;
    if (file !== ":memory:") mkdirSync(path4.dirname(file), { recursive: true });
    this.inner = new PrismaBetterSQLite3({ url: file, timeout: options.busyTimeoutMs ?? 1e4 });
    this.adapterName = this.inner.adapterName;
  }
  async connect() {
    const adapter = await this.inner.connect();
    const db = rawSqliteHandle(adapter);
    if (this.file !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    const prepare = db.prepare.bind(db);
    db.prepare = ((source) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source));
    this.db = db;
    this.onConnect?.(db);
    return adapter;
  }
  /**
   * `prisma migrate diff --from-migrations` replays each migration file into
   * the shadow database as ONE `executeRaw`, which better-sqlite3's
   * `prepare()` rejects ("contains more than one statement"): run such
   * parameterless scripts with `exec()` instead.
   */
  async connectToShadowDb() {
    const adapter = await this.inner.connectToShadowDb();
    const db = rawSqliteHandle(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (err) {
        if (query.args.length === 0 && err instanceof RangeError && /more than one statement/.test(err.message)) {
          db.exec(query.sql);
          return 0;
        }
        throw err;
      }
    };
    return adapter;
  }
};
function rawSqliteHandle(adapter) {
  const db = adapter.client;
  if (!db || typeof db.prepare !== "function") {
    throw new Error("@prisma/adapter-better-sqlite3 changed: cannot reach the better-sqlite3 handle");
  }
  return db;
}
function createSqliteAdapterFactory(url, baseDir, options) {
  return new SqliteAdapterFactory(sqlitePathOf(url, baseDir), options);
}
var OID_REMAP = {
  18: 25,
  // "char" → text
  19: 25,
  // name → text
  1002: 1009,
  // "char"[] → text[]
  1003: 1009
  // name[] → text[]
};
var CatalogSafeClient = class extends pg.Client {
  _handleRowDescription(msg) {
    for (const field of msg.fields) {
      const to = OID_REMAP[field.dataTypeID];
      if (to !== void 0) field.dataTypeID = to;
    }
    pg.Client.prototype._handleRowDescription.call(
      this,
      msg
    );
  }
};
function pgConfigOf(url) {
  const u = new URL(url);
  const params = u.searchParams;
  const sslmode = params.get("sslmode");
  const pool = {
    host: params.get("host") ?? (decodeURIComponent(u.hostname) || "localhost"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || void 0,
    password: u.password ? decodeURIComponent(u.password) : void 0,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || void 0,
    ssl: sslmode === "require" || sslmode === "verify-ca" || sslmode === "verify-full" ? { rejectUnauthorized: sslmode !== "require" } : void 0,
    max: params.get("connection_limit") ? Number(params.get("connection_limit")) : 10,
    // Raw SQL (engine store, compare-and-sets) uses unqualified table names.
    options: params.get("schema") ? `-c search_path="${params.get("schema").replace(/"/g, '""')}"` : void 0,
    // Let CLI commands and short scripts exit once all work is done.
    allowExitOnIdle: true,
    Client: CatalogSafeClient
  };
  return { pool, schema: params.get("schema") ?? void 0 };
}
var SafeShadowPg = class extends PrismaPg {
  poolConfig;
  pgOptions;
  constructor(config3, options) {
    super(config3, options);
    this.poolConfig = config3;
    this.pgOptions = options;
  }
  /** The pg pool of the most recent connection (null before `connect()`); the engine store writes through it. */
  pool = null;
  async connect() {
    const adapter = await super.connect();
    this.pool = adapter.underlyingDriver();
    return adapter;
  }
  async connectToShadowDb() {
    const main = await super.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID3()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.poolConfig, database }, this.pgOptions).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
};
function createPgAdapterFactory(url) {
  const { pool, schema } = pgConfigOf(url);
  return new SafeShadowPg(pool, schema ? { schema } : void 0);
}
function createAdapterFactory(url, baseDir, sqliteOptions) {
  return providerOf(url) === "sqlite" ? createSqliteAdapterFactory(url, baseDir, sqliteOptions) : createPgAdapterFactory(url);
}

// lib/db/env.ts
import path5 from "node:path";
import { z as z3 } from "zod";
var urlSchema = z3.string().trim().min(1, "DATABASE_URL is empty").refine((url) => /^postgres(ql)?:\/\//i.test(url) || url.startsWith("file:"), {
  message: 'DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)'
}).refine((url) => !/^postgres/i.test(url) || URL.canParse(url), {
  message: "DATABASE_URL is not a valid postgresql:// URL"
});
var envSchema = z3.object({
  DATABASE_URL: urlSchema.optional(),
  MYRMEX_DATA_DIR: z3.string().trim().min(1).optional(),
  MYRMEX_ROOT: z3.string().trim().min(1).optional(),
  MYRMEX_DB_BUSY_TIMEOUT_MS: z3.coerce.number().int().min(0).default(1e4),
  MYRMEX_DB_POOL_SIZE: z3.coerce.number().int().min(1).max(1e3).default(10)
});
function parseDbEnv(env = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid database configuration:
${lines.join("\n")}`);
  }
  const e = parsed.data;
  const root = path5.resolve(
    /*turbopackIgnore: true*/
    e.MYRMEX_ROOT ?? process.cwd()
  );
  const dataDir = path5.resolve(
    /*turbopackIgnore: true*/
    root,
    e.MYRMEX_DATA_DIR ?? "data"
  );
  const raw4 = e.DATABASE_URL ?? `file:${path5.join(dataDir, "myrmex.db")}`;
  const provider = providerOf(raw4);
  if (provider === "postgresql") {
    const u = new URL(raw4);
    if (!u.searchParams.has("connection_limit")) u.searchParams.set("connection_limit", String(e.MYRMEX_DB_POOL_SIZE));
    return { url: u.toString(), provider, sqlitePath: null, busyTimeoutMs: e.MYRMEX_DB_BUSY_TIMEOUT_MS, poolSize: e.MYRMEX_DB_POOL_SIZE };
  }
  const sqlitePath = sqlitePathOf(raw4, root);
  return {
    url: sqlitePath === ":memory:" ? "file::memory:" : `file:${sqlitePath}`,
    provider,
    sqlitePath,
    busyTimeoutMs: e.MYRMEX_DB_BUSY_TIMEOUT_MS,
    poolSize: e.MYRMEX_DB_POOL_SIZE
  };
}

// lib/db/prisma.ts
var metaKey = /* @__PURE__ */ Symbol.for("myrmex.prisma.meta");
var meta = globalThis[metaKey] ??= /* @__PURE__ */ new WeakMap();
function createPrisma(options = {}) {
  const env = options.url ? { ...options.env ?? process.env, DATABASE_URL: options.url } : options.env ?? process.env;
  const config3 = parseDbEnv(env);
  const factory = createAdapterFactory(config3.url, process.cwd(), { busyTimeoutMs: config3.busyTimeoutMs });
  const log = options.log ?? ["warn"];
  const client = config3.provider === "sqlite" ? new PrismaClient({ adapter: factory, log, errorFormat: "minimal" }) : new PrismaClient2({ adapter: factory, log, errorFormat: "minimal" });
  meta.set(client, {
    provider: config3.provider,
    config: config3,
    sqlite: factory instanceof SqliteAdapterFactory ? factory : null,
    pg: factory instanceof SafeShadowPg ? factory : null
  });
  return client;
}
function metaOf(client) {
  const m = meta.get(client);
  if (!m) throw new Error("not a client created by lib/db/prisma.ts (createPrisma/getPrisma)");
  return m;
}
function providerOfClient(client) {
  return metaOf(client).provider;
}
async function sqliteHandleOf(client) {
  const m = metaOf(client);
  if (!m.sqlite) return null;
  if (!m.sqlite.db) await client.$connect();
  return m.sqlite.db;
}
async function pgPoolOf(client) {
  const m = metaOf(client);
  if (!m.pg) return null;
  if (!m.pg.pool || m.pg.pool.ending) await client.$connect();
  return m.pg.pool;
}

// lib/db/engine-store.ts
var LIVE_STATUSES = ["queued", "running", "paused"];
var naturalOrder = new Intl.Collator("en", { numeric: true });
var EngineStoreError = class extends Error {
  name = "EngineStoreError";
};
var PrismaEngineStore = class {
  constructor(prisma2, options = {}) {
    this.prisma = prisma2;
    this.provider = providerOfClient(prisma2);
    this.txTimeout = options.transactionTimeoutMs ?? 6e4;
  }
  prisma;
  provider;
  writer = null;
  txTimeout;
  // ───────────────────────────── writes ─────────────────────────────
  /** The SQLite writer for the client's current connection (re-created after a reconnect). */
  async sqliteWriter() {
    const db = await sqliteHandleOf(this.prisma);
    if (this.writer?.db !== db) this.writer = new SqliteBatchWriter(db);
    return this.writer;
  }
  /**
   * Runs `fn` in one write transaction on the SQLite connection: directly
   * (BEGIN IMMEDIATE, synchronous) when the connection is idle, else queued
   * behind the open Prisma transaction via `prisma.$transaction` (whose BEGIN
   * is IMMEDIATE too, see lib/db/adapters.ts).
   */
  async sqliteWrite(fn) {
    const w = await this.sqliteWriter();
    const db = w.db;
    if (db.inTransaction) return this.prisma.$transaction(async () => fn(w), { maxWait: this.txTimeout, timeout: this.txTimeout });
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn(w);
      db.exec("COMMIT");
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw err;
    }
  }
  /** Runs `fn` in one transaction on a pooled pg connection (rolled back if it throws). */
  async pgWrite(fn) {
    const pool = await pgPoolOf(this.prisma);
    if (!pool) throw new Error("engine store: no PostgreSQL pool");
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await fn(new PgBatchWriter(client));
      await client.query("COMMIT");
      return result;
    } catch (err) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }
  async commit(batch) {
    const { fence, mutations } = batch;
    let current = "";
    try {
      if (this.provider === "sqlite") {
        return await this.sqliteWrite((w) => {
          if (fence) {
            const lost = w.fencedRuns(fence);
            if (lost.length > 0) return { ok: false, reason: "fenced", lostRunIds: lost };
          }
          for (const m of mutations) {
            current = m.type;
            w.apply(m);
          }
          return { ok: true };
        });
      }
      return await this.pgWrite(async (w) => {
        if (fence) {
          const lost = await w.fencedRuns(fence);
          if (lost.length > 0) return { ok: false, reason: "fenced", lostRunIds: lost };
        }
        for (const m of mutations) {
          current = m.type;
          await w.apply(m);
        }
        return { ok: true };
      });
    } catch (err) {
      const what = current ? ` at ${current}` : "";
      throw new EngineStoreError(`engine store commit failed${what}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err
      });
    }
  }
  // ───────────────────────────── reads ─────────────────────────────
  async getRun(runId) {
    const row = await this.prisma.run.findUnique({
      where: { id: runId },
      include: { workflowVersion: { select: { definition: true } } }
    });
    return row ? runRecordOf(row) : null;
  }
  async listTaskRuns(runId) {
    const rows = await this.prisma.taskRun.findMany({ where: { runId } });
    return rows.map(taskRecordOf).sort((a2, b2) => naturalOrder.compare(a2.id, b2.id));
  }
  async listAttempts(runId) {
    const rows = await this.prisma.taskAttempt.findMany({ where: { runId }, orderBy: [{ stepId: "asc" }, { attempt: "asc" }] });
    return rows.map(attemptRecordOf);
  }
  async listEvents(runId, page = {}) {
    const rows = await this.prisma.runEvent.findMany({
      where: { runId, seq: { gt: page.afterSeq ?? 0 } },
      orderBy: { seq: "asc" },
      take: page.limit
    });
    return rows.map(eventRecordOf);
  }
  async lastEventSeq(runId) {
    const agg = await this.prisma.runEvent.aggregate({ where: { runId }, _max: { seq: true } });
    return agg._max.seq ?? 0;
  }
  async listLogs(runId, query = {}) {
    const rows = await this.prisma.logChunk.findMany({
      where: { runId, taskRunId: query.taskRunId, attempt: query.attempt },
      orderBy: [{ ts: "asc" }, { taskRunId: "asc" }, { attempt: "asc" }, { seq: "asc" }],
      take: query.limit
    });
    return rows.map(logRecordOf);
  }
  async listOpenAllocations(runId) {
    const rows = await this.prisma.resourceAllocation.findMany({
      where: { releasedAt: null, runId },
      orderBy: [{ acquiredAt: "asc" }, { id: "asc" }]
    });
    return rows.map(allocationRecordOf);
  }
  async listMetricSamples(taskRunId, attempt) {
    const rows = await this.prisma.metricSample.findMany({
      where: { taskRunId, attempt },
      orderBy: [{ ts: "asc" }, { id: "asc" }]
    });
    return rows.map(sampleRecordOf);
  }
  // ───────────────────────────── instances ─────────────────────────────
  async upsertInstance(instance) {
    const data = {
      host: instance.host,
      pid: instance.pid,
      startedAt: new Date(instance.startedAt),
      heartbeatAt: new Date(instance.heartbeatAt)
    };
    await this.prisma.engineInstance.upsert({ where: { id: instance.id }, create: { id: instance.id, ...data }, update: data });
  }
  async heartbeat(instanceId, at) {
    if (this.provider === "sqlite") {
      return this.sqliteWrite((w) => w.run(`UPDATE "EngineInstance" SET "heartbeatAt" = ? WHERE "id" = ?`, sqliteDate(at), instanceId) === 1);
    }
    const res = await this.prisma.engineInstance.updateMany({ where: { id: instanceId }, data: { heartbeatAt: new Date(at) } });
    return res.count === 1;
  }
  async removeInstance(instanceId) {
    await this.prisma.engineInstance.deleteMany({ where: { id: instanceId } });
  }
  async getInstance(instanceId) {
    const row = await this.prisma.engineInstance.findUnique({ where: { id: instanceId } });
    return row ? instanceRecordOf(row) : null;
  }
  // ───────────────────────────── ownership ─────────────────────────────
  async listClaimableRuns(query) {
    const live3 = await this.prisma.engineInstance.findMany({
      where: { heartbeatAt: { gte: new Date(query.expiredBefore) }, id: { not: query.instanceId } },
      select: { id: true }
    });
    const rows = await this.prisma.run.findMany({
      where: {
        status: { in: LIVE_STATUSES },
        OR: [
          { ownerInstanceId: null },
          { ownerInstanceId: query.instanceId },
          { ownerInstanceId: { notIn: live3.map((i) => i.id) } }
        ]
      },
      orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
      take: query.limit,
      include: { workflowVersion: { select: { definition: true } } }
    });
    return rows.map(runRecordOf);
  }
  /**
   * One UPDATE … WHERE: the run is live and its owner is null, the caller, or
   * dead (no instance row, or a heartbeat older than `expiredBefore`). On
   * PostgreSQL a concurrent claimer blocks on the row lock and re-checks the
   * condition against the winner's value, so exactly one claim succeeds.
   */
  async claimRun(input) {
    if (this.provider === "sqlite") {
      return this.sqliteWrite(
        (w) => w.run(
          `UPDATE "Run" SET "ownerInstanceId" = ?
             WHERE "id" = ? AND "status" IN ('queued', 'running', 'paused')
               AND ("ownerInstanceId" IS NULL OR "ownerInstanceId" = ? OR NOT EXISTS (
                 SELECT 1 FROM "EngineInstance" i WHERE i."id" = "Run"."ownerInstanceId" AND i."heartbeatAt" >= ?))`,
          input.instanceId,
          input.runId,
          input.instanceId,
          sqliteDate(input.expiredBefore)
        ) === 1
      );
    }
    const changed = await this.prisma.$executeRaw`
      UPDATE "Run" SET "ownerInstanceId" = ${input.instanceId}
      WHERE "id" = ${input.runId} AND "status" IN ('queued', 'running', 'paused')
        AND ("ownerInstanceId" IS NULL OR "ownerInstanceId" = ${input.instanceId} OR NOT EXISTS (
          SELECT 1 FROM "EngineInstance" i
          WHERE i."id" = "Run"."ownerInstanceId" AND i."heartbeatAt" >= ${new Date(input.expiredBefore)}))`;
    return changed === 1;
  }
  async reopenRun(input) {
    if (this.provider === "sqlite") {
      return this.sqliteWrite(
        (w) => w.run(
          `UPDATE "Run" SET "status" = 'running', "ownerInstanceId" = ?, "finishedAt" = NULL
             WHERE "id" = ? AND "status" IN ('failed', 'cancelled')`,
          input.instanceId,
          input.runId
        ) === 1
      );
    }
    const res = await this.prisma.run.updateMany({
      where: { id: input.runId, status: { in: ["failed", "cancelled"] } },
      data: { status: "running", ownerInstanceId: input.instanceId, finishedAt: null }
    });
    return res.count === 1;
  }
  /** Only while the run is live; a later request replaces an earlier one. */
  async requestControl(input) {
    const res = await this.prisma.run.updateMany({
      where: { id: input.runId, status: { in: LIVE_STATUSES } },
      data: { controlRequest: { ...input.request } }
    });
    return res.count === 1;
  }
  /**
   * Reads the pending requests of the caller's live runs, then clears each one
   * only if it is still the request that was read (compared by its `at`), so a
   * request recorded in between is kept for the next poll, never lost.
   */
  async takeControlRequests(instanceId, runIds) {
    if (runIds && runIds.length === 0) return [];
    const rows = await this.prisma.run.findMany({
      where: {
        ownerInstanceId: instanceId,
        status: { in: LIVE_STATUSES },
        NOT: { controlRequest: { equals: prismaNamespace_exports.DbNull } },
        ...runIds ? { id: { in: [...runIds] } } : {}
      },
      select: { id: true, controlRequest: true }
    });
    const taken = [];
    for (const row of rows) {
      const request = row.controlRequest;
      if (!request) continue;
      const cleared = this.provider === "sqlite" ? await this.sqliteWrite(
        (w) => w.run(`UPDATE "Run" SET "controlRequest" = NULL WHERE "id" = ? AND json_extract("controlRequest", '$.at') = ?`, row.id, request.at)
      ) : await this.prisma.$executeRaw`UPDATE "Run" SET "controlRequest" = NULL WHERE "id" = ${row.id} AND ("controlRequest"->>'at')::bigint = ${request.at}`;
      if (cleared === 1) taken.push({ runId: row.id, request });
    }
    return taken;
  }
};
function createEngineStore(prisma2, options) {
  return new PrismaEngineStore(prisma2, options);
}

// .tmp-probe/shellprobe.ts
var spec = JSON.parse(process.argv[2]);
var marks = [];
var P = HelperSpawner.prototype;
var origSpawn = P.spawn;
P.spawn = function(req, on) {
  marks.push(["req", performance.now()]);
  return origSpawn.call(this, req, on);
};
var origMsg = P.onMessage;
P.onMessage = function(m) {
  if (m.t === "spawned" || m.t === "exit") marks.push([m.t, performance.now()]);
  return origMsg.call(this, m);
};
var prisma = createPrisma({ url: spec.db });
var engine = new Engine({ store: createEngineStore(prisma), executors: defaultExecutors(), heartbeatIntervalMs: 6e4 });
await engine.start();
var version = await prisma.workflowVersion.findUniqueOrThrow({ where: { id: spec.versionId }, include: { workflow: true } });
var done = new Promise((r) => engine.subscribe((e) => {
  if (e.type === "run.status" && FINAL_RUN_STATUSES.includes(e.status)) r();
}));
var t0 = performance.now();
await engine.startRun({ workflowVersionId: version.id, definition: version.definition, trigger: "cli", workingDir: spec.workDir });
await done;
var wall = performance.now() - t0;
var a = [];
var b = [];
var c = [];
for (let i = 0; i + 3 < marks.length; i += 3) {
  const [req, sp, ex, next] = [marks[i], marks[i + 1], marks[i + 2], marks[i + 3]];
  if (req[0] !== "req" || sp[0] !== "spawned" || ex[0] !== "exit" || next[0] !== "req") continue;
  a.push(sp[1] - req[1]);
  b.push(ex[1] - sp[1]);
  c.push(next[1] - ex[1]);
}
var med = (x) => x.sort((p, q3) => p - q3)[x.length >> 1].toFixed(3);
var p10 = (x) => x.sort((p, q3) => p - q3)[Math.floor(x.length * 0.1)].toFixed(3);
var mean = (x) => (x.reduce((s, v) => s + v, 0) / x.length).toFixed(3);
console.log(`n=${a.length} means: req\u2192spawned ${mean(a)} spawned\u2192exit ${mean(b)} exit\u2192nextReq ${mean(c)}`);
console.log(`wall/step ${(wall / 400).toFixed(3)}  req\u2192spawned ${med(a)} (p10 ${p10(a)})  spawned\u2192exit ${med(b)} (p10 ${p10(b)})  exit\u2192nextReq ${med(c)} (p10 ${p10(c)})`);
await engine.stop();
process.exit(0);
