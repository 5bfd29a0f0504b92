/**
 * `npm run bench`: the engine benchmark (see bench/README.md).
 *
 *   npm run bench [-- --reps 7] [-- --only chain,fanout,shell,plan,dashboard,editor] [-- --tsx]
 *
 * Every repetition runs in a fresh process (bench/worker.ts) on a fresh
 * SQLite database, durable through PrismaEngineStore, exactly as the app
 * wires the engine. The worker runs as plain `node` on an esbuild bundle of
 * bench/worker.ts (esbuild comes with tsx), so neither the TypeScript loader's
 * memory nor its start-up is measured; `--tsx` (or a missing esbuild) runs it
 * through tsx instead. Prints a table and writes bench/results/latest.json.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrisma } from "@/lib/db/prisma";
import { copyDb, createDbTemplate, seedWorkflowVersion, type DbTemplate } from "../tests/engine/db";
import { summarize, type Summary } from "./stats";
import type { Scenario, WorkerResult, WorkerSpec } from "./worker";
import { runSpawnerChain } from "./spawn-floor";
import { layeredDag, ninjaChain, noopChain, noopFanout, shellChain } from "./workflows";
import { benchDashboard } from "../tests/metrics/bench-dashboard";
import { benchEditor } from "./editor";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    reps: { type: "string", default: "5" },
    only: { type: "string" },
    tsx: { type: "boolean", default: false },
  },
});
const REPS = Math.max(3, Number(args.reps) || 3);
const only = args.only ? new Set(args.only.split(",")) : null;
const want = (s: Scenario | "dashboard" | "editor") => !only || only.has(s);

const CHAIN = 1000;
const FANOUT = 10_000;
const SHELL = 400;
const DAG_W = 100;
const DAG_D = 100;

// ───────────────────────────── runner ─────────────────────────────

interface Runner {
  describe: string;
  argv: (spec: WorkerSpec, nodeArgs?: string[]) => string[];
}

/** Bundles bench/worker.ts for plain node (packages stay external, resolved from node_modules). */
async function makeRunner(): Promise<Runner> {
  const tsx: Runner = {
    describe: "node --import tsx bench/worker.ts",
    argv: (spec, nodeArgs = []) => ["--expose-gc", ...nodeArgs, "--import", "tsx", path.join(root, "bench", "worker.ts"), JSON.stringify(spec)],
  };
  if (args.tsx) return tsx;
  try {
    const esbuild = (await import("esbuild")) as typeof import("esbuild");
    const outfile = path.join(root, "node_modules", ".cache", "myrmex-bench", "worker.mjs");
    await esbuild.build({
      entryPoints: [path.join(root, "bench", "worker.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      tsconfig: path.join(root, "tsconfig.json"),
      logLevel: "warning",
    });
    return {
      describe: "node (esbuild bundle of bench/worker.ts)",
      argv: (spec, nodeArgs = []) => ["--expose-gc", ...nodeArgs, outfile, JSON.stringify(spec)],
    };
  } catch (err) {
    console.warn(`esbuild unavailable (${err instanceof Error ? err.message : String(err)}): running workers through tsx`);
    return tsx;
  }
}

function runWorker(runner: Runner, spec: WorkerSpec, nodeArgs?: string[]): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, runner.argv(spec, nodeArgs), { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) reject(new Error(`worker ${spec.scenario} failed (exit ${code}):\n${err}\n${out}`));
      else resolve(JSON.parse(line.slice("RESULT ".length)) as WorkerResult);
    });
  });
}

// ───────────────────────────── ninja ─────────────────────────────

function findNinja(): { path: string; version: string } | null {
  const which = spawnSync("sh", ["-c", "command -v ninja"], { encoding: "utf8" });
  const p = which.stdout.trim();
  if (which.status !== 0 || !p) return null;
  return { path: p, version: execFileSync(p, ["--version"], { encoding: "utf8" }).trim() };
}

/** ninja, installed with apt-get (Debian `ninja-build`) when missing and running as root. */
function ensureNinja(): { path: string; version: string } | null {
  const found = findNinja();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("ninja not found: apt-get install -y ninja-build …");
    const r = spawnSync("apt-get", ["install", "-y", "ninja-build"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status === 0) return findNinja();
  }
  return null;
}

/** Wall time of `ninja -j1` building the chain from scratch in a new folder (ms). */
function runNinja(ninjaPath: string, n: number): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-bench-ninja-"));
  try {
    writeFileSync(path.join(dir, "build.ninja"), ninjaChain(n));
    const t = performance.now();
    const r = spawnSync(ninjaPath, ["-j1", "--quiet"], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`ninja failed: ${r.stderr.toString()}`);
    if (!existsSync(path.join(dir, `out_${n - 1}`))) throw new Error("ninja did not build the last output");
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reference for the shell figure: the same 400-command chain spawned by a
 * bare `node` process (no engine, no database, ~45 MiB RSS) with the shell
 * executor's spawn options (own process group, piped stdout/stderr).
 * Node's spawn() forks the whole process on Linux, so this is the floor of
 * any executor built on child_process.
 */
function runBareNodeChain(n: number): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-bench-bare-"));
  const script = `
    import { spawn } from "node:child_process";
    const t = performance.now();
    for (let i = 0; i < ${n}; i++) {
      await new Promise((resolve, reject) => {
        const c = spawn("/bin/sh", ["-c", \`true > out_\${i}\`], { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } });
        c.once("error", reject);
        c.once("close", resolve);
      });
    }
    console.log(performance.now() - t);`;
  try {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`bare node chain failed: ${r.stderr}`);
    return Number(r.stdout.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ───────────────────────────── scenarios ─────────────────────────────

async function seeded(tpl: DbTemplate, definition: object, workDir?: string): Promise<{ db: ReturnType<typeof copyDb>; versionId: string }> {
  const db = copyDb(tpl);
  const prisma = createPrisma({ url: db.url });
  try {
    const versionId = await seedWorkflowVersion(prisma, definition, { workingDir: workDir });
    return { db, versionId };
  } finally {
    await prisma.$disconnect();
  }
}

async function repeat(
  tpl: DbTemplate,
  runner: Runner,
  scenario: Scenario,
  definition: object,
  opts: { workDir?: boolean; before?: () => void; after?: () => Promise<void>; nodeArgs?: string[]; label?: string } = {},
): Promise<WorkerResult[]> {
  const results: WorkerResult[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const workDir = opts.workDir ? mkdtempSync(path.join(os.tmpdir(), "myrmex-bench-wd-")) : undefined;
    const { db, versionId } = await seeded(tpl, definition, workDir);
    try {
      opts.before?.();
      const r = await runWorker(runner, { scenario, db: db.url, versionId, workDir }, opts.nodeArgs);
      const expected = scenario === "plan" ? "dispatched" : "succeeded";
      if (r.status !== expected) throw new Error(`${scenario}: run ended ${r.status}`);
      results.push(r);
      process.stdout.write(`  ${opts.label ?? scenario} #${rep + 1}: ${r.wallMs.toFixed(0)} ms, peak RSS ${r.peakRssMb.toFixed(0)} MiB\n`);
      await opts.after?.();
    } finally {
      db.remove();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    }
  }
  return results;
}

// ───────────────────────────── main ─────────────────────────────

interface Metric extends Summary {
  unit: string;
  target: string;
  met: boolean | null;
}

/** A figure; `ok` null = no target (met: null). */
function metric(xs: number[], unit: string, target: string, ok: ((median: number) => boolean) | null, digits = 3): Metric {
  const s = summarize(xs, digits);
  return { ...s, unit, target, met: xs.length && ok ? ok(s.median) : null };
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const ninja = want("shell") ? ensureNinja() : null;
  const runner = await makeRunner();
  const machine = {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    ninja: (ninja ?? (want("shell") ? null : findNinja()))?.version ?? null,
    runner: runner.describe,
  };
  console.log(`Myrmex engine benchmark — ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}, ${REPS} repetitions`);
  console.log(`workers: ${runner.describe}`);

  const tpl = await createDbTemplate("myrmex-bench-");
  const metrics: Record<string, Metric | { absent: string }> = {};
  const diagnostics: Record<string, unknown> = {};
  const ms = (r: WorkerResult) => r.wallMs;
  try {
    if (want("chain")) {
      const rs = await repeat(tpl, runner, "chain", noopChain(CHAIN));
      metrics.chain1000_noop_overhead_ms_per_task = metric(rs.map((r) => ms(r) / CHAIN), "ms", "≤ 2", (m) => m <= 2);
      diagnostics.chain1000 = {
        wallMs: summarize(rs.map(ms), 1),
        storeCommitsPerRun: summarize(rs.map((r) => r.commits), 0),
        storeCommitMsPerTask: summarize(rs.map((r) => r.commitMs / CHAIN)),
      };
    }
    if (want("fanout")) {
      const rs = await repeat(tpl, runner, "fanout", noopFanout(FANOUT));
      metrics.fanout10000_noop_tasks_per_s = metric(rs.map((r) => FANOUT / (ms(r) / 1000)), "tasks/s", "≥ 3000", (m) => m >= 3000, 0);
      diagnostics.fanout10000 = {
        wallMs: summarize(rs.map(ms), 1),
        storeCommitsPerRun: summarize(rs.map((r) => r.commits), 0),
        storeCommitMs: summarize(rs.map((r) => r.commitMs), 1),
        peakRssMb: summarize(rs.map((r) => r.peakRssMb), 1),
      };
    }
    if (want("shell")) {
      const ninjaBeforeMs: number[] = [];
      const ninjaAfterMs: number[] = [];
      const bareMs: number[] = [];
      const spawnerMs: number[] = [];
      // ninja, a bare node spawn loop and the engine alternate, repetition by
      // repetition, under the same conditions. ninja runs right before AND
      // right after each engine run; the mean of the two is that run's
      // reference, so a drift of the machine (file creation on this disk
      // varies ×2 from one minute to the next) does not bias the pair.
      const rs = await repeat(tpl, runner, "shell", shellChain(SHELL), {
        workDir: true,
        before: () => {
          bareMs.push(runBareNodeChain(SHELL));
          if (ninja) ninjaBeforeMs.push(runNinja(ninja.path, SHELL));
        },
        after: async () => {
          if (ninja) ninjaAfterMs.push(runNinja(ninja.path, SHELL));
          spawnerMs.push((await runSpawnerChain(SHELL)).ms);
        },
      });
      const engineMs = rs.map((r) => ms(r) / SHELL);
      metrics.shell_chain400_ms_per_task = metric(engineMs, "ms", "—", null);
      if (ninja) {
        const perTask = ninjaBeforeMs.map((b, i) => (b + ninjaAfterMs[i]!) / 2 / SHELL);
        metrics.ninja_chain400_ms_per_task = metric(perTask, "ms", "—", null);
        metrics.shell_vs_ninja_ratio = metric(engineMs.map((e, i) => e / perTask[i]!), "×", "≤ 1.5", (m) => m <= 1.5, 2);
      } else {
        const absent = "ninja not found (and could not be installed: apt-get install ninja-build needs root)";
        metrics.ninja_chain400_ms_per_task = { absent };
        metrics.shell_vs_ninja_ratio = { absent };
      }
      diagnostics.shell400 = {
        ninjaBeforeMsPerTask: summarize(ninjaBeforeMs.map((x) => x / SHELL)),
        ninjaAfterMsPerTask: summarize(ninjaAfterMs.map((x) => x / SHELL)),
        bareNodeSpawnChainMsPerTask: summarize(bareMs.map((x) => x / SHELL)),
        spawnerAloneMsPerTask: summarize(spawnerMs.map((x) => x / SHELL)),
        spawnSyncMs: summarize(rs.map((r) => r.spawnSyncMedianMs ?? Number.NaN)),
        storeCommitMsPerTask: summarize(rs.map((r) => r.commitMs / SHELL)),
        engineRssMb: summarize(rs.map((r) => r.peakRssMb), 1),
      };
    }
    if (want("plan")) {
      const rs = await repeat(tpl, runner, "plan", layeredDag(DAG_W, DAG_D));
      metrics.plan10000_ms = metric(rs.map(ms), "ms", "< 1000", (m) => m < 1000, 1);
      metrics.plan10000_peak_rss_mb = metric(rs.map((r) => r.peakRssMb), "MiB", "< 150", (m) => m < 150, 1);
      // Same run with V8's young generation capped: shows how much of the peak is heap growth under allocation pressure.
      const capped = await repeat(tpl, runner, "plan", layeredDag(DAG_W, DAG_D), {
        nodeArgs: ["--max-semi-space-size=4"],
        label: "plan (--max-semi-space-size=4)",
      });
      diagnostics.plan10000 = {
        rssBeforeStartRunMb: summarize(rs.map((r) => r.baseRssMb), 1),
        startRunResolvedMs: summarize(rs.map((r) => r.startRunMs ?? Number.NaN), 1),
        storeCommitMs: summarize(rs.map((r) => r.commitMs), 1),
        withMaxSemiSpace4Mb: {
          ms: summarize(capped.map(ms), 1),
          peakRssMb: summarize(capped.map((r) => r.peakRssMb), 1),
        },
      };
    }
    if (want("dashboard")) {
      // Overview (30 d) and a workflow report over 100,000 recorded task runs; worst of the two per repetition.
      const { overview, workflowReport, ...dashboard } = await benchDashboard(REPS);
      metrics.dashboard_100k_taskruns_ms = dashboard;
      diagnostics.dashboard = { overviewMs: overview, workflowReportMs: workflowReport };
    }
    if (want("editor")) {
      // A 1,000-step / 1,497-edge workflow in the browser editor (production build, Chromium): open, pan, drag.
      console.log("editor: building the app and measuring in Chromium (Playwright)…");
      const e = await benchEditor(root, REPS);
      metrics.editor1000_load_ms = metric(e.loadMs, "ms", "< 1500", (m) => m < 1500, 0);
      metrics.editor1000_pan_p95_frame_ms = metric(e.panP95, "ms", "≤ 33.4 (30 fps)", (m) => m <= 33.4, 1);
      metrics.editor1000_drag_p95_frame_ms = metric(e.dragP95, "ms", "≤ 33.4 (30 fps)", (m) => m <= 33.4, 1);
      // The same figures for a compact graph (40 layers × 25, 1,500 edges) whose first fit puts every step on screen.
      const compact = await benchEditor(root, REPS, "layers");
      diagnostics.editor1000 = {
        importMs: e.importMs,
        ttfbMs: summarize(e.ttfbMs, 0),
        domContentLoadedMs: summarize(e.domMs, 0),
        htmlKb: summarize(e.htmlKb, 0),
        panAfterFitP95FrameMs: summarize(e.panFitP95, 1),
        fitZoom: e.fitZoom,
        compact40x25: {
          loadMs: summarize(compact.loadMs, 0),
          panP95FrameMs: summarize(compact.panP95, 1),
          dragP95FrameMs: summarize(compact.dragP95, 1),
          panAfterFitP95FrameMs: summarize(compact.panFitP95, 1),
        },
      };
    }
  } finally {
    tpl.remove();
  }

  printTable(metrics);
  const out = {
    date: new Date().toISOString(),
    machine,
    repetitions: REPS,
    ...metrics,
    diagnostics,
  };
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  const previous = only && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, ...out, diagnostics: { ...(previous.diagnostics as object), ...diagnostics } }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

function printTable(metrics: Record<string, Metric | { absent: string }>): void {
  const rows: string[][] = [["metric", "median", "min", "max", "unit", "target", ""]];
  for (const [name, m] of Object.entries(metrics)) {
    if ("absent" in m) rows.push([name, "—", "—", "—", "", "", m.absent]);
    else rows.push([name, String(m.median), String(m.min), String(m.max), m.unit, m.target, m.met === null ? "" : m.met ? "ok" : "MISSED"]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log("");
  rows.forEach((r, i) => {
    console.log(r.map((cell, c) => (c === 0 || c >= 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    if (i === 0) console.log(widths.map((w) => "─".repeat(w)).join("  "));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
