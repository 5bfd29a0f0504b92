// .tmp-probe/val.ts
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

// lib/engine/graph.ts
function buildDag(steps) {
  const n = steps.length;
  const ids = steps.map((s) => s.id);
  const index = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) if (!index.has(ids[i])) index.set(ids[i], i);
  const depLists = new Array(n);
  let edgeCount = 0;
  for (let i = 0; i < n; i++) {
    const list = [];
    const seen = /* @__PURE__ */ new Set();
    for (const d of steps[i].dependsOn ?? []) {
      const j = index.get(d);
      if (j === void 0 || j === i || seen.has(j)) continue;
      seen.add(j);
      list.push(j);
    }
    depLists[i] = list;
    edgeCount += list.length;
  }
  const depStart = new Int32Array(n + 1);
  const deps = new Int32Array(edgeCount);
  const outDegree = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    depStart[i] = k;
    for (const j of depLists[i]) {
      deps[k++] = j;
      outDegree[j]++;
    }
  }
  depStart[n] = k;
  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = succStart[i] + outDegree[i];
  const fill = succStart.slice(0, n);
  const succ = new Int32Array(edgeCount);
  for (let i = 0; i < n; i++) {
    for (let e = depStart[i]; e < depStart[i + 1]; e++) succ[fill[deps[e]]++] = i;
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

// lib/engine/validate.ts
var CPU_POOL = "cpu";
var MEMORY_POOL = "memory";
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function validateWorkflow(input, options = {}) {
  const problems = [];
  const parsed = workflowSchema.safeParse(input);
  const rawSteps = isObj(input) && Array.isArray(input.steps) ? input.steps : [];
  if (!parsed.success) problems.push(...mapZodIssues(parsed.error.issues, rawSteps));
  const graphSteps = rawSteps.map((s, i) => {
    const o = isObj(s) ? s : {};
    return {
      id: typeof o.id === "string" ? o.id : `#${i}`,
      dependsOn: Array.isArray(o.dependsOn) ? o.dependsOn.filter((d) => typeof d === "string") : []
    };
  });
  const dag = buildDag(graphSteps);
  checkGraph(graphSteps, dag, problems);
  const params = isObj(input) && isObj(input.params) ? new Set(Object.keys(input.params)) : /* @__PURE__ */ new Set();
  rawSteps.forEach((s, i) => {
    if (isObj(s)) checkStep(s, i, graphSteps[i].id, params, options, problems);
  });
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, definition: parsed.data, dag };
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
  const firstAt = /* @__PURE__ */ new Map();
  steps.forEach((s, i) => {
    const prev = firstAt.get(s.id);
    if (prev !== void 0) {
      const message = `duplicate step id "${s.id}" (steps #${prev + 1} and #${i + 1})`;
      problems.push({ stepId: s.id, field: "id", message, path: ["steps", i, "id"] });
    } else firstAt.set(s.id, i);
    const seen = /* @__PURE__ */ new Set();
    (s.dependsOn ?? []).forEach((d, k) => {
      const at = { stepId: s.id, field: "dependsOn", path: ["steps", i, "dependsOn", k] };
      if (d === s.id) problems.push({ ...at, message: "a step cannot depend on itself" });
      else if (!dag.index.has(d)) problems.push({ ...at, message: `unknown step "${d}"` });
      else if (seen.has(d)) problems.push({ ...at, message: `"${d}" is listed twice` });
      seen.add(d);
    });
  });
  const { leftover } = topoSort(dag);
  for (const cycle of findCycles(dag, leftover)) {
    const ids = cycle.map((i) => dag.ids[i]);
    const message = `dependency cycle: ${ids.join(" \u2192 ")}`;
    problems.push({ stepId: ids[0], field: "dependsOn", message, path: ["steps", cycle[0], "dependsOn"] });
  }
}
function checkStep(s, index, stepId, params, options, problems) {
  const add = (field, message) => problems.push({ stepId, field, message, path: ["steps", index, ...field.split(".")] });
  const deps = new Set(Array.isArray(s.dependsOn) ? s.dependsOn.filter((d) => typeof d === "string") : []);
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
      else if (ref.kind === "output" && !deps.has(ref.stepId))
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
function checkResources(r2, pools, add) {
  const check = (field, pool, amount) => {
    if (typeof amount !== "number" || amount <= 0) return;
    const capacity = pools[pool];
    if (capacity === void 0) {
      if (pool !== CPU_POOL && pool !== MEMORY_POOL) add(field, `unknown resource pool "${pool}"`);
      return;
    }
    if (amount > capacity) add(field, `asks for ${amount} of "${pool}" but its capacity is ${capacity}: it could never start`);
  };
  check("resources.cpu", CPU_POOL, r2.cpu);
  check("resources.memoryMb", MEMORY_POOL, r2.memoryMb);
  if (isObj(r2.pools)) for (const [name, amount] of Object.entries(r2.pools)) check(`resources.pools.${name}`, name, amount);
}

// lib/engine/parse.ts
import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";

// lib/engine/json-schema.ts
import { z as z2 } from "zod";

// lib/engine/run-state.ts
var FINAL = new Set(FINAL_TASK_STATUSES);

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

// .tmp-probe/val.ts
var def = JSON.parse(JSON.stringify(validateWorkflow(layeredDag(100, 100)).definition));
var ns = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
var what = process.argv[2];
global.gc();
var a0 = v8.getHeapStatistics().total_heap_size;
var t = performance.now();
var r;
if (what === "zod") r = workflowSchema.safeParse(def);
else if (what === "dag") r = buildDag(def.steps);
else r = validateWorkflow(def);
console.log(what, (performance.now() - t).toFixed(1), "ms; new space", ns(), "heap +", ((v8.getHeapStatistics().total_heap_size - a0) / 1048576).toFixed(1));
