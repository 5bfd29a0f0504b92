/**
 * One repetition of one benchmark scenario, in a fresh process (started by
 * bench/run.ts). The database is already seeded; this process does what the
 * app does to start a run — connect, start the engine, read the workflow
 * version — and only then starts the clock.
 *
 *   node worker.mjs '{"scenario":"chain","db":"file:…","versionId":"…","workDir":"…"}'
 *
 * Prints one line `RESULT <json>` on stdout.
 */
import childProcess from "node:child_process";
import { readFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { Engine, FINAL_RUN_STATUSES, defaultExecutors, noopExecutor, type Executor } from "@/lib/engine";
import { createEngineStore } from "@/lib/db/engine-store";
import { createPrisma } from "@/lib/db/prisma";

export type Scenario = "chain" | "fanout" | "shell" | "plan";

export interface WorkerSpec {
  scenario: Scenario;
  db: string;
  versionId: string;
  workDir?: string;
}

export interface WorkerResult {
  scenario: Scenario;
  steps: number;
  status: string;
  /** chain/fanout/shell: startRun → final run status committed; plan: startRun → first executor call. */
  wallMs: number;
  /** Store commits during the measured window and their total duration. */
  commits: number;
  commitMs: number;
  /** Peak RSS of this process so far (VmHWM), MiB. */
  peakRssMb: number;
  /** RSS just before startRun, MiB. */
  baseRssMb: number;
  /** shell: median time the synchronous `child_process.spawn()` call blocked the engine (ms). */
  spawnSyncMedianMs?: number;
  /** plan: time until `startRun` resolved (run and tasks persisted). */
  startRunMs?: number;
}

const MiB = 1024 * 1024;

/** Peak RSS (VmHWM) in MiB; falls back to getrusage's maxRSS. */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Measures how long each `child_process.spawn()` call blocks (the fork happens synchronously in it). */
function instrumentSpawn(): number[] {
  const durations: number[] = [];
  const original = childProcess.spawn;
  childProcess.spawn = ((...args: Parameters<typeof original>) => {
    const t = performance.now();
    const child = original(...args);
    durations.push(performance.now() - t);
    return child;
  }) as typeof original;
  syncBuiltinESMExports();
  return durations;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "{}") as WorkerSpec;
  const spawns = spec.scenario === "shell" ? instrumentSpawn() : [];
  const prisma = createPrisma({ url: spec.db });
  const store = createEngineStore(prisma);

  let measuring = false;
  let commits = 0;
  let commitMs = 0;
  const commit = store.commit.bind(store);
  store.commit = async (batch) => {
    const t = performance.now();
    try {
      return await commit(batch);
    } finally {
      if (measuring) {
        commits++;
        commitMs += performance.now() - t;
      }
    }
  };

  // plan: the first executor call is the "first dispatch".
  let firstDispatch: { at: number; peak: number } | null = null;
  const noop: Executor = {
    execute(ctx) {
      firstDispatch ??= { at: performance.now(), peak: peakRssMb() };
      return noopExecutor.execute(ctx);
    },
  };
  const engine = new Engine({
    store,
    executors: { ...defaultExecutors(), noop },
    heartbeatIntervalMs: 60_000,
  });
  await engine.start();
  const version = await prisma.workflowVersion.findUniqueOrThrow({
    where: { id: spec.versionId },
    include: { workflow: { select: { projectId: true } } },
  });
  const steps = (version.definition as { steps: unknown[] }).steps.length;

  let finished: { at: number; status: string } | null = null;
  let onFinished: () => void = () => {};
  const done = new Promise<void>((resolve) => (onFinished = resolve));
  engine.subscribe((e) => {
    if (e.type === "run.status" && FINAL_RUN_STATUSES.includes(e.status)) {
      finished = { at: performance.now(), status: e.status };
      onFinished();
    }
  });

  global.gc?.();
  const baseRssMb = process.memoryUsage().rss / MiB;
  measuring = true;
  const t0 = performance.now();
  const res = await engine.startRun({
    workflowVersionId: version.id,
    projectId: version.workflow.projectId,
    definition: version.definition,
    trigger: "cli",
    workingDir: spec.workDir ?? null,
  });
  const startRunMs = performance.now() - t0;
  if (!res.ok) throw new Error(`startRun failed: ${JSON.stringify(res)}`);

  let result: WorkerResult;
  if (spec.scenario === "plan") {
    const first = firstDispatch as { at: number; peak: number } | null;
    if (!first) throw new Error("no step was dispatched when startRun resolved");
    result = {
      scenario: spec.scenario,
      steps,
      status: "dispatched",
      wallMs: first.at - t0,
      commits,
      commitMs,
      peakRssMb: first.peak,
      baseRssMb,
      startRunMs,
    };
    // The rest of the run is not part of this measurement.
  } else {
    await done;
    const end = finished as { at: number; status: string } | null;
    measuring = false;
    result = {
      scenario: spec.scenario,
      steps,
      status: end!.status,
      wallMs: end!.at - t0,
      commits,
      commitMs,
      peakRssMb: peakRssMb(),
      baseRssMb,
      ...(spawns.length > 0 ? { spawnSyncMedianMs: median(spawns) } : {}),
    };
    await engine.stop();
    await prisma.$disconnect();
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
