import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { nativeHelperBinary } from "./native-helper";
import { hasPython, waitFor } from "./process-testing";
import { hasProcFs, listProcesses } from "./process-tree";
import { HELPER_DIED_BEFORE_START, HelperSpawner, inlineSpawner, nativeLauncher, pythonLauncher, type HelperLauncher, type ProcessSpawner, type SpawnRequest } from "./spawner";
import { spawnerAvailability } from "./spawner-availability";

/** A fake helper: a shell script as its command line. */
const script = (sh: string): HelperLauncher => ({ name: "fake", command: () => ({ file: "/bin/sh", args: ["-c", sh] }) });

/** The "ready" frame (helper pid 1), as printf writes it. */
const READY = String.raw`printf '\011\000\000\000\000\000\000\000\000\001\000\000\000'`;

/** A fallback that records what it was asked to run. */
function recording(): ProcessSpawner & { calls: SpawnRequest[] } {
  const calls: SpawnRequest[] = [];
  return { mode: "inline", calls, spawn: (req, onOutput) => (calls.push(req), inlineSpawner.spawn(req, onOutput)) };
}

const request = (run: string): SpawnRequest => ({ file: "/bin/sh", args: ["-c", run], cwd: null, env: { PATH: process.env.PATH } });

/** Whether no live process is left in group `pgid` (zombies count as gone: whoever inherits them reaps them). */
function groupGone(pgid: number): boolean {
  if (hasProcFs) return !listProcesses().some((p) => p.pgrp === pgid && p.state !== "Z" && p.state !== "X");
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-spawner-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const hasCompiler = "path" in nativeHelperBinary();
const realHelper = hasCompiler ? nativeLauncher : hasPython ? pythonLauncher() : null;

describe("HelperSpawner when its helper misbehaves", () => {
  it("kills a helper that writes a malformed frame, without throwing, and runs the step with the fallback", async () => {
    const fallback = recording();
    const reasons: string[] = [];
    const spawner = new HelperSpawner({ launcher: script(String.raw`printf '\001\000\000\000\377'; sleep 5`), fallback, onUnavailable: (r) => reasons.push(r) });
    let out = "";
    const child = spawner.spawn(request("echo fallback"), (_, text) => (out += text));
    const helper = spawner.helperPid!;
    expect(await child.started).toEqual({ pid: expect.any(Number) });
    expect(await child.exited).toMatchObject({ code: 0 });
    expect(out).toBe("fallback\n");
    expect(fallback.calls).toHaveLength(1);
    expect(spawner.mode).toBe("inline");
    expect(reasons).toEqual([expect.stringContaining("sent a malformed frame (spawn helper: frame of 1 bytes, shorter than its 5-byte header)")]);
    // The helper and the sleep it started (its process group) are killed.
    await waitFor(() => groupGone(helper), 2000);
  });

  it("fails the start of a step sent to a ready helper that then writes a malformed frame", async () => {
    const fallback = recording();
    const spawner = new HelperSpawner({ launcher: script(String.raw`${READY}; head -c 1 >/dev/null; printf '\005\000\000\000\011\000\000\000\000'; sleep 5`), fallback });
    const child = spawner.spawn(request("true"), () => {});
    const helper = spawner.helperPid!;
    expect(await child.started).toEqual({ error: HELPER_DIED_BEFORE_START });
    expect(fallback.calls).toEqual([]);
    expect(spawner.mode).toBe("fake"); // a death, not a helper that cannot run
    await waitFor(() => groupGone(helper), 2000);
  });

  it("reports a start error, and does not run the step again, when a ready helper dies before reporting its start", async () => {
    const dir = tempDir();
    const marker = path.join(dir, "ran");
    const fallback = recording();
    const spawner = new HelperSpawner({ launcher: script(`${READY}; head -c 1 >/dev/null`), fallback });
    const child = spawner.spawn(request(`touch ${marker}`), () => {});
    expect(await child.started).toEqual({ error: HELPER_DIED_BEFORE_START });
    await new Promise((r) => setTimeout(r, 300));
    expect(fallback.calls).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(spawner.mode).toBe("fake");
  });

  it.skipIf(!realHelper)("runs a step sent to a helper that had already exited (output not yet drained) on a new helper", async () => {
    const fallback = recording();
    let launches = 0;
    // The first helper exits at once, a background sleep holding its stdout.
    const launcher: HelperLauncher = { name: "fake", command: () => (launches++ === 0 ? { file: "/bin/sh", args: ["-c", `${READY}; sleep 5 & exit 0`] } : realHelper!.command()) };
    const spawner = new HelperSpawner({ launcher, fallback });
    const first = spawner.spawn(request("true"), () => {});
    const helper = spawner.helperPid!;
    // Exited and reaped (Node saw the exit); the pipe is still open.
    await waitFor(() => {
      try {
        process.kill(helper, 0);
        return false;
      } catch {
        return true;
      }
    });
    let out = "";
    const second = spawner.spawn(request("echo again"), (_, text) => (out += text));
    expect(await first.started).toEqual({ error: HELPER_DIED_BEFORE_START });
    expect(await second.started).toMatchObject({ pid: expect.any(Number) });
    expect(await second.exited).toMatchObject({ code: 0 });
    expect(out).toBe("again\n");
    expect(launches).toBe(2);
    expect(fallback.calls).toEqual([]);
    try {
      process.kill(-helper, "SIGKILL"); // the background sleep
    } catch {
      // gone
    }
  });
});

describe("spawnerAvailability", () => {
  it("says inline when inline is asked for, and native when a compiler is there", async () => {
    expect(await spawnerAvailability("inline")).toMatchObject({ mode: "inline" });
    if (hasCompiler) expect(await spawnerAvailability("auto")).toEqual({ mode: "native", reason: null });
    expect(await spawnerAvailability("python")).toEqual(hasPython ? { mode: "python", reason: null } : { mode: "inline", reason: expect.any(String) });
  });
});
