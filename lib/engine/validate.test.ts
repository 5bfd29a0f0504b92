import { describe, expect, it } from "vitest";
import { validateWorkflow } from "./validate";

const pools = { cpu: 4, memory: 8192, "deploy-slot": 1 };

describe("validateWorkflow", () => {
  it("accepts the example of the issue and applies defaults", () => {
    const res = validateWorkflow(
      {
        name: "build-and-test",
        description: "Build and test the service",
        params: { branch: { default: "main" } },
        concurrency: 4,
        timeoutSec: 3600,
        retry: { maxAttempts: 1, backoff: "exponential", delaySec: 1, maxDelaySec: 60 },
        onFailure: "stop",
        steps: [
          { id: "install", kind: "shell", run: "npm ci" },
          {
            id: "build",
            name: "Build",
            kind: "shell",
            run: "npm run build",
            dependsOn: ["install"],
            priority: 0,
            resources: { cpu: 1, memoryMb: 512, pools: { "deploy-slot": 1 } },
            timeoutSec: 600,
            retry: { maxAttempts: 3, backoff: "exponential", delaySec: 2 },
            continueOnFailure: false,
          },
          { id: "ping", kind: "http", http: { method: "GET", url: "http://127.0.0.1:3000/api/health", expectStatus: [200] } },
        ],
      },
      { pools },
    );
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.definition.steps[0]).toMatchObject({ dependsOn: [], priority: 0, continueOnFailure: false });
      expect(res.definition.onFailure).toBe("stop");
    }
  });

  it("reports every problem at once, naming step and field", () => {
    const res = validateWorkflow(
      {
        name: "broken",
        steps: [
          { id: "a", kind: "shell", run: "x", dependsOn: ["c"] },
          { id: "b", kind: "shell", run: "x", dependsOn: ["a"] },
          { id: "c", kind: "shell", run: "x", dependsOn: ["b"] },
          { id: "a", kind: "noop" },
          { id: "self", kind: "noop", dependsOn: ["self", "ghost"] },
          { id: "slow", kind: "noop", timeoutSec: -5, retry: { maxAttempts: 0 } },
          { id: "web", kind: "http", http: { url: "ftp://example.com" } },
          { id: "bad-url", kind: "http", http: { url: "not a url" } },
          { id: "odd", kind: "python" },
          { id: "greedy", kind: "noop", resources: { cpu: 64, pools: { "deploy-slot": 2, unknown: 1 } } },
          { id: "empty", kind: "shell" },
          { id: "wait", kind: "delay" },
          { id: "typo", kind: "noop", dependOn: ["a"] },
        ],
      },
      { pools },
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const got = res.problems.map((p) => `${p.stepId ?? "-"}|${p.field}|${p.message}`);
    const has = (stepId: string, field: string, re: RegExp) =>
      expect(got.some((g) => g.startsWith(`${stepId}|${field}|`) && re.test(g)), `${stepId} ${field} ${re} in\n${got.join("\n")}`).toBe(true);
    has("a", "dependsOn", /dependency cycle: a → c → b → a/);
    has("a", "id", /duplicate step id "a"/);
    has("self", "dependsOn", /cannot depend on itself/);
    has("self", "dependsOn", /unknown step "ghost"/);
    has("slow", "timeoutSec", /greater than 0/);
    has("slow", "retry.maxAttempts", /.+/);
    has("web", "http.url", /http:\/\/ or https:\/\//);
    has("bad-url", "http.url", /not a valid URL/);
    has("odd", "kind", /unknown kind; expected one of shell, http, delay, noop/);
    has("greedy", "resources.cpu", /capacity is 4/);
    has("greedy", "resources.pools.deploy-slot", /capacity is 1/);
    has("greedy", "resources.pools.unknown", /unknown resource pool "unknown"/);
    has("empty", "run", /needs a command/);
    has("wait", "delayMs", /delayMs` or `delaySec/);
    has("typo", "dependOn", /unknown field/);
    for (const p of res.problems) expect(p.path[0]).toBe("steps");
  });

  it("checks placeholders against params and dependencies", () => {
    const res = validateWorkflow({
      name: "t",
      params: { env: "prod" },
      steps: [
        { id: "a", kind: "noop" },
        {
          id: "b",
          kind: "http",
          dependsOn: ["a"],
          http: { url: "https://x.test/{{ params.env }}/{{ params.nope }}", headers: { x: "{{ steps.z.outputs.k }}" } },
        },
      ],
    });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.problems.map((p) => p.message)).toEqual(['unknown param "nope"', '{{ steps.z.outputs.k }} needs "z" in dependsOn']);
    }
  });

  it("handles 10,000-step chains and cycles quickly without recursion", () => {
    const n = 10_000;
    const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: "noop", dependsOn: i > 0 ? [`s${i - 1}`] : [] }));
    let t0 = performance.now();
    expect(validateWorkflow({ name: "chain", steps }).ok).toBe(true);
    const okMs = performance.now() - t0;
    steps[0]!.dependsOn = [`s${n - 1}`];
    t0 = performance.now();
    const res = validateWorkflow({ name: "ring", steps });
    const cycleMs = performance.now() - t0;
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.problems).toHaveLength(1);
      expect(res.problems[0]!.message.split(" → ")).toHaveLength(n + 1);
    }
    expect(okMs).toBeLessThan(500);
    expect(cycleMs).toBeLessThan(500);
  });

  it("rejects non-objects and empty workflows with a root-level problem", () => {
    const res = validateWorkflow("nope");
    expect(res.ok).toBe(false);
    const empty = validateWorkflow({ name: "x", steps: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]).toMatchObject({ field: "steps" });
  });
});
