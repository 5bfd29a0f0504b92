import http from "node:http";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { RealClock } from "./clock";
import { Engine } from "./engine";
import { defaultExecutors } from "./executors/registry";
import { isAlive } from "./executors/process-tree";
import { MemoryStore } from "./memory-store";

let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function newEngine(store = new MemoryStore()) {
  const engine = new Engine({
    store,
    clock: new RealClock(),
    executors: defaultExecutors({ shell: { killGraceMs: 500 } }),
    pools: { cpu: 2, memory: 1024 },
    heartbeatIntervalMs: 60_000,
  });
  return { engine, store };
}

describe("engine with real executors", () => {
  it("runs shell → http → shell, passing outputs, and records metrics", async () => {
    const { engine, store } = newEngine();
    await engine.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-int-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const res = await engine.startRun({
      workflowVersionId: "v1",
      workingDir: dir,
      params: { name: "world" },
      definition: {
        name: "int",
        params: { name: { default: "x" } },
        steps: [
          { id: "make", kind: "shell", run: 'echo "hello $MYRMEX_PARAM_NAME" > out.txt; echo "file=out.txt" >> "$MYRMEX_OUTPUT"' },
          { id: "ping", kind: "http", dependsOn: ["make"], http: { url: `http://127.0.0.1:${port}/check/{{ steps.make.outputs.file }}` } },
          { id: "show", kind: "shell", dependsOn: ["ping", "make"], run: 'cat "$MYRMEX_OUT_MAKE_FILE"; echo "$MYRMEX_OUT_PING_STATUS"' },
          { id: "pause", kind: "delay", delayMs: 20, dependsOn: ["show"] },
        ],
      },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const run = await engine.waitForRun(res.runId);
    expect(run.status).toBe("succeeded");
    const tasks = await store.listTaskRuns(res.runId);
    expect(tasks.find((t) => t.stepId === "ping")?.outputs).toMatchObject({ status: 200, json: { path: "/check/out.txt" } });
    const logs = (await store.listLogs(res.runId)).filter((l) => l.taskRunId === tasks.find((t) => t.stepId === "show")!.id);
    expect(logs.map((l) => l.text).join("")).toBe("hello world\n200\n");
    expect(run.metrics?.makespanMs).toBeGreaterThan(0);
    expect(run.metrics?.criticalPath).toEqual(["make", "ping", "show", "pause"]);
    expect(run.metrics!.makespanMs).toBeGreaterThanOrEqual(20);
    await engine.stop();
  });

  it("cancel and timeout kill the whole process group of shell steps", async () => {
    const { engine, store } = newEngine();
    await engine.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-int-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const pidsOf = (file: string) =>
      existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), "utf8").trim().split("\n").filter(Boolean).map(Number) : [];
    const res = await engine.startRun({
      workflowVersionId: "v1",
      workingDir: dir,
      definition: {
        name: "kill",
        steps: [
          { id: "slow", kind: "shell", run: "sleep 300 & echo $! >> slow.pids; sleep 300 & echo $! >> slow.pids; wait", resources: { cpu: 0 } },
          { id: "limited", kind: "shell", timeoutSec: 1, run: "sleep 300 & echo $! >> lim.pids; wait", resources: { cpu: 0 } },
        ],
        onFailure: "continue",
      },
    });
    if (!res.ok) throw new Error("start failed");
    const deadline = Date.now() + 5000;
    while (pidsOf("slow.pids").length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const slowPids = pidsOf("slow.pids");
    expect(slowPids.every(isAlive)).toBe(true);
    // The timeout fires after 1 s; wait until that step has settled.
    while ((await store.listTaskRuns(res.runId)).find((t) => t.stepId === "limited")?.status === "running" && Date.now() < deadline + 5000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const limPids = pidsOf("lim.pids");
    expect(limPids.length).toBe(1);
    expect(limPids.filter(isAlive)).toEqual([]);
    await engine.cancel(res.runId, { by: "tester" });
    const run = await engine.waitForRun(res.runId);
    expect(run).toMatchObject({ status: "cancelled", cancelledBy: "tester" });
    expect(slowPids.filter(isAlive)).toEqual([]);
    const attempts = await store.listAttempts(res.runId);
    expect(attempts.map((a) => [a.stepId, a.status])).toEqual([
      ["slow", "cancelled"],
      ["limited", "timed_out"],
    ]);
    await engine.stop();
  });
});
