/**
 * The real `orchestrate` CLI in local mode against a fresh SQLite database:
 * bootstrap, every command's human and `--json` output, exit codes, a run
 * that succeeds, one that fails, validation errors with step and field, pools,
 * logs, reports, controls, timeouts. Each invocation is a separate process.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, type CliEnv } from "./cli";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface RunJson {
  id: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  tasks: { stepId: string; status: string; attempts: number; startedAt: string | null; finishedAt: string | null; exitCode: number | null }[];
}

let cli: CliEnv;

beforeAll(async () => {
  cli = cliEnv();
  // Bootstrap a database that does not exist yet: migrations, pools, examples.
  const init = await cli.run(["init"], { timeoutMs: 120_000 });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain("Seeded the Examples project");
});

afterAll(() => cli?.remove());

describe("bootstrap and usage", () => {
  it("init is idempotent", async () => {
    const again = await cli.run(["init", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ migrated: true, examples: "already-seeded" });
  });

  it("a database that was never initialized gets a message, not a stack trace", async () => {
    const res = await cli.run(["list-projects"], { env: { DATABASE_URL: `file:${path.join(cli.dir, "empty.db")}` } });
    expect(res.code).toBe(4);
    expect(res.stderr).toContain("not initialized");
    expect(res.stderr).toContain("orchestrate init");
    expect(res.stderr).not.toMatch(/\bat \w+ \(/);
  });

  it("--help everywhere, strict parsing, usage errors exit 2", async () => {
    const help = await cli.run(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["list-workflows", "run-workflow", "list-projects", "projects", "status", "health", "import", "export", "pools", "runs", "logs", "report", "demo", "examples"]) {
      expect(help.stdout).toContain(c);
    }
    const sub = await cli.run(["runs", "show", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--follow");

    const unknownOption = await cli.run(["list-workflows", "--bogus"]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--bogus'");

    const extra = await cli.run(["status", "extra"]);
    expect(extra.code).toBe(2);

    const missing = await cli.run(["run-workflow"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'workflow'");

    const typo = await cli.run(["list-workflow"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Did you mean list-workflows?");

    const badParam = await cli.run(["run-workflow", "basic-workflow", "--param", "novalue"]);
    expect(badParam.code).toBe(2);
    expect(badParam.stderr).toContain('"novalue" is not key=value');
  });
});

describe("listing", () => {
  it("list-projects and list-workflows, as text and as JSON", async () => {
    const projects = await cli.run(["list-projects"]);
    expect(projects.code).toBe(0);
    expect(projects.stdout).toMatch(/^PROJECT\s+NAME\s+STATUS\s+WORKFLOWS\s+LAST RUN/m);
    expect(projects.stdout).toMatch(/examples\s+Examples\s+active\s+7/);

    const pj = await cli.run(["list-projects", "--json", "--status", "active,archived"]);
    expect(pj.json<{ slug: string; workflowCount: number }[]>()).toEqual([expect.objectContaining({ slug: "examples", workflowCount: 7 })]);

    const badStatus = await cli.run(["list-projects", "--status", "sleeping"]);
    expect(badStatus.code).toBe(2);

    const wfs = await cli.run(["list-workflows", "--project", "examples"]);
    expect(wfs.code).toBe(0);
    expect(wfs.stdout).toMatch(/^WORKFLOW\s+PROJECT\s+STEPS\s+VERSION\s+LAST RUN/m);
    expect(wfs.stdout).toMatch(/basic-workflow\s+examples\s+3\s+v1\s+never/);

    const wj = await cli.run(["list-workflows", "--json"]);
    const list = wj.json<{ slug: string; stepCount: number; project: { slug: string }; lastRun: unknown }[]>();
    expect(list).toHaveLength(7);
    expect(list.find((w) => w.slug === "complex-multi-stage")).toMatchObject({ stepCount: 12, project: { slug: "examples" }, lastRun: null });

    const unknownProject = await cli.run(["list-workflows", "--project", "nope"]);
    expect(unknownProject.code).toBe(1);
    expect(unknownProject.stderr).toContain('No project with the slug "nope"');
  });
});

describe("run-workflow", () => {
  it("a successful run: exit 0, one line per step change, a summary, and the --json shape", async () => {
    const res = await cli.run(["run-workflow", "basic-workflow"]);
    expect(res.code, res.stderr).toBe(0);
    for (const step of ["greet", "collect", "summarize"]) {
      expect(res.stdout).toMatch(new RegExp(`▶ ${step}\\s+running`));
      expect(res.stdout).toMatch(new RegExp(`✓ ${step}\\s+succeeded in`));
    }
    expect(res.stdout).toContain("3 steps: 3 succeeded");
    // No progress bar or colour when stdout is not a terminal.
    expect(res.stdout).not.toContain("\x1b[");
    expect(res.stdout).not.toContain("░");

    const json = await cli.run(["run-workflow", "basic-workflow", "--project", "examples", "--json", "--param", "greeting=hello from the test"]);
    expect(json.code, json.stderr).toBe(0);
    const run = json.json<RunJson>();
    expect(Object.keys(run)).toEqual(["id", "status", "startedAt", "finishedAt", "tasks"]);
    expect(run.status).toBe("succeeded");
    expect(run.startedAt).toMatch(ISO_MS);
    expect(run.finishedAt).toMatch(ISO_MS);
    expect(run.tasks.map((t) => t.stepId)).toEqual(["greet", "collect", "summarize"]);
    for (const t of run.tasks) {
      expect(Object.keys(t)).toEqual(["stepId", "status", "attempts", "startedAt", "finishedAt", "exitCode"]);
      expect(t).toMatchObject({ status: "succeeded", attempts: 1, exitCode: 0 });
      expect(t.startedAt).toMatch(ISO_MS);
    }

    // The parameter reached the step.
    const logs = await cli.run(["logs", run.id, "greet"]);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain("hello from the test");
  });

  it("a failing run: exit 1, the failure and its reason, retries visible, dependents not run", async () => {
    const imp = await cli.run(["import", path.join(FIXTURES, "failing.yaml"), "--project", "examples"]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain("Created workflow examples/flaky-deploy (v1, 3 steps)");

    const res = await cli.run(["run-workflow", "flaky-deploy"]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/… deploy\s+waiting: exit-non-zero; retry 2 in/);
    expect(res.stdout).toMatch(/▶ deploy\s+running \(attempt 2\)/);
    expect(res.stdout).toMatch(/✗ deploy\s+failed \(exit 3, exit-non-zero\)/);
    expect(res.stdout).toMatch(/⊘ announce\s+not run: an upstream step failed/);
    expect(res.stdout).toContain("3 steps: 1 succeeded, 1 failed, 1 upstream failed");
    expect(res.stdout).toMatch(/See the output with: orchestrate logs \S+ deploy/);

    const json = await cli.run(["run-workflow", "flaky-deploy", "--json"]);
    expect(json.code).toBe(1);
    const run = json.json<RunJson>();
    expect(run.status).toBe("failed");
    expect(run.tasks.map((t) => [t.stepId, t.status, t.attempts, t.exitCode])).toEqual([
      ["prepare", "succeeded", 1, 0],
      ["deploy", "failed", 2, 3],
      ["announce", "upstream_failed", 0, null],
    ]);

    const logs = await cli.run(["logs", run.id, "deploy"]);
    expect(logs.code).toBe(0);
    expect(logs.stdout.match(/deploying/g)).toHaveLength(2);
    expect(logs.stderr).toContain("target unreachable");
    expect(logs.stderr).toContain("── attempt 2 ──");

    const oneAttempt = await cli.run(["logs", run.id, "deploy", "--attempt", "2", "--json"]);
    const chunks = oneAttempt.stdout.trim().split("\n").map((l) => JSON.parse(l) as { attempt: number; stream: string });
    expect(new Set(chunks.map((c) => c.attempt))).toEqual(new Set([2]));
    expect(chunks.map((c) => c.stream)).toContain("stderr");

    const unknownStep = await cli.run(["logs", run.id, "nope"]);
    expect(unknownStep.code).toBe(1);
    expect(unknownStep.stderr).toContain('The run has no step "nope". Its steps: announce, deploy, prepare.');
  });

  it("an unknown workflow suggests close names; a timeout cancels the run", async () => {
    const unknown = await cli.run(["run-workflow", "basic"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No workflow "basic". Did you mean examples/basic-workflow?');

    expect((await cli.run(["import", path.join(FIXTURES, "slow.json"), "-p", "examples"])).code).toBe(0);
    const started = Date.now();
    const res = await cli.run(["run-workflow", "slow", "--timeout", "1", "--json"]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(res.code).toBe(1);
    expect(res.json<RunJson>()).toMatchObject({ status: "cancelled", tasks: [{ stepId: "wait", status: "cancelled" }, { stepId: "after", status: "cancelled" }] });
    expect(res.stderr).toBe("");
  });

  it("--detach starts the run and returns; runs cancel takes it over when no server runs it", async () => {
    const res = await cli.run(["run-workflow", "slow", "--detach", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    const run = res.json<RunJson>();
    expect(run.status).toBe("running");
    expect(res.stderr).toContain("No server is running");

    const cancel = await cli.run(["runs", "cancel", run.id]);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stdout).toContain(`Cancelled run ${run.id}.`);
    const show = await cli.run(["runs", "show", run.id, "--json"]);
    expect(show.json<{ status: string }>().status).toBe("cancelled");

    const again = await cli.run(["runs", "cancel", run.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Cannot cancel this run: the run is cancelled.");
  });
});

describe("import and export", () => {
  it("an invalid definition exits 2 and lists every problem with step, field and line", async () => {
    const res = await cli.run(["import", path.join(FIXTURES, "invalid.yaml"), "--project", "examples"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("The definition has 3 problems:");
    expect(res.stderr).toContain("step build, retry.maxAttempts (line 6):");
    expect(res.stderr).toContain("step test, kind (line 8):");
    expect(res.stderr).toContain('step test, dependsOn (line 10): unknown step "lint"');

    const json = await cli.run(["import", path.join(FIXTURES, "invalid.yaml"), "--project", "examples", "--json"]);
    expect(json.code).toBe(2);
    const body = json.json<{ details: { problems: { stepId: string; field: string; line: number }[] } }>();
    expect(body.details.problems.map((p) => [p.stepId, p.field, p.line])).toEqual([
      ["build", "retry.maxAttempts", 6],
      ["test", "kind", 8],
      ["test", "dependsOn", 10],
    ]);

    const missingFile = await cli.run(["import", "nope.yaml", "--project", "examples"]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain("No such file: nope.yaml");

    const noProject = await cli.run(["import", path.join(FIXTURES, "failing.yaml")]);
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toContain("required option '-p, --project <slug>' not specified");
  });

  it("re-importing creates a new version only when the definition changed; export round-trips", async () => {
    const exported = await cli.run(["export", "flaky-deploy", "--format", "yaml"]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(readFileSync(path.join(FIXTURES, "failing.yaml"), "utf8"));

    const same = await cli.run(["import", "-", "--project", "examples", "--json"], { input: exported.stdout });
    expect(same.json()).toMatchObject({ version: 1, created: false, unchanged: true });

    const changed = exported.stdout.replace("echo preparing", "echo preparing again");
    const v2 = await cli.run(["import", "-", "--project", "examples"], { input: changed });
    expect(v2.code).toBe(0);
    expect(v2.stdout).toContain("Saved examples/flaky-deploy v2");

    const v1json = await cli.run(["export", "flaky-deploy", "--version", "1", "--format", "json"]);
    expect(JSON.parse(v1json.stdout)).toMatchObject({ name: "flaky-deploy", steps: [{ id: "prepare", run: "echo preparing" }, {}, {}] });

    const out = path.join(cli.dir, "exported.yaml");
    const toFile = await cli.run(["export", "flaky-deploy", "-o", "exported.yaml"]);
    expect(toFile.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("echo preparing again");

    const noVersion = await cli.run(["export", "flaky-deploy", "--version", "9"]);
    expect(noVersion.code).toBe(1);
    expect(noVersion.stderr).toContain("The workflow has no version 9.");
  });
});

describe("status, health, pools", () => {
  it("status shows runs by state, engines, pools and projects", async () => {
    const res = await cli.run(["status"]);
    expect(res.code).toBe(0);
    for (const h of ["Runs", "Steps of active runs", "Active runs", "Engines", "Pools", "Projects"]) expect(res.stdout).toContain(h);
    expect(res.stdout).toMatch(/\d+ succeeded/);
    expect(res.stdout).toContain("deploy-slot");

    const json = (await cli.run(["status", "--json"])).json<{ runs: { byStatus: Record<string, number> }; pools: { name: string }[]; workers: unknown[]; projects: { byStatus: Record<string, number> } }>();
    expect(json.runs.byStatus.succeeded).toBeGreaterThanOrEqual(2);
    expect(json.runs.byStatus.failed).toBeGreaterThanOrEqual(2);
    expect(json.pools.map((p) => p.name)).toEqual(expect.arrayContaining(["cpu", "memory", "deploy-slot"]));
    expect(json.projects.byStatus).toEqual({ active: 1 });
  });

  it("health lists components with reasons; no live engine is degraded (exit 3)", async () => {
    const res = await cli.run(["health"]);
    expect(res.code).toBe(3);
    expect(res.stdout).toMatch(/Overall: degraded/);
    expect(res.stdout).toMatch(/scheduler\s+degraded\s+0 live\s+no engine has sent a heartbeat/);
    const report = (await cli.run(["health", "--json"])).json<{ status: string; components: { name: string; status: string; detail: string; thresholds?: string }[] }>();
    expect(report.components.map((c) => c.name)).toEqual(["database", "migrations", "scheduler", "stuck-runs", "disk", "memory", "shell-spawner"]);
    expect(report.components.find((c) => c.name === "migrations")).toMatchObject({ status: "healthy" });
    for (const c of report.components) expect(c.thresholds).toBeTruthy();
  });

  it("pools set, list and delete, with the refusals a person needs", async () => {
    const created = await cli.run(["pools", "set", "gpu", "--capacity", "2", "--description", "Graphics cards"]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("Created pool gpu: capacity 2");
    const updated = await cli.run(["pools", "set", "gpu", "-c", "4", "--json"]);
    expect(updated.json()).toMatchObject({ name: "gpu", capacity: 4, description: "Graphics cards", builtin: false, inUse: 0 });

    const list = await cli.run(["pools", "list"]);
    expect(list.stdout).toMatch(/gpu\s+4\s+0\s+0\s+named\s+Graphics cards/);

    const builtin = await cli.run(["pools", "set", "cpu", "-c", "64"]);
    expect(builtin.code).toBe(1);
    expect(builtin.stderr).toContain('"cpu" is a built-in pool');

    const badCapacity = await cli.run(["pools", "set", "gpu", "-c", "-1"]);
    expect(badCapacity.code).toBe(2);

    const used = await cli.run(["pools", "delete", "deploy-slot"]);
    expect(used.code).toBe(1);
    expect(used.stderr).toContain("examples/resource-management");

    expect((await cli.run(["pools", "delete", "gpu"])).code).toBe(0);
    const gone = await cli.run(["pools", "delete", "gpu"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('No pool named "gpu"');
  });
});

describe("runs and reports", () => {
  it("runs list/show with filters; pause of a finished run is refused", async () => {
    const failed = await cli.run(["runs", "list", "--status", "failed", "--json"]);
    const runs = failed.json<{ id: string; status: string; workflow: { slug: string } }[]>();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(["failed"]));

    const text = await cli.run(["runs", "list", "--workflow", "basic-workflow", "-n", "5"]);
    expect(text.stdout).toMatch(/examples\/basic-workflow v1\s+succeeded\s+3\/3\s+cli/);

    const id = runs[0]!.id;
    const show = await cli.run(["runs", "show", id]);
    expect(show.stdout).toContain(`Run ${id}  failed`);
    expect(show.stdout).toMatch(/deploy\s+failed\s+2/);

    const pause = await cli.run(["runs", "pause", id]);
    expect(pause.code).toBe(1);
    expect(pause.stderr).toContain("Cannot pause this run");

    const missing = await cli.run(["runs", "show", "00000000-0000-0000-0000-000000000000"]);
    expect(missing.code).toBe(1);
  });

  it("runs retry re-runs the failed steps and follows them", async () => {
    const [last] = (await cli.run(["runs", "list", "--status", "failed", "-w", "flaky-deploy", "-n", "1", "--json"])).json<{ id: string }[]>();
    const res = await cli.run(["runs", "retry", last!.id]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain("run reopened");
    expect(res.stdout).toMatch(/▶ deploy\s+running \(attempt 3\)/);
  });

  it("report of a run as CSV, JSON and HTML; of a workflow", async () => {
    const [run] = (await cli.run(["runs", "list", "-w", "basic-workflow", "-n", "1", "--json"])).json<{ id: string }[]>();
    const csv = await cli.run(["report", run!.id, "--format", "csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("stepId,status,attempts,queuedAt,startedAt,finishedAt,durationMs,waitMs,exitCode,cpuSeconds,peakMemoryMb,onCriticalPath,error");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["greet", "collect", "summarize"]);

    const json = (await cli.run(["report", run!.id])).json<{ kind: string; run: { criticalPath: string[] }; steps: unknown[] }>();
    expect(json.kind).toBe("run");
    expect(json.run.criticalPath).toEqual(["greet", "collect", "summarize"]);

    const html = await cli.run(["report", run!.id, "--format", "html", "--out", "report.html"]);
    expect(html.code).toBe(0);
    expect(existsSync(path.join(cli.dir, "report.html"))).toBe(true);
    expect(readFileSync(path.join(cli.dir, "report.html"), "utf8")).toMatch(/<!doctype html>[\s\S]*<table>/);

    const wf = (await cli.run(["report", "flaky-deploy", "--format", "json"])).json<{ kind: string; summary: { runs: number; failed: number }; steps: { stepId: string; failures: number }[] }>();
    expect(wf.kind).toBe("workflow");
    expect(wf.summary.failed).toBeGreaterThanOrEqual(2);
    expect(wf.steps.find((s) => s.stepId === "deploy")?.failures).toBeGreaterThanOrEqual(2);
  });
});

describe("examples and remote-mode errors", () => {
  it("examples runs the chosen examples and prints a table", async () => {
    const res = await cli.run(["examples", "--only", "basic-workflow,project-management"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^WORKFLOW\s+OUTCOME\s+DURATION\s+STEPS OK\s+FAILED\s+ATTEMPTS\s+RUN/m);
    expect(res.stdout).toMatch(/basic-workflow\s+succeeded\s+\S+ m?s\s+3\/3/);
    expect(res.stdout).toMatch(/project-management\s+succeeded/);
    const unknown = await cli.run(["examples", "--only", "nope"]);
    expect(unknown.code).toBe(2);
  });

  it("remote mode without a token or without a server says what to do", async () => {
    const noToken = await cli.run(["list-projects", "--server", "http://127.0.0.1:9"]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("Remote mode needs a token");
    const unreachable = await cli.run(["--server", "http://127.0.0.1:9", "--token", "myx_x", "status"]);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toContain("Cannot reach the server at http://127.0.0.1:9");
    const badUrl = await cli.run(["status", "--server", "ftp://x", "--token", "myx_x"]);
    expect(badUrl.code).toBe(2);
  });
});
