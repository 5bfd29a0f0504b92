import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { StepDefinition } from "../definition";
import { isAlive } from "./process-tree";
import { createShellExecutor } from "./shell";
import type { ExecutionContext } from "./types";

function ctxFor(run: string, extra: Partial<ExecutionContext> = {}, stepExtra: Partial<StepDefinition> = {}) {
  const logs: Array<[string, string]> = [];
  const samples: Array<[number, number]> = [];
  const controller = new AbortController();
  const ctx: ExecutionContext = {
    runId: "r1",
    taskRunId: "r1:0",
    stepId: "s",
    attempt: 1,
    step: { id: "s", kind: "shell", run, dependsOn: [], priority: 0, continueOnFailure: false, ...stepExtra },
    params: {},
    workingDir: null,
    upstreamOutputs: {},
    signal: controller.signal,
    timeoutMs: null,
    log: (stream, text) => logs.push([stream, text]),
    sample: (cpu, rss) => samples.push([cpu, rss]),
    ...extra,
  };
  return { ctx, logs, samples, controller };
}

async function waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const hasSetsid = (() => {
  try {
    execFileSync("sh", ["-c", "command -v setsid"]);
    return true;
  } catch {
    return false;
  }
})();

describe("shell executor (real processes)", () => {
  const shell = createShellExecutor({ killGraceMs: 500, sampleIntervalMs: 100 });

  it("streams output, returns the exit code and MYRMEX_OUTPUT outputs, with params, upstream outputs and cwd", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-shell-"));
    const { ctx, logs } = ctxFor(
      'echo "one"; echo "err" >&2; echo "two $MYRMEX_PARAM_BRANCH $MYRMEX_OUT_BUILD_VERSION $GREETING"; pwd; echo "artifact=dist/app.tgz" >> "$MYRMEX_OUTPUT"; echo "count=3" >> "$MYRMEX_OUTPUT"',
      { params: { branch: "main" }, workingDir: dir, upstreamOutputs: { build: { version: "1.2.3" } } },
      { env: { GREETING: "hi {{ params.branch }}" } },
    );
    const outcome = await shell.execute(ctx);
    expect(outcome).toMatchObject({ ok: true, exitCode: 0, outputs: { artifact: "dist/app.tgz", count: "3" } });
    const stdout = logs.filter(([s]) => s === "stdout").map(([, t]) => t).join("");
    expect(stdout).toBe(`one\ntwo main 1.2.3 hi main\n${dir}\n`);
    expect(logs.filter(([s]) => s === "stderr").map(([, t]) => t).join("")).toBe("err\n");
  });

  it("reports a non-zero exit code as a failure value", async () => {
    const { ctx } = ctxFor("echo partial=yes >> $MYRMEX_OUTPUT; exit 7");
    expect(await shell.execute(ctx)).toMatchObject({ ok: false, reason: "exit-non-zero", exitCode: 7, outputs: { partial: "yes" } });
  });

  it("reports a missing working directory", async () => {
    const { ctx } = ctxFor("true", { workingDir: "/definitely/not/here" });
    expect(await shell.execute(ctx)).toMatchObject({ ok: false, reason: "spawn-failed", message: expect.stringMatching(/working directory/) });
  });

  it("kills the whole process group on abort, including children that ignore SIGTERM", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-kill-"));
    const pidFile = path.join(dir, "pids");
    const escape = hasSetsid ? `setsid sleep 300 & echo $! >> ${pidFile};` : "";
    const { ctx, controller } = ctxFor(
      `sleep 300 & echo $! >> ${pidFile}; (trap '' TERM; sleep 300) & echo $! >> ${pidFile}; ${escape} wait`,
    );
    const started = Date.now();
    const promise = shell.execute(ctx);
    const expected = hasSetsid ? 3 : 2;
    const pids = await waitFor(() => {
      if (!existsSync(pidFile)) return null;
      const list = readFileSync(pidFile, "utf8").trim().split("\n").filter(Boolean).map(Number);
      return list.length >= expected ? list : null;
    });
    expect(pids.every(isAlive)).toBe(true);
    controller.abort("cancel");
    const outcome = await promise;
    expect(outcome).toMatchObject({ ok: false, reason: "aborted" });
    expect(pids.filter(isAlive)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("samples CPU seconds and peak RSS of the process tree", async () => {
    const { ctx, samples } = ctxFor("i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; (j=0; while [ $j -lt 100000 ]; do j=$((j+1)); done)");
    const outcome = await shell.execute(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.cpuSeconds).toBeGreaterThan(0.2);
    expect(outcome.peakMemoryMb).toBeGreaterThan(0);
    expect(samples.length).toBeGreaterThan(0);
  });

  it("returns aborted without spawning when already aborted", async () => {
    const { ctx, controller } = ctxFor("echo never");
    controller.abort("cancel");
    expect(await shell.execute(ctx)).toMatchObject({ ok: false, reason: "aborted" });
  });
});
