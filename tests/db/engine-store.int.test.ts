/**
 * lib/db/engine-store.ts on SQLite and PostgreSQL: batches are atomic and
 * ordered, fences hold, and what the engine writes reads back identically —
 * through the port and through Prisma. A conformance scenario checks the same
 * answers as the in-memory store. Ownership: engine-store-ownership.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { MemoryStore } from "@/lib/engine/memory-store";
import type { EngineStore, Mutation } from "@/lib/engine/store";
import { PrismaEngineStore } from "@/lib/db/engine-store";
import { attemptRecord, DEF, runRecord, T0, taskRecord } from "./engine-records";
import { PROVIDERS, seedWorkflow, uniq, useTestDb } from "./helpers";

/** The whole life of a two-step run, as batches. */
function scenario(runId: string, versionId: string): Mutation[][] {
  const a = taskRecord(runId, "a", { waitReason: null, status: "ready", queuedAt: T0 + 10 });
  const b = taskRecord(runId, "b");
  const a1 = attemptRecord(a, 1);
  const a2 = attemptRecord(a, 2, { queuedAt: T0 + 30, startedAt: T0 + 31 });
  return [
    [
      { type: "run.insert", run: runRecord(runId, versionId) },
      { type: "tasks.insert", tasks: [a, b] },
      { type: "events.append", events: [{ runId, seq: 1, ts: T0, type: "run.started", payload: { by: "cli" } }] },
    ],
    [
      { type: "task.update", taskRunId: a.id, patch: { status: "running", attempt: 1, startedAt: T0 + 11, instanceId: "inst-a", waitReason: null } },
      { type: "attempt.insert", attempt: a1 },
      { type: "allocation.insert", allocation: { id: `${runId}-al1`, pool: "cpu", amount: 0.5, runId, taskRunId: a.id, attempt: 1, instanceId: "inst-a", acquiredAt: T0 + 11, releasedAt: null } },
      { type: "allocation.insert", allocation: { id: `${runId}-al2`, pool: "deploy-slot", amount: 1, runId, taskRunId: a.id, attempt: 1, instanceId: "inst-a", acquiredAt: T0 + 11, releasedAt: null } },
      { type: "events.append", events: [{ runId, seq: 2, ts: T0 + 11, type: "task.started", payload: { stepId: "a", attempt: 1 } }] },
    ],
    [
      { type: "logs.append", chunks: [
        { runId, taskRunId: a.id, attempt: 1, stream: "stdout", seq: 1, ts: T0 + 12, text: "hello\n" },
        { runId, taskRunId: a.id, attempt: 1, stream: "stderr", seq: 2, ts: T0 + 13, text: "warn ✗\n" },
      ] },
      { type: "metrics.append", samples: [
        { taskRunId: a.id, attempt: 1, ts: T0 + 12, cpuPercent: 99.5, rssMb: 10.25 },
        { taskRunId: a.id, attempt: 1, ts: T0 + 13, cpuPercent: 50, rssMb: 11 },
      ] },
      // The shell executor reports the attempt's process group once spawned.
      { type: "attempt.update", attemptId: a1.id, patch: { processGroupId: 2_147_000_000, processStartTime: "3528e3ee-9351-445b-af91-b6c5d9a84498:123456789012" } },
    ],
    [
      { type: "attempt.update", attemptId: a1.id, patch: { status: "failed", finishedAt: T0 + 20, exitCode: 1, reason: "exit-non-zero", error: "exit 1", cpuSeconds: 0.25, peakMemoryMb: 11 } },
      { type: "allocation.release", allocationId: `${runId}-al1`, releasedAt: T0 + 20 },
      { type: "task.update", taskRunId: a.id, patch: { status: "waiting", waitReason: { type: "backoff", until: T0 + 30, attempt: 2 }, exitCode: 1, error: "exit 1" } },
      { type: "events.append", events: [{ runId, seq: 3, ts: T0 + 20, type: "task.failed", payload: null }] },
    ],
    [
      { type: "attempt.insert", attempt: a2 },
      { type: "attempt.update", attemptId: a2.id, patch: { status: "succeeded", finishedAt: T0 + 40, exitCode: 0, outputs: { n: 1, s: "x", deep: { l: [1, null, true] } } } },
      { type: "task.update", taskRunId: a.id, patch: { status: "succeeded", attempt: 2, waitReason: null, exitCode: 0, error: null, finishedAt: T0 + 40, outputs: { n: 1 }, cacheKey: "k1" } },
      { type: "task.update", taskRunId: b.id, patch: { status: "skipped", waitReason: null, finishedAt: T0 + 40 } },
      { type: "allocations.releaseRun", runId, releasedAt: T0 + 41 },
      { type: "run.update", runId, patch: { status: "succeeded", finishedAt: T0 + 41, metrics: { makespanMs: 40, criticalPath: ["a"], criticalPathMs: 29, totalQueueWaitMs: 2, meanParallelism: 1, attempts: 2, counts: { succeeded: 1, skipped: 1 } } } },
      { type: "events.append", events: [
        { runId, seq: 4, ts: T0 + 40, type: "task.succeeded", payload: { stepId: "a" } },
        { runId, seq: 5, ts: T0 + 41, type: "run.succeeded", payload: 42 },
      ] },
    ],
  ];
}

/** Everything the port can read about one run, normalized for comparison. */
async function snapshot(store: EngineStore, runId: string) {
  const tasks = await store.listTaskRuns(runId);
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
  return {
    run: await store.getRun(runId),
    tasks: [...tasks].sort(byId),
    attempts: [...(await store.listAttempts(runId))].sort(byId),
    events: await store.listEvents(runId),
    eventsPage: await store.listEvents(runId, { afterSeq: 2, limit: 2 }),
    lastSeq: await store.lastEventSeq(runId),
    logs: await store.listLogs(runId),
    logsOfAttempt: await store.listLogs(runId, { taskRunId: `${runId}:a`, attempt: 1, limit: 1 }),
    openAllocations: [...(await store.listOpenAllocations(runId))].sort(byId),
    samples: await store.listMetricSamples(`${runId}:a`, 1),
  };
}

describe.each(PROVIDERS)("PrismaEngineStore (%s)", (provider) => {
  const t = useTestDb(provider);
  const store = () => new PrismaEngineStore(t.prisma);

  it("answers every read exactly like the in-memory store after the same batches", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("run");
    const sql = store();
    const mem = new MemoryStore();
    const snaps: unknown[] = [];
    for (const batch of scenario(runId, version.id)) {
      expect(await sql.commit({ mutations: batch, fence: { instanceId: "inst-a", runIds: [runId] } })).toEqual({ ok: true });
      expect(await mem.commit({ mutations: batch, fence: { instanceId: "inst-a", runIds: [runId] } })).toEqual({ ok: true });
      snaps.push(await snapshot(sql, runId), await snapshot(mem, runId));
      expect(snaps.at(-2)).toEqual({ ...(snaps.at(-1) as object), run: { ...(await mem.getRun(runId))!, projectId: expect.any(String) } });
    }
    const final = await sql.getRun(runId);
    expect(final).toMatchObject({ status: "succeeded", finishedAt: T0 + 41, definition: DEF });
    expect(final!.projectId).toBe(version ? (await t.prisma.workflow.findUniqueOrThrow({ where: { id: version.workflowId } })).projectId : null);
  });

  it("writes rows the app reads through Prisma unchanged (dates, JSON, enums)", async () => {
    const { version, workflow } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("run");
    for (const batch of scenario(runId, version.id)) await store().commit({ mutations: batch });
    const run = await t.prisma.run.findUniqueOrThrow({
      where: { id: runId },
      include: { tasks: { orderBy: { stepId: "asc" } }, events: { orderBy: { seq: "asc" } }, attempts: { orderBy: { attempt: "asc" } } },
    });
    expect(run.workflowId).toBe(workflow.id);
    expect(run.queuedAt.getTime()).toBe(T0);
    expect(run.status).toBe("succeeded");
    expect(run.params).toEqual({ branch: "main" });
    expect(run.tasks.map((x) => [x.stepId, x.status, x.waitReason])).toEqual([
      ["a", "succeeded", null],
      ["b", "skipped", null],
    ]);
    expect(run.attempts[1]!.outputs).toEqual({ n: 1, s: "x", deep: { l: [1, null, true] } });
    expect(run.attempts.map((x) => [x.host, x.processGroupId, x.processStartTime])).toEqual([
      ["host-a", 2_147_000_000, "3528e3ee-9351-445b-af91-b6c5d9a84498:123456789012"],
      ["host-a", null, null],
    ]);
    expect(run.events.map((e) => e.payload)).toEqual([{ by: "cli" }, { stepId: "a", attempt: 1 }, null, { stepId: "a" }, 42]);
    expect(run.events[2]!.createdAt.getTime()).toBe(T0 + 20);
    // Time-range queries work on engine-written dates.
    expect(await t.prisma.run.count({ where: { id: runId, queuedAt: { gte: new Date(T0), lt: new Date(T0 + 1) } } })).toBe(1);
  });

  it("a batch is all-or-nothing: a failing mutation leaves no trace", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("run");
    const [first] = scenario(runId, version.id);
    await store().commit({ mutations: first! });
    const a = taskRecord(runId, "a");
    await expect(
      store().commit({
        mutations: [
          { type: "events.append", events: [{ runId, seq: 2, ts: T0, type: "x", payload: {} }] },
          { type: "task.update", taskRunId: a.id, patch: { status: "running" } },
          { type: "attempt.insert", attempt: attemptRecord(a, 1) },
          { type: "attempt.insert", attempt: attemptRecord(a, 1, { id: "other-id" }) }, // (taskRunId, attempt) unique
        ],
      }),
    ).rejects.toThrow(/engine store commit failed at attempt\.insert/);
    expect(await store().lastEventSeq(runId)).toBe(1);
    expect((await store().listTaskRuns(runId)).find((x) => x.stepId === "a")!.status).toBe("ready");
    expect(await store().listAttempts(runId)).toEqual([]);

    await expect(
      store().commit({ mutations: [{ type: "run.insert", run: runRecord(uniq("run"), "no-such-version") }] }),
    ).rejects.toThrow(/workflow version no-such-version does not exist/);
  });

  it("a fenced batch applies nothing when another instance owns the run", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("run");
    const newRun = uniq("run");
    const [first] = scenario(runId, version.id);
    await store().commit({ mutations: first!, fence: { instanceId: "inst-a", runIds: [runId] } }); // not yet inserted: passes
    await store().commit({ mutations: [{ type: "run.update", runId, patch: { ownerInstanceId: "inst-b" } }] });
    const res = await store().commit({
      fence: { instanceId: "inst-a", runIds: [runId, newRun] },
      mutations: [
        { type: "run.insert", run: runRecord(newRun, version.id) },
        { type: "events.append", events: [{ runId, seq: 2, ts: T0, type: "late", payload: {} }] },
      ],
    });
    expect(res).toEqual({ ok: false, reason: "fenced", lostRunIds: [runId] });
    expect(await store().getRun(newRun)).toBeNull();
    expect(await store().lastEventSeq(runId)).toBe(1);
    expect(await store().commit({ fence: { instanceId: "inst-b", runIds: [runId] }, mutations: [] })).toEqual({ ok: true });
  });

  it("patches: absent fields stay, null clears", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("run");
    await store().commit({ mutations: scenario(runId, version.id)[0]! });
    await store().commit({ mutations: [{ type: "run.update", runId, patch: { error: "boom", pausedBy: "ann", pausedAt: T0 + 5 } }] });
    await store().commit({ mutations: [{ type: "run.update", runId, patch: { error: null, pausedAt: undefined } }] });
    expect(await store().getRun(runId)).toMatchObject({ error: null, pausedBy: "ann", pausedAt: T0 + 5, workingDir: "/srv/x" });
  });

  it("a commit issued while a Prisma transaction is open waits for it and neither is lost", async () => {
    const { version, project } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("run");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const appTx = t.prisma.$transaction(async (tx) => {
      await tx.project.update({ where: { id: project.id }, data: { description: "edited in a transaction" } });
      await gate; // the app's transaction stays open across an await
      await tx.project.update({ where: { id: project.id }, data: { version: { increment: 1 } } });
    });
    await new Promise((r) => setTimeout(r, 10));
    const commit = store().commit({ mutations: scenario(runId, version.id)[0]! });
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all([appTx, commit]);
    expect(await store().getRun(runId)).not.toBeNull();
    expect(await t.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      description: "edited in a transaction",
      version: 2,
    });
  });

  it("inserts a 10,000-step run in one batch", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("big");
    const tasks = Array.from({ length: 10_000 }, (_, i) => taskRecord(runId, `s${i}`));
    const started = performance.now();
    await store().commit({ mutations: [{ type: "run.insert", run: runRecord(runId, version.id) }, { type: "tasks.insert", tasks }] });
    const ms = performance.now() - started;
    expect(await t.prisma.taskRun.count({ where: { runId } })).toBe(10_000);
    // Listed in definition order (numeric-aware), not "s0, s1, s10, s100 …".
    expect((await store().listTaskRuns(runId)).slice(0, 12).map((x) => x.stepId)).toEqual(tasks.slice(0, 12).map((x) => x.stepId));
    console.log(`[${provider}] 10,000 task rows in one batch: ${ms.toFixed(0)} ms`);
  });

  it("is fast enough for the engine: per-task commits of a 1,000-step chain", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const runId = uniq("chain");
    const s = store();
    const n = provider === "sqlite" ? 1000 : 200;
    const tasks = Array.from({ length: n }, (_, i) => taskRecord(runId, `s${i}`, { status: i === 0 ? "ready" : "pending" }));
    await s.commit({ mutations: [{ type: "run.insert", run: runRecord(runId, version.id) }, { type: "tasks.insert", tasks }] });
    const fence = { instanceId: "inst-a", runIds: [runId] };
    let seq = 0;
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const task = tasks[i]!;
      const at = attemptRecord(task, 1);
      await s.commit({ fence, mutations: [
        { type: "task.update", taskRunId: task.id, patch: { status: "running", attempt: 1, startedAt: T0, instanceId: "inst-a", waitReason: null } },
        { type: "attempt.insert", attempt: at },
        { type: "events.append", events: [{ runId, seq: ++seq, ts: T0, type: "task.started", payload: { stepId: task.stepId } }] },
      ] });
      const next = tasks[i + 1];
      await s.commit({ fence, mutations: [
        { type: "attempt.update", attemptId: at.id, patch: { status: "succeeded", finishedAt: T0 + 1, outputs: {} } },
        { type: "task.update", taskRunId: task.id, patch: { status: "succeeded", finishedAt: T0 + 1 } },
        ...(next ? [{ type: "task.update" as const, taskRunId: next.id, patch: { status: "ready" as const, queuedAt: T0 + 1, waitReason: null } }] : []),
        { type: "events.append", events: [{ runId, seq: ++seq, ts: T0, type: "task.succeeded", payload: { stepId: task.stepId } }] },
      ] });
    }
    const perTask = (performance.now() - started) / n;
    console.log(`[${provider}] store cost per chained task (2 fenced commits): ${perTask.toFixed(3)} ms`);
    expect(await s.lastEventSeq(runId)).toBe(2 * n);
    // Generous bounds (a loaded CI box): the engine's whole budget is 2 ms per task on SQLite.
    expect(perTask).toBeLessThan(provider === "sqlite" ? 1 : 25);
  });
});
