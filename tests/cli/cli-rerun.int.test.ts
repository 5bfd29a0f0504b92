/**
 * `orchestrate runs rerun` in local mode against a fresh SQLite database: the
 * dry run lists what would run again and what keeps its result, the rerun
 * runs exactly those steps, and bad input is refused with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, type CliEnv } from "./cli";

interface RunJson {
  id: string;
  status: string;
  tasks: { stepId: string; status: string; attempts: number }[];
}

let cli: CliEnv;
let runId: string;

beforeAll(async () => {
  cli = cliEnv("myrmex-cli-rerun-");
  const init = await cli.run(["init"], { timeoutMs: 120_000 });
  expect(init.code, init.stderr).toBe(0);
  const run = await cli.run(["run-workflow", "basic-workflow", "--json"], { timeoutMs: 60_000 });
  expect(run.code, run.stderr).toBe(0);
  runId = run.json<RunJson>().id;
});

afterAll(() => cli?.remove());

describe("runs rerun", () => {
  it("--dry-run previews the steps that run again and those that keep their results", async () => {
    const text = await cli.run(["runs", "rerun", runId, "--from", "collect", "--dry-run"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/will run again \(2\)\s+collect, summarize/);
    expect(text.stdout).toMatch(/keeps its result \(1\)\s+greet/);

    const json = await cli.run(["runs", "rerun", runId, "--from", "collect", "--dry-run", "--json"]);
    expect(json.json()).toEqual({
      runId,
      stepId: "collect",
      rerun: ["collect", "summarize"],
      keep: ["greet"],
      runStatus: "succeeded",
      blockers: [],
      refusal: null,
    });
  });

  it("reruns exactly the previewed steps and follows the run to its end", async () => {
    const res = await cli.run(["runs", "rerun", runId, "--from", "collect", "--json"], { timeoutMs: 60_000 });
    expect(res.code, res.stderr).toBe(0);
    const run = res.json<RunJson>();
    expect(run.status).toBe("succeeded");
    const attempts = Object.fromEntries(run.tasks.map((t) => [t.stepId, t.attempts]));
    expect(attempts).toEqual({ greet: 1, collect: 2, summarize: 2 });
  });

  it("an unknown step, a missing --from and an unknown run get clear errors", async () => {
    const unknownStep = await cli.run(["runs", "rerun", runId, "--from", "nope"]);
    expect(unknownStep.code).toBe(1);
    expect(unknownStep.stderr).toContain('This run has no step "nope"');

    const noFrom = await cli.run(["runs", "rerun", runId]);
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain("--from");

    const unknownRun = await cli.run(["runs", "rerun", "00000000-0000-0000-0000-000000000000", "--from", "collect"]);
    expect(unknownRun.code).toBe(1);
    expect(unknownRun.stderr).toContain("No run with the id");
  });
});
