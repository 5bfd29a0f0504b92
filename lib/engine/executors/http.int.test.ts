import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StepDefinition } from "../definition";
import { createHttpExecutor } from "./http";
import type { ExecutionContext } from "./types";

let server: http.Server;
let base = "";
const received: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === "/json") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ healthy: true }));
      } else if (req.url === "/fail") {
        res.writeHead(500);
        res.end("broken");
      } else if (req.url === "/missing") {
        res.writeHead(404);
        res.end("nope");
      } else if (req.url === "/big") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("x".repeat(100_000));
      } else if (req.url === "/hang") {
        // never answers
      } else {
        res.writeHead(201);
        res.end("created");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function ctxFor(httpConf: NonNullable<StepDefinition["http"]>, extra: Partial<ExecutionContext> = {}) {
  const controller = new AbortController();
  const ctx: ExecutionContext = {
    runId: "r",
    taskRunId: "r:0",
    stepId: "h",
    attempt: 1,
    step: { id: "h", kind: "http", http: httpConf, dependsOn: [], priority: 0, continueOnFailure: false },
    params: { env: "prod" },
    workingDir: null,
    upstreamOutputs: { build: { version: "9" } },
    signal: controller.signal,
    timeoutMs: null,
    log: () => undefined,
    sample: () => undefined,
    ...extra,
  };
  return { ctx, controller };
}

describe("http executor (local server)", () => {
  const exec = createHttpExecutor();

  it("returns status, body and parsed JSON as outputs", async () => {
    const { ctx } = ctxFor({ method: "GET", url: `${base}/json`, expectStatus: [200] });
    expect(await exec.execute(ctx)).toEqual({ ok: true, outputs: { status: 200, body: '{"healthy":true}', json: { healthy: true } } });
  });

  it("sends method, templated headers and a JSON body", async () => {
    const { ctx } = ctxFor({ method: "POST", url: `${base}/deploy/{{ params.env }}`, headers: { "x-version": "{{ steps.build.outputs.version }}" }, body: { env: "{{ params.env }}" } });
    expect(await exec.execute(ctx)).toMatchObject({ ok: true, outputs: { status: 201, body: "created" } });
    const last = received.at(-1)!;
    expect(last).toMatchObject({ method: "POST", url: "/deploy/prod", body: '{"env":"prod"}' });
    expect(last.headers["x-version"]).toBe("9");
    expect(last.headers["content-type"]).toBe("application/json");
  });

  it("fails on an unexpected status with the response as outputs; accepts listed statuses", async () => {
    expect(await exec.execute(ctxFor({ method: "GET", url: `${base}/fail` }).ctx)).toMatchObject({
      ok: false,
      reason: "http-status",
      message: "HTTP 500, expected 2xx",
      outputs: { status: 500, body: "broken" },
    });
    expect(await exec.execute(ctxFor({ method: "GET", url: `${base}/missing`, expectStatus: [404] }).ctx)).toMatchObject({ ok: true });
  });

  it("truncates large bodies", async () => {
    const out = await exec.execute(ctxFor({ method: "GET", url: `${base}/big`, maxBodyBytes: 1000 }).ctx);
    expect(out.ok && (out.outputs.body as string).length).toBe(1000);
    expect(out.ok && out.outputs.truncated).toBe(true);
  });

  it("times out and aborts", async () => {
    const t = await exec.execute(ctxFor({ method: "GET", url: `${base}/hang` }, { timeoutMs: 200 }).ctx);
    expect(t).toMatchObject({ ok: false, reason: "timeout" });
    const { ctx, controller } = ctxFor({ method: "GET", url: `${base}/hang` });
    const p = exec.execute(ctx);
    setTimeout(() => controller.abort("cancel"), 50);
    expect(await p).toMatchObject({ ok: false, reason: "aborted" });
  });

  it("reports connection errors as network failures", async () => {
    const out = await exec.execute(ctxFor({ method: "GET", url: "http://127.0.0.1:1/" }).ctx);
    expect(out).toMatchObject({ ok: false, reason: "network" });
  });
});
