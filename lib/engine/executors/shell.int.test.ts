import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it, onTestFinished } from "vitest";
import type { StepDefinition } from "../definition";
import { isAlive, processStartIdentity } from "./process-tree";
import { createShellExecutor } from "./shell";
import { nativeHelperBinary } from "./native-helper";
import { createSpawner, HelperSpawner, inlineSpawner, nativeLauncher, pythonLauncher, type HelperLauncher, type ProcessSpawner } from "./spawner";
import type { AttemptProcess, ExecutionContext } from "./types";
import { hasPython, waitFor } from "./process-testing";

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

const hasSetsid = (() => {
  try {
    execFileSync("sh", ["-c", "command -v setsid"]);
    return true;
  } catch {
    return false;
  }
})();


const hasCompiler = "path" in nativeHelperBinary();

/** A helper, failing the test run if it falls back silently. */
const strict = (launcher: HelperLauncher) =>
  new HelperSpawner({
    launcher,
    onUnavailable: (reason) => {
      throw new Error(`spawn helper unavailable: ${reason}`);
    },
  });
const helpers: Array<[string, HelperLauncher]> = [
  ...(hasCompiler ? [["native", nativeLauncher] as [string, HelperLauncher]] : []),
  ...(hasPython ? [["python", pythonLauncher()] as [string, HelperLauncher]] : []),
];
const spawners: Array<[string, ProcessSpawner]> = [["inline", inlineSpawner], ...helpers.map(([name, l]): [string, ProcessSpawner] => [name, strict(l)])];

describe.each(spawners)("shell executor (real processes, %s spawner)", (mode, spawner) => {
  const shell = createShellExecutor({ killGraceMs: 500, sampleIntervalMs: 100, spawner });

  it("runs /bin/sh in its own session and process group, reporting the group once started", async () => {
    const reported: AttemptProcess[] = [];
    const { ctx, logs } = ctxFor("echo $$ $(cut -d' ' -f5,6 /proc/$$/stat); sleep 0.1", { processStarted: (p) => reported.push(p) });
    const outcome = await shell.execute(ctx);
    expect(outcome).toMatchObject({ ok: true, exitCode: 0 });
    expect(outcome.process).toBeUndefined();
    const [pid, pgrp, sid] = logs.map(([, t]) => t).join("").trim().split(" ").map(Number);
    expect(pgrp).toBe(pid);
    expect(sid).toBe(pid);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.processGroupId).toBe(pid);
    expect(reported[0]!.processStartTime).toMatch(/^[0-9a-f-]+:\d+$/);
    expect(spawner.mode).toBe(mode);
  });

  it("reports the group of a step that ended before its start was known with the outcome instead", async () => {
    const reported: AttemptProcess[] = [];
    const { ctx, logs } = ctxFor("echo $$", { processStarted: (p) => reported.push(p) });
    const outcome = await shell.execute(ctx);
    expect(outcome).toMatchObject({ ok: true, exitCode: 0 });
    const pid = Number(logs.map(([, t]) => t).join("").trim());
    // Exactly one of the two ways, depending on how fast the step ended.
    const groups = [...reported, ...(outcome.process ? [outcome.process] : [])];
    expect(groups).toEqual([{ processGroupId: pid, processStartTime: expect.stringMatching(/^[0-9a-f-]+:\d+$/) }]);
  });

  it("gives the step default signal dispositions (SIGPIPE) and /dev/null as stdin", async () => {
    const { ctx, logs } = ctxFor("yes | head -n 1; cat; trap");
    expect(await shell.execute(ctx)).toMatchObject({ ok: true });
    expect(logs).toEqual([["stdout", "y\n"]]);
  });

  it("decodes UTF-8 split across chunks and reports a signal exit", async () => {
    const { ctx, logs } = ctxFor("printf '\\303'; sleep 0.1; printf '\\251\\n'; kill -TERM $$");
    expect(await shell.execute(ctx)).toMatchObject({ ok: false, reason: "signal", message: "killed by SIGTERM" });
    expect(logs.map(([, t]) => t).join("")).toBe("é\n");
  });

  it("does not wait for a background process that holds the pipes", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-bg-"));
    const { ctx } = ctxFor(`sleep 3 & echo $! > ${dir}/bg; echo done`);
    const t0 = Date.now();
    expect(await shell.execute(ctx)).toMatchObject({ ok: true });
    expect(Date.now() - t0).toBeLessThan(2000);
    const bg = Number(readFileSync(path.join(dir, "bg"), "utf8"));
    process.kill(bg, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("streams output, returns the exit code and MYRMEX_OUTPUT outputs, with params, upstream outputs and cwd", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-shell-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
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

  it("inherits the base env, with the step's env on top; a new base env reaches the same spawner", async () => {
    const first = createShellExecutor({ spawner, baseEnv: { PATH: process.env.PATH, A: "base", B: "kept" } as unknown as NodeJS.ProcessEnv });
    const a = ctxFor('echo "$A $B $MYRMEX_STEP_ID"', {}, { env: { A: "step" } });
    expect(await first.execute(a.ctx)).toMatchObject({ ok: true });
    expect(a.logs).toEqual([["stdout", "step kept s\n"]]);
    const second = createShellExecutor({ spawner, baseEnv: { PATH: process.env.PATH, B: "other" } as unknown as NodeJS.ProcessEnv });
    const b = ctxFor('echo "${A:-unset} $B"');
    expect(await second.execute(b.ctx)).toMatchObject({ ok: true });
    expect(b.logs).toEqual([["stdout", "unset other\n"]]);
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
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
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
    // Sampled every 100 ms: the last interval may be missed.
    expect(outcome.cpuSeconds).toBeGreaterThan(0.1);
    expect(outcome.peakMemoryMb).toBeGreaterThan(0);
    expect(samples.length).toBeGreaterThan(0);
  });

  it("returns aborted without spawning when already aborted", async () => {
    const { ctx, controller } = ctxFor("echo never");
    controller.abort("cancel");
    expect(await shell.execute(ctx)).toMatchObject({ ok: false, reason: "aborted" });
  });
});

describe.each(helpers)("shell executor: the %s spawn helper", (name, launcher) => {
  it("if the helper dies, the steps it ran are killed and reported; the next step starts a new helper", async () => {
    const spawner = new HelperSpawner({ launcher });
    const shell = createShellExecutor({ killGraceMs: 500, spawner });
    const reported: AttemptProcess[] = [];
    const { ctx } = ctxFor("sleep 30", { processStarted: (p) => reported.push(p) });
    const running = shell.execute(ctx);
    await waitFor(() => reported.length > 0);
    const first = spawner.helperPid!;
    process.kill(first, "SIGKILL");
    expect(await running).toMatchObject({ ok: false, reason: "signal", message: "killed by SIGKILL" });
    await waitFor(() => !isAlive(reported[0]!.processGroupId), 2000);
    const next = ctxFor("echo again");
    expect(await shell.execute(next.ctx)).toMatchObject({ ok: true });
    expect(next.logs).toEqual([["stdout", "again\n"]]);
    expect(spawner.helperPid).not.toBe(first);
    expect(spawner.mode).toBe(name);
  });

  it("adds the exact CPU time at exit (wait4), which sampling alone misses for short steps", async () => {
    const shell = createShellExecutor({ spawner: strict(launcher), sampleIntervalMs: 10_000 });
    // `times` prints the shell's own user/system time (first line) as e.g. "0m0.150000s 0m0.010000s".
    const { ctx, logs } = ctxFor("i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; times");
    const outcome = await shell.execute(ctx);
    const secs = [...logs.map(([, t]) => t).join("").split("\n")[0]!.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    expect(outcome.cpuSeconds).toBeGreaterThanOrEqual(secs[0]! + secs[1]! - 0.011);
  });

  it("relays large output on both streams complete and in order, and runs concurrent steps apart", async () => {
    const shell = createShellExecutor({ spawner: strict(launcher) });
    const big = ctxFor("seq 1 60000; seq 1 30000 >&2");
    const small = ctxFor("echo small; exit 3");
    const [a, b] = await Promise.all([shell.execute(big.ctx), shell.execute(small.ctx)]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: false, exitCode: 3 });
    const text = (stream: string) => big.logs.filter(([s]) => s === stream).map(([, t]) => t).join("");
    expect(text("stdout")).toBe(`${Array.from({ length: 60000 }, (_, i) => i + 1).join("\n")}\n`);
    expect(text("stderr")).toBe(`${Array.from({ length: 30000 }, (_, i) => i + 1).join("\n")}\n`);
    expect(small.logs).toEqual([["stdout", "small\n"]]);
  });

  it("refuses a command with a NUL byte without spawning, and keeps serving", async () => {
    const spawner = strict(launcher);
    const child = spawner.spawn({ file: "/bin/sh", args: ["-c", "echo a\0b"], cwd: null, env: process.env }, () => {});
    expect(await child.started).toEqual({ error: expect.stringContaining("NUL byte") });
    const shell = createShellExecutor({ spawner });
    expect(await shell.execute(ctxFor("true").ctx)).toMatchObject({ ok: true });
  });
});

describe.each(helpers)("shell executor: warming the %s spawn helper", (_name, launcher) => {
  it("warm() starts the helper before the first step; dispose() lets the idle helper exit", async () => {
    const spawner = new HelperSpawner({ launcher });
    const shell = createShellExecutor({ spawner });
    shell.warm!();
    const pid = await waitFor(() => spawner.helperPid); // started once the launcher is prepared (the native build)
    const { ctx, logs } = ctxFor("echo warm");
    expect(await shell.execute(ctx)).toMatchObject({ ok: true });
    expect(logs).toEqual([["stdout", "warm\n"]]);
    expect(spawner.helperPid).toBe(pid); // the same helper ran the step
    shell.dispose!();
    await waitFor(() => !isAlive(pid), 2000);
    const again = ctxFor("echo again");
    expect(await shell.execute(again.ctx)).toMatchObject({ ok: true }); // a new helper
    expect(spawner.helperPid).not.toBe(pid);
    shell.dispose!();
  });
});

describe("shell executor: choosing a spawner", () => {
  it.skipIf(!hasCompiler)("auto uses the native helper when a C compiler is available", async () => {
    const spawner = createSpawner("auto");
    const shell = createShellExecutor({ spawner });
    expect(await shell.execute(ctxFor("true").ctx)).toMatchObject({ ok: true });
    expect(spawner.mode).toBe("native");
  });

  it.skipIf(!hasPython)("falls back to the python helper when the native one cannot be built or dies at start", async () => {
    const reasons: string[] = [];
    const python = new HelperSpawner({ launcher: pythonLauncher() });
    const noCompiler = new HelperSpawner({ launcher: { name: "native", command: () => ({ unavailable: "no C compiler (cc)" }) }, fallback: python, onUnavailable: (r) => reasons.push(r) });
    const broken = new HelperSpawner({ launcher: { name: "native", command: () => ({ file: "/bin/false", args: [] }) }, fallback: python, onUnavailable: (r) => reasons.push(r) });
    for (const spawner of [noCompiler, broken]) {
      const { ctx, logs } = ctxFor("echo fallback");
      expect(await createShellExecutor({ spawner }).execute(ctx)).toMatchObject({ ok: true });
      expect(logs).toEqual([["stdout", "fallback\n"]]);
      expect(spawner.mode).toBe("python");
    }
    expect(reasons).toEqual(["no C compiler (cc)", expect.stringContaining("native spawn helper unusable: exited (1)")]);
  });

  it("falls back to spawning in this process when python3 cannot run", async () => {
    const reasons: string[] = [];
    const spawner = new HelperSpawner({ launcher: pythonLauncher("/nonexistent/python3"), onUnavailable: (r) => reasons.push(r) });
    const shell = createShellExecutor({ spawner });
    const { ctx, logs } = ctxFor("echo fallback");
    expect(await shell.execute(ctx)).toMatchObject({ ok: true });
    expect(logs).toEqual([["stdout", "fallback\n"]]);
    expect(spawner.mode).toBe("inline");
    expect(reasons).toHaveLength(1);
    expect(processStartIdentity(process.pid)).not.toBeNull();
  });
});
