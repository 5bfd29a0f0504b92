import { readFileSync } from "node:fs";
import v8 from "node:v8";
import { Engine, defaultExecutors, noopExecutor, MemoryStore, type Executor, validateWorkflow, planWorkflow } from "@/lib/engine";
import { createEngineStore } from "@/lib/db/engine-store";
import { createPrisma } from "@/lib/db/prisma";
import { copyDb, createDbTemplate, seedWorkflowVersion } from "../tests/engine/db";
import { layeredDag } from "../bench/workflows";

const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))![1]) / 1024;
const rss = () => process.memoryUsage().rss / 1048576;
function heap(tag: string) {
  const sp = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1048576 * 10) / 10]));
  const st = v8.getHeapStatistics();
  console.log(tag, { hwm: hwm().toFixed(1), rss: rss().toFixed(1), heapTotal: (st.total_heap_size / 1048576).toFixed(1), used: (st.used_heap_size / 1048576).toFixed(1), new: sp.new_space, old: sp.old_space, lo: sp.large_object_space, code: sp.code_space });
}
const mode = process.argv[2] ?? "sqlite";
const phase = process.argv[3] ?? "full";
let store;
let definition: unknown;
let prisma;
let versionId = "wv";
if (mode === "sqlite") {
  const dbUrl = process.argv[4]!;
  prisma = createPrisma({ url: dbUrl });
  store = createEngineStore(prisma);
} else store = new MemoryStore();
let first: { peak: number } | null = null;
const noop: Executor = { execute(ctx) { if (!first) { first = { peak: hwm() }; heap("first-dispatch"); } return noopExecutor.execute(ctx); } };
const engine = new Engine({ store, executors: { ...defaultExecutors(), noop }, heartbeatIntervalMs: 60_000 });
await engine.start();
if (prisma) {
  const v = await prisma.workflowVersion.findFirstOrThrow({});
  definition = v.definition; versionId = v.id;
} else definition = JSON.parse(JSON.stringify(validateWorkflow(layeredDag(100, 100)).ok ? (validateWorkflow(layeredDag(100, 100)) as any).definition : null));
global.gc?.();
heap("before");
if (phase === "zod") {
  const t = performance.now();
  const r = (await import("@/lib/engine/definition")).workflowSchema.safeParse(definition);
  heap(`after-zod ${(performance.now() - t).toFixed(0)}ms`);
  process.exit(0);
}
if (phase === "graph") {
  const t = performance.now();
  const r = validateWorkflow({ name: "x", steps: [] });
  const steps = (definition as any).steps;
  const gs = steps.map((o: any, i: number) => ({ id: o.id, dependsOn: o.dependsOn.filter((d: any) => typeof d === "string") }));
  const dag = (await import("@/lib/engine")).buildDag(gs);
  heap(`after-graph ${(performance.now() - t).toFixed(0)}ms`);
  process.exit(0);
}
if (phase === "validate") {
  const t = performance.now();
  const r = validateWorkflow(definition, {});
  heap(`after-validate ${(performance.now() - t).toFixed(0)}ms`);
  const p = planWorkflow((r as any).definition.steps, {}, (r as any).dag);
  heap("after-plan");
  process.exit(0);
}
const t0 = performance.now();
const res = await engine.startRun({ workflowVersionId: versionId, definition, trigger: "cli" });
heap(`startRun resolved ${(performance.now() - t0).toFixed(0)}ms ok=${res.ok}`);
console.log("PEAK", first?.peak.toFixed(1));
process.exit(0);
