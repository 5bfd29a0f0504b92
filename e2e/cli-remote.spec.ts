/**
 * The real `orchestrate` CLI in remote mode (`--server URL --token myx_…`)
 * against the production server, compared with local mode pointed at the same
 * database: every read command prints the same `--json` (and exits the same),
 * project commands give the same results and the same errors, a failing run
 * exits 1, validation errors exit 2, a bad token or a viewer's write exit 4.
 */
import { expect, test } from "@playwright/test";
import { spawnCli, type CliResult } from "./support/cli";
import { createToken } from "./support/tokens";
import { USERS } from "./support/users";

const PORT = process.env.E2E_PORT ?? "3100";
// The database and data folder the web server of playwright.config.ts uses.
const DATA_DIR = `./data/e2e-${PORT}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:${DATA_DIR}/myrmex.db`;

type Mode = { remote: string } | "local";

/** Spawns bin/orchestrate.mjs: remote with the token as a flag, or local on the server's database. */
function cli(mode: Mode, args: string[], input?: string): Promise<CliResult> {
  if (mode === "local") return spawnCli(args, { PORT, DATABASE_URL, MYRMEX_DATA_DIR: DATA_DIR }, input);
  return spawnCli(["--server", test.info().project.use.baseURL!, "--token", mode.remote, ...args], { PORT }, input);
}

/** Drops what differs between two calls by nature: when a document was generated, engine heartbeats. */
function stable(text: string): unknown {
  if (!text.trim()) return text;
  return JSON.parse(text, (key, value: unknown) => (key === "generatedAt" || key === "checkedAt" || key === "heartbeatAt" ? undefined : value));
}

const FAILING = `name: cli-remote-failing
steps:
  - id: prepare
    kind: shell
    run: echo preparing
  - id: explode
    kind: shell
    dependsOn: [prepare]
    run: echo "it broke" >&2; exit 3
`;

test.describe.configure({ mode: "serial" });

let editor: Mode;
let viewer: Mode;
const local: Mode = "local";

/** Runs `args` remotely (as `as`) and locally; both must exit alike and print the same JSON. */
async function same(args: string[], as: Mode = viewer): Promise<{ code: number; json: unknown }> {
  const remote = await cli(as, args);
  const here = await cli(local, args);
  expect(remote.code, `${args.join(" ")} (remote): ${remote.stderr}`).toBe(here.code);
  expect(stable(remote.stdout), `${args.join(" ")}: same JSON in both modes`).toEqual(stable(here.stdout));
  return { code: remote.code, json: stable(remote.stdout) };
}

test.describe("orchestrate in remote mode", () => {
  test.beforeAll(async ({ browser }) => {
    const e = await browser.newContext({ storageState: USERS.editor.state });
    editor = { remote: await createToken(await e.newPage(), "e2e-cli-editor") };
    await e.close();
    const v = await browser.newContext({ storageState: USERS.viewer.state });
    viewer = { remote: await createToken(await v.newPage(), "e2e-cli-viewer") };
    await v.close();
  });

  test("a failing run exits 1, a good one 0; every read command prints the same --json as local mode", async () => {
    test.setTimeout(240_000);
    const imported = await cli(editor, ["import", "-", "--project", "examples", "--json"], FAILING);
    expect(imported.code, imported.stderr).toBe(0);

    const failed = await cli(editor, ["run-workflow", "cli-remote-failing", "--project", "examples", "--json"]);
    expect(failed.code, failed.stderr).toBe(1);
    const failedRun = JSON.parse(failed.stdout) as { id: string; status: string; tasks: { stepId: string; status: string; exitCode: number | null }[] };
    expect(failedRun.status).toBe("failed");
    expect(failedRun.tasks.map((t) => [t.stepId, t.status, t.exitCode])).toEqual([
      ["prepare", "succeeded", 0],
      ["explode", "failed", 3],
    ]);
    const followed = await cli(editor, ["run-workflow", "basic-workflow", "--project", "examples"]);
    expect(followed.code, followed.stderr).toBe(0);
    expect(followed.stdout).toContain("3 steps: 3 succeeded");

    for (const args of [
      ["list-projects", "--json"],
      ["list-projects", "--status", "active,paused,archived", "--json"],
      ["list-workflows", "--json"],
      ["list-workflows", "--project", "examples", "--json"],
      ["pools", "list", "--json"],
      ["runs", "list", "--json"],
      ["runs", "list", "--status", "failed", "--project", "examples", "--json"],
      ["runs", "show", failedRun.id, "--json"],
      ["logs", failedRun.id, "explode", "--json"],
      ["export", "cli-remote-failing", "--project", "examples", "--format", "json"],
      ["export", "basic-workflow", "--json"],
      ["report", failedRun.id, "--format", "json"],
      ["report", failedRun.id, "--format", "csv"],
      ["report", "cli-remote-failing", "--format", "json"],
      ["status", "--json"],
      ["projects", "show", "examples", "--json"],
      ["runs", "rerun", failedRun.id, "--from", "explode", "--dry-run", "--json"],
    ]) {
      // Text outputs (CSV, JSON lines) must match byte for byte.
      if (args.includes("csv") || args[0] === "logs") {
        const [a, b] = [await cli(viewer, args), await cli(local, args)];
        expect(a.code).toBe(0);
        expect(a.stdout).toBe(b.stdout);
        continue;
      }
      const { code } = await same(args);
      expect(code, args.join(" ")).toBe(0);
    }
    const shown = (await same(["runs", "show", failedRun.id, "--json"])).json as { status: string };
    expect(shown.status).toBe("failed");

    // Errors exit alike too: unknown ids and names (1), bad options (2).
    expect((await same(["runs", "show", "00000000-0000-4000-8000-000000000000", "--json"])).code).toBe(1);
    expect((await same(["list-workflows", "--project", "nope", "--json"])).code).toBe(1);
    expect((await same(["runs", "pause", failedRun.id, "--json"], editor)).code).toBe(1);
    expect((await same(["list-projects", "--status", "sleeping"])).code).toBe(2);

    // Health: the same components and verdicts (the event loop is measured only in the server).
    const remoteHealth = await cli(viewer, ["health", "--json"]);
    const localHealth = await cli(local, ["health", "--json"]);
    expect([0, 3]).toContain(remoteHealth.code);
    type Health = { components: { name: string; status: string }[] };
    const verdicts = (h: Health) => h.components.filter((c) => c.name !== "event-loop" && c.name !== "memory" && c.name !== "disk").map((c) => [c.name, c.status]);
    expect(verdicts(JSON.parse(remoteHealth.stdout) as Health)).toEqual(verdicts(JSON.parse(localHealth.stdout) as Health));

    // The recorded history: the same samples and changes through the API and from the database.
    type History = { samples: number; changes: { at: string; to: string }[] };
    const remoteHistory = await cli(viewer, ["health", "--history", "--hours", "2", "--json"]);
    const localHistory = await cli(local, ["health", "--history", "--hours", "2", "--json"]);
    expect(remoteHistory.code, remoteHistory.stderr).toBe(0);
    expect(localHistory.code).toBe(0);
    const [rh, lh] = [JSON.parse(remoteHistory.stdout) as History, JSON.parse(localHistory.stdout) as History];
    expect(rh.samples).toBeGreaterThanOrEqual(1);
    expect(rh.changes).toEqual(lh.changes);
    const historyText = await cli(viewer, ["health", "--history"]);
    expect(historyText.stdout).toMatch(/^Last 24 h: healthy [\d.]+ % · degraded/m);
    expect((await same(["health", "--history", "--hours", "0"])).code).toBe(2);
  });

  test("project commands: created remotely, seen locally; the same results and errors in both modes", async () => {
    test.setTimeout(240_000);
    const created = await cli(editor, ["projects", "create", "Remote Project", "--template", "analysis", "--description", "from far away", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: "remote-project", status: "active", version: 1, description: "from far away" });
    expect((await same(["projects", "show", "remote-project", "--json"])).json).toEqual(stable(created.stdout));
    const createdLocally = await cli(local, ["projects", "create", "Local Project", "--json"]);
    expect(createdLocally.code, createdLocally.stderr).toBe(0);
    expect((await same(["projects", "show", "local-project", "--json"])).json).toEqual(stable(createdLocally.stdout));

    // The same refusals with the same messages: validation (2), conflicts and unknown slugs (1).
    for (const [args, code] of [
      [["projects", "create", "Remote Project", "--json"], 1],
      [["projects", "create", "X", "--template", "nope", "--json"], 2],
      [["projects", "create", "X", "--slug", "Not A Slug", "--json"], 2],
      [["projects", "edit", "remote-project", "--name", "Y", "--version", "7", "--json"], 1],
      [["projects", "edit", "remote-project", "--json"], 2],
      [["projects", "resume", "remote-project", "--json"], 1],
      [["projects", "delete", "remote-project", "--confirm", "Remote Project", "--json"], 1],
      [["projects", "pause", "nope", "--json"], 1],
    ] as const) {
      const remote = await cli(editor, [...args]);
      const here = await cli(local, [...args]);
      expect(remote.code, `${args.join(" ")}: ${remote.stderr}`).toBe(code);
      expect(here.code, args.join(" ")).toBe(code);
      expect(JSON.parse(remote.stdout), args.join(" ")).toEqual(JSON.parse(here.stdout));
      expect(remote.stderr, args.join(" ")).toBe(here.stderr);
    }

    // The lifecycle, alternating modes; each step is visible to the other mode.
    const edited = await cli(editor, ["projects", "edit", "remote-project", "--name", "Remote Renamed", "--version", "1", "--json"]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ name: "Remote Renamed", version: 2 });
    expect((await cli(local, ["projects", "pause", "remote-project"])).code).toBe(0);
    expect((await same(["projects", "show", "remote-project", "--json"])).json).toMatchObject({ status: "paused", version: 3 });
    expect((await cli(editor, ["projects", "resume", "remote-project"])).stdout).toContain("Project Remote Renamed (remote-project) is active again.");
    expect((await cli(editor, ["projects", "archive", "remote-project", "--json"])).code).toBe(0);
    expect((await same(["list-projects", "--json"])).json).not.toEqual(expect.arrayContaining([expect.objectContaining({ slug: "remote-project" })]));
    expect((await cli(local, ["projects", "restore", "remote-project"])).code).toBe(0);
    expect((await cli(editor, ["projects", "archive", "remote-project"])).code).toBe(0);

    const wrongName = await cli(editor, ["projects", "delete", "remote-project", "--confirm", "Remote Project"]);
    expect(wrongName.code).toBe(2);
    expect(wrongName.stderr).toContain('confirmName: must be exactly "Remote Renamed"');
    const deleted = await cli(editor, ["projects", "delete", "remote-project", "--confirm", "Remote Renamed", "--delete-files", "--json"]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ slug: "remote-project", name: "Remote Renamed" });
    expect((await same(["projects", "show", "remote-project", "--json"])).code).toBe(1);

    // Local cleanup goes through the same commands.
    expect((await cli(local, ["projects", "archive", "local-project"])).code).toBe(0);
    expect((await cli(local, ["projects", "delete", "local-project", "--confirm", "Local Project"])).code).toBe(0);
  });

  test("writes and long commands run on the server: pools, run controls and retry, examples, the demo", async () => {
    test.setTimeout(300_000);
    const set = await cli(editor, ["pools", "set", "cli-remote-slots", "--capacity", "2", "--description", "from the CLI", "--json"]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ name: "cli-remote-slots", capacity: 2, inUse: 0 });
    const pools = (await same(["pools", "list", "--json"])).json as { name: string }[];
    expect(pools.map((p) => p.name)).toContain("cli-remote-slots");
    expect((await cli(editor, ["pools", "set", "cpu", "--capacity", "1"])).code).toBe(1);
    expect((await cli(editor, ["pools", "delete", "cli-remote-slots"])).code).toBe(0);
    expect((await same(["pools", "delete", "cli-remote-slots", "--json"], editor)).code).toBe(1);

    // A detached run, cancelled from the terminal; then a failed run retried (and failing again).
    const detached = await cli(editor, ["run-workflow", "cli-remote-failing", "--project", "examples", "--detach", "--json"]);
    expect(detached.code, detached.stderr).toBe(0);
    const runId = (JSON.parse(detached.stdout) as { id: string }).id;
    const cancel = await cli(editor, ["runs", "cancel", runId, "--json"]);
    // The run may have finished (failed) before the cancel arrived: then the cancel is a conflict.
    expect([0, 1]).toContain(cancel.code);
    const failed = (await same(["runs", "list", "--status", "failed", "--workflow", "cli-remote-failing", "--json"])).json as { id: string }[];
    const retried = await cli(editor, ["runs", "retry", failed[0]!.id, "--json"]);
    expect(retried.code, retried.stderr).toBe(1);
    expect(JSON.parse(retried.stdout)).toMatchObject({ status: "failed", tasks: [{ stepId: "prepare", attempts: 1 }, { stepId: "explode", attempts: 2 }] });
    // Rerun from the first step on the server: both steps run again.
    const rerun = await cli(editor, ["runs", "rerun", failed[0]!.id, "--from", "prepare", "--json"]);
    expect(rerun.code, rerun.stderr).toBe(1);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ status: "failed", tasks: [{ stepId: "prepare", attempts: 2 }, { stepId: "explode", attempts: 3 }] });
    expect((await cli(viewer, ["runs", "rerun", failed[0]!.id, "--from", "prepare"])).code).toBe(4);

    const examples = await cli(editor, ["examples", "--only", "basic-workflow,project-management"]);
    expect(examples.code, examples.stderr).toBe(0);
    expect(examples.stdout).toMatch(/basic-workflow\s+succeeded/);

    const demo = await cli(editor, ["demo", "--yes"]);
    expect(demo.code, demo.stderr).toBe(0);
    for (const section of ["1. System discovery", "2. Capabilities", "3. Interactive features", "4. Status reporting", "5. Exports and reports"]) expect(demo.stdout).toContain(section);
  });

  test("usage and validation errors exit 2; a bad token or a viewer's write exit 4 without a stack trace", async () => {
    const badParam = await cli(editor, ["run-workflow", "basic-workflow", "--param", "novalue"]);
    expect(badParam.code).toBe(2);
    const invalid = await cli(editor, ["import", "-", "--project", "examples"], "name: z\nsteps:\n  - id: a\n    kind: shell\n    dependsOn: [zz]\n");
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('step a, dependsOn (line 5): unknown step "zz"');

    const badToken = await cli({ remote: "myx_not-a-real-token" }, ["list-projects"]);
    expect(badToken.code).toBe(4);
    expect(badToken.stderr).toContain("not signed in");
    expect(badToken.stderr).not.toMatch(/\bat \w+ \(/);
    const viewerWrite = await cli(viewer, ["projects", "create", "Viewer Project"]);
    expect(viewerWrite.code).toBe(4);
    expect(viewerWrite.stderr).toContain("needs the editor role");
  });
});
