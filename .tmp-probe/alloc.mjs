// .tmp-probe/alloc.ts
import v8 from "node:v8";

// lib/engine/store.ts
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
function resolveRetry(workflow, step2) {
  const pick = (k) => step2?.[k] ?? workflow?.[k];
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

// lib/engine/definition-fast.ts
var FAIL = /* @__PURE__ */ Symbol("invalid");
var MAX_TIMEOUT_SEC2 = 7 * 24 * 3600;
var isPlain = (v2) => {
  if (typeof v2 !== "object" || v2 === null || Array.isArray(v2)) return false;
  const proto = Object.getPrototypeOf(v2);
  return proto === Object.prototype || proto === null;
};
var string = (max = Number.POSITIVE_INFINITY) => (v2) => typeof v2 === "string" && v2.length <= max ? v2 : FAIL;
var number = (min, max, opts = {}) => (v2) => {
  if (typeof v2 !== "number" || !Number.isFinite(v2)) return FAIL;
  if (opts.int && !Number.isSafeInteger(v2)) return FAIL;
  if (opts.gt ? !(v2 > min) : !(v2 >= min)) return FAIL;
  return v2 <= max ? v2 : FAIL;
};
var viaZod = (schema) => (v2) => {
  const r = schema.safeParse(v2);
  return r.success ? r.data : FAIL;
};
var KINDS = new Set(STEP_KINDS);
var STEP_FIELDS = {
  id: (v2) => typeof v2 === "string" && STEP_ID_PATTERN.test(v2) ? v2 : FAIL,
  name: string(200),
  description: string(5e3),
  kind: (v2) => KINDS.has(v2) ? v2 : FAIL,
  run: string(),
  http: viaZod(stepSchema.shape.http),
  delayMs: number(0, MAX_TIMEOUT_SEC2 * 1e3, { int: true }),
  delaySec: number(0, MAX_TIMEOUT_SEC2),
  dependsOn: (v2) => {
    if (!Array.isArray(v2)) return FAIL;
    for (let i = 0; i < v2.length; i++) if (typeof v2[i] !== "string") return FAIL;
    return v2.slice();
  },
  priority: number(-1e6, 1e6, { int: true }),
  resources: viaZod(stepSchema.shape.resources),
  timeoutSec: number(0, MAX_TIMEOUT_SEC2, { gt: true }),
  retry: viaZod(stepSchema.shape.retry),
  continueOnFailure: (v2) => typeof v2 === "boolean" ? v2 : FAIL,
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
function parseStepFast(input2) {
  if (!isPlain(input2)) return null;
  let known = 0;
  const out = {};
  for (const key of STEP_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(input2, key)) {
      const def = STEP_DEFAULTS[key];
      if (def) out[key] = def();
      continue;
    }
    known++;
    const raw = input2[key];
    if (raw === void 0) return null;
    const value = STEP_FIELDS[key](raw);
    if (value === FAIL) return null;
    out[key] = value;
  }
  if (out.id === void 0 || out.kind === void 0) return null;
  let own = 0;
  for (const k in input2) if (Object.prototype.hasOwnProperty.call(input2, k)) own++;
  if (own !== known || Object.getOwnPropertySymbols(input2).length > 0) return null;
  return out;
}
var headerSchema = workflowSchema.omit({ steps: true });
var WORKFLOW_KEYS = Object.keys(workflowSchema.shape);
function parseWorkflowFast(input2) {
  if (!isPlain(input2) || Object.getOwnPropertySymbols(input2).length > 0) return null;
  const rawSteps = input2.steps;
  if (!Array.isArray(rawSteps) || rawSteps.length === 0) return null;
  const header = {};
  for (const k in input2) if (k !== "steps" && Object.prototype.hasOwnProperty.call(input2, k)) header[k] = input2[k];
  const head = headerSchema.safeParse(header);
  if (!head.success) return null;
  const steps = new Array(rawSteps.length);
  for (let i = 0; i < rawSteps.length; i++) {
    const step2 = parseStepFast(rawSteps[i]);
    if (step2 === null) return null;
    steps[i] = step2;
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
function templateRefs(text2) {
  const refs = [];
  for (const m of text2.matchAll(PLACEHOLDER)) refs.push(parseRef(m[1] ?? ""));
  return refs;
}
function parseRef(expr) {
  const p = PARAM_REF.exec(expr);
  if (p) return { kind: "param", name: p[1], raw: expr };
  const o = OUTPUT_REF.exec(expr);
  if (o) return { kind: "output", stepId: o[1], key: o[2], raw: expr };
  return { kind: "invalid", raw: expr };
}

// lib/engine/validate.ts
var CPU_POOL = "cpu";
var MEMORY_POOL = "memory";
var isObj = (v2) => typeof v2 === "object" && v2 !== null && !Array.isArray(v2);
function validateWorkflow(input2, options = {}) {
  const problems = [];
  const fast = parseWorkflowFast(input2);
  const parsed = fast !== null ? { success: true, data: fast } : workflowSchema.safeParse(input2);
  const rawSteps = isObj(input2) && Array.isArray(input2.steps) ? input2.steps : [];
  if (!parsed.success) problems.push(...mapZodIssues(parsed.error.issues, rawSteps));
  const graphSteps = new Array(rawSteps.length);
  for (let i = 0; i < rawSteps.length; i++) graphSteps[i] = graphView(rawSteps[i], i);
  const dag = buildDag(graphSteps);
  checkGraph(graphSteps, dag, problems);
  const params = isObj(input2) && isObj(input2.params) ? new Set(Object.keys(input2.params)) : /* @__PURE__ */ new Set();
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
    const path = issue.path.map(String);
    let stepId;
    let fieldPath = path;
    if (path[0] === "steps" && path.length >= 2) {
      const raw = rawSteps[Number(path[1])];
      stepId = isObj(raw) && typeof raw.id === "string" ? raw.id : `#${path[1]}`;
      fieldPath = path.slice(2);
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
  const checkTemplates = (field, text2) => {
    if (typeof text2 !== "string") return;
    for (const ref of templateRefs(text2)) {
      if (ref.kind === "invalid") add(field, `unsupported placeholder {{ ${ref.raw} }}`);
      else if (ref.kind === "param" && !params.has(ref.name)) add(field, `unknown param "${ref.name}"`);
      else if (ref.kind === "output" && !dependsOn(ref.stepId))
        add(field, `{{ ${ref.raw} }} needs "${ref.stepId}" in dependsOn`);
    }
  };
  if (isObj(s.http)) {
    checkTemplates("http.url", s.http.url);
    if (isObj(s.http.headers)) for (const [k, v2] of Object.entries(s.http.headers)) checkTemplates(`http.headers.${k}`, v2);
    if (typeof s.http.body === "string") checkTemplates("http.body", s.http.body);
  }
  if (isObj(s.env)) for (const [k, v2] of Object.entries(s.env)) checkTemplates(`env.${k}`, v2);
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
function estimateOf(step2, estimates) {
  const v2 = estimates[step2.id] ?? step2.estimateSec;
  return v2 !== void 0 && Number.isFinite(v2) && v2 >= 0 ? v2 : 1;
}

// lib/engine/run-state.ts
var FINAL = new Set(FINAL_TASK_STATUSES);
var NO_REQUEST = Object.freeze([]);
function requestOf(step2, options) {
  const cpu = step2.resources?.cpu ?? (step2.kind === "shell" ? options.defaultShellCpu : 0);
  if (cpu <= 0 && step2.resources === void 0) return NO_REQUEST;
  const req = [];
  if (cpu > 0) req.push({ pool: CPU_POOL, amount: cpu });
  const mem = step2.resources?.memoryMb ?? 0;
  if (mem > 0) req.push({ pool: MEMORY_POOL, amount: mem });
  for (const [pool, amount] of Object.entries(step2.resources?.pools ?? {})) if (amount > 0) req.push({ pool, amount });
  return req.length > 0 ? req : NO_REQUEST;
}
function retryResolver(definition) {
  let shared = null;
  return (step2) => step2.retry ? resolveRetry(definition.retry, step2.retry) : shared ??= resolveRetry(definition.retry, void 0);
}
function buildTasks(runId, definition, dag, plan, order, options) {
  const retryOf = retryResolver(definition);
  const steps = definition.steps;
  const tasks2 = new Array(steps.length);
  for (let index = 0; index < steps.length; index++) {
    const deps = dag.depStart[index + 1] - dag.depStart[index];
    tasks2[index] = newTaskState(runId, steps[index], index, definition, plan, order, options, {
      status: deps === 0 ? "ready" : "pending",
      remainingDeps: deps,
      retry: retryOf
    });
  }
  return tasks2;
}
function newTaskState(runId, step2, index, definition, plan, order, options, init) {
  return {
    id: taskRunIdOf(runId, index),
    stepId: step2.id,
    step: step2,
    index,
    priority: step2.priority,
    lrp: plan.remaining[index] ?? 1,
    runOrder: order,
    token: 0,
    status: init.status,
    attempt: 0,
    failures: 0,
    remainingDeps: init.remainingDeps,
    request: requestOf(step2, options),
    retry: init.retry ? init.retry(step2) : resolveRetry(definition.retry, step2.retry),
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

// lib/engine/simulate.ts
var FAR = Number.MAX_SAFE_INTEGER / 4;

// lib/engine/executors/http.ts
var DEFAULT_MAX_BODY = 64 * 1024;

// lib/engine/executors/noop.ts
var DONE = Promise.resolve({ ok: true, outputs: {} });
var ABORTED = Promise.resolve({ ok: false, reason: "aborted", message: "aborted" });

// lib/engine/executors/process-tree.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import pidusage from "pidusage";
var HAS_PROC = process.platform === "linux" && existsSync("/proc/self/stat");

// lib/engine/executors/shell.ts
var MAX_OUTPUT_FILE_BYTES = 1024 * 1024;

// bench/workflows.ts
function layeredDag(width, depth) {
  const steps = [];
  for (let l = 0; l < depth; l++) {
    for (let j = 0; j < width; j++) {
      steps.push({
        id: `l${l}_${j}`,
        kind: "noop",
        dependsOn: l === 0 ? [] : [`l${l - 1}_${j}`, `l${l - 1}_${(j + 1) % width}`]
      });
    }
  }
  return { name: `dag${width}x${depth}`, steps };
}

// .tmp-probe/alloc.ts
var used = () => v8.getHeapStatistics().used_heap_size / 1048576;
var text = JSON.stringify(validateWorkflow(layeredDag(100, 100)).definition);
global.gc();
var u = used();
var step = (name) => {
  const n = used();
  console.log(name.padEnd(14), (n - u).toFixed(2), "MB allocated");
  u = n;
};
var input = JSON.parse(text);
step("json input");
var z3 = workflowSchema.parse(input);
step("zod parse");
var v = validateWorkflow(input);
step("validateWorkflow");
var rp = remainingPaths(v.definition.steps, {}, v.dag);
step("remaining");
var tasks = buildTasks("run-0000-1111-2222-3333", v.definition, v.dag, rp, 0, { defaultShellCpu: 1 });
step("tasks");
var recs = tasks.map((t) => initialTaskRecord("run-0000-1111-2222-3333", t, 1));
step("records");
