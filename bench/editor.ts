/**
 * The editor's figures for `npm run bench`: runs the Playwright measurement
 * e2e/editor-perf.spec.ts against a
 * production build on its own port, database and dist dir, and reads the JSON
 * it writes. Needs the browser the e2e suite uses (see e2e/support/chromium.ts).
 *
 *   BENCH_E2E_PORT (default 3290), BENCH_DIST_DIR (default .next-bench)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface EditorPerf {
  /** Import of the 1,000-step file into an open editor, once (ms). */
  importMs: number;
  /** Navigation start → first frame painting step nodes, per reload (ms). */
  loadMs: number[];
  /** Navigation start → first byte of the page (the server's part), and → DOMContentLoaded, per reload (ms). */
  ttfbMs: number[];
  domMs: number[];
  /** Size of the page's HTML (KiB), per reload. */
  htmlKb: number[];
  /** 95th-percentile frame time while panning / dragging a step, per repetition (ms). */
  panP95: number[];
  dragP95: number[];
  /** The same pan after "Fit" (the whole graph on screen), and the zoom that fit chose. */
  panFitP95: number[];
  fitZoom: number;
}

/** `shape`: "chain" (the figures' workflow) or "layers" (a compact 40 × 25 graph that one screen shows whole). */
export function benchEditor(root: string, reps: number, shape: "chain" | "layers" = "chain"): Promise<EditorPerf> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-editor-bench-"));
  const out = path.join(dir, "editor.json");
  const port = process.env.BENCH_E2E_PORT ?? "3290";
  const args = ["playwright", "test", "e2e/editor-perf.spec.ts", "--output", path.join(dir, "results"), "--reporter", "line"];
  return new Promise<EditorPerf>((resolve, reject) => {
    const child = spawn("npx", args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        EDITOR_PERF: "1",
        EDITOR_PERF_REPS: String(reps),
        EDITOR_PERF_SHAPE: shape,
        EDITOR_PERF_OUT: out,
        E2E_PORT: port,
        MYRMEX_DIST_DIR: process.env.BENCH_DIST_DIR ?? ".next-bench",
      },
    });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`editor measurement failed (exit ${code}):\n${log.slice(-4000)}`);
        resolve(JSON.parse(readFileSync(out, "utf8")) as EditorPerf);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
