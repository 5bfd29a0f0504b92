/**
 * Every model can be created, read and updated on both providers, with the
 * values coming back exactly as written (JSON, dates, floats, enums, BigInt).
 */
import { describe, expect, it } from "vitest";
import { PROVIDERS, seedWorkflow, uniq, useTestDb } from "./helpers";

describe.each(PROVIDERS)("models (%s)", (provider) => {
  const t = useTestDb(provider);

  it("projects and project dependencies", async () => {
    const p = t.prisma;
    const a = await p.project.create({ data: { name: "Alpha", slug: uniq("alpha"), workingDir: "/srv/alpha" } });
    expect(a).toMatchObject({ status: "active", version: 1, description: "", archivedAt: null });
    const b = await p.project.create({ data: { name: "Beta", slug: uniq("beta"), description: "β — ünïcode" } });
    await p.projectDependency.create({ data: { projectId: a.id, dependsOnId: b.id } });

    const read = await p.project.findUniqueOrThrow({
      where: { slug: a.slug },
      include: { dependsOn: { include: { dependsOn: true } }, dependents: true },
    });
    expect(read.dependsOn.map((d) => d.dependsOn.name)).toEqual(["Beta"]);
    expect((await p.project.findUniqueOrThrow({ where: { id: b.id }, include: { dependents: true } })).dependents).toHaveLength(1);

    const archivedAt = new Date("2026-01-02T03:04:05.678Z");
    const updated = await p.project.update({
      where: { id: a.id },
      data: { status: "archived", archivedAt, version: { increment: 1 }, description: "done" },
    });
    expect(updated).toMatchObject({ status: "archived", version: 2, description: "done" });
    expect(updated.archivedAt?.toISOString()).toBe(archivedAt.toISOString());
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(a.updatedAt.getTime());
    expect((await p.project.findUniqueOrThrow({ where: { id: b.id } })).description).toBe("β — ünïcode");

    await p.projectDependency.delete({ where: { projectId_dependsOnId: { projectId: a.id, dependsOnId: b.id } } });
    expect(await p.projectDependency.count({ where: { projectId: a.id } })).toBe(0);
  });

  it("workflows and immutable versions with JSON definitions and layout", async () => {
    const p = t.prisma;
    const definition = {
      name: "build",
      steps: [
        { id: "a", kind: "shell", run: "echo 'hi' && exit 0", dependsOn: [], resources: { cpu: 0.5 } },
        { id: "b", kind: "noop", dependsOn: ["a"], when: null, outputs: { n: 1.25, ok: true } },
      ],
      params: { branch: { default: "main" } },
    };
    const { project, workflow, version } = await seedWorkflow(p, { definition });
    expect(workflow).toMatchObject({ archived: false, layout: null, description: "" });
    const v2 = await p.workflowVersion.create({
      data: { workflowId: workflow.id, number: 2, definition: { ...definition, name: "build2" }, source: "name: build2" },
    });
    await p.workflow.update({
      where: { id: workflow.id },
      data: { layout: { nodes: { a: { x: 10.5, y: -3 }, b: { x: 0, y: 100 } } }, description: "d", archived: true },
    });
    const read = await p.workflow.findUniqueOrThrow({
      where: { projectId_slug: { projectId: project.id, slug: workflow.slug } },
      include: { versions: { orderBy: { number: "asc" } } },
    });
    expect(read.layout).toEqual({ nodes: { a: { x: 10.5, y: -3 }, b: { x: 0, y: 100 } } });
    expect(read.archived).toBe(true);
    expect(read.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(read.versions[0]!.definition).toEqual(definition);
    expect(read.versions[1]!.id).toBe(v2.id);
    expect(version.createdById).toBeNull();
  });

  it("runs, task runs, attempts, logs, events, allocations and metric samples", async () => {
    const p = t.prisma;
    const { project, workflow, version } = await seedWorkflow(p);
    const queuedAt = new Date("2026-03-01T10:00:00.123Z");
    const run = await p.run.create({
      data: {
        workflowVersionId: version.id,
        workflowId: workflow.id,
        projectId: project.id,
        params: { branch: "main", n: "3" },
        trigger: "cli",
        triggeredById: "user-1",
        queuedAt,
      },
    });
    expect(run).toMatchObject({ status: "queued", ownerInstanceId: null, metrics: null, error: null });
    expect(run.queuedAt.toISOString()).toBe(queuedAt.toISOString());

    const task = await p.taskRun.create({
      data: { runId: run.id, stepId: "a", waitReason: { type: "dependencies", waitingFor: ["x", "y"] } },
    });
    expect(task).toMatchObject({ status: "pending", attempt: 0, outputs: null });
    expect(task.waitReason).toEqual({ type: "dependencies", waitingFor: ["x", "y"] });

    const startedAt = new Date("2026-03-01T10:00:01.000Z");
    const attempt = await p.taskAttempt.create({
      data: { taskRunId: task.id, runId: run.id, stepId: "a", attempt: 1, queuedAt, startedAt, instanceId: "i-1" },
    });
    expect(attempt.status).toBe("running");
    await p.taskAttempt.update({
      where: { id: attempt.id },
      data: { status: "timed_out", reason: "timeout", exitCode: 137, cpuSeconds: 1.5, peakMemoryMb: 12.25, finishedAt: new Date() },
    });
    await p.taskRun.update({
      where: { runId_stepId: { runId: run.id, stepId: "a" } },
      data: {
        status: "upstream_failed",
        attempt: 1,
        waitReason: { type: "backoff", until: 1_767_000_000_000, attempt: 2 },
        outputs: { text: "multi\nline", nested: { list: [1, "two", null, false] } },
        httpStatus: 503,
        cacheKey: "sha256:abc",
      },
    });

    await p.logChunk.createMany({
      data: [
        { runId: run.id, taskRunId: task.id, attempt: 1, seq: 1, stream: "stdout", text: "hello\n", ts: startedAt },
        { runId: run.id, taskRunId: task.id, attempt: 1, seq: 2, stream: "stderr", text: "oops ✗\n", ts: startedAt },
      ],
    });
    await p.runEvent.createMany({
      data: [
        { runId: run.id, seq: 1, type: "run.started", payload: { at: 1 } },
        { runId: run.id, seq: 2, type: "task.started", payload: { stepId: "a", attempt: 1 } },
      ],
    });
    const pool = await p.resourcePool.create({ data: { name: uniq("deploy-slot"), capacity: 1, description: "one at a time" } });
    const alloc = await p.resourceAllocation.create({
      data: { poolName: pool.name, amount: 0.5, runId: run.id, taskRunId: task.id, attempt: 1, instanceId: "i-1", acquiredAt: startedAt },
    });
    await p.resourceAllocation.update({ where: { id: alloc.id }, data: { releasedAt: new Date() } });
    await p.resourcePool.update({ where: { id: pool.id }, data: { capacity: 2.5 } });
    await p.metricSample.createMany({
      data: [
        { taskRunId: task.id, attempt: 1, ts: startedAt, cpuPercent: 97.5, rssMb: 100.25 },
        { taskRunId: task.id, attempt: 1, ts: new Date(startedAt.getTime() + 500), cpuPercent: 12, rssMb: 101 },
      ],
    });
    await p.run.update({
      where: { id: run.id },
      data: {
        status: "failed",
        startedAt,
        finishedAt: new Date(),
        error: "step a failed",
        metrics: { makespanMs: 1000, criticalPath: ["a"], counts: { failed: 1 } },
        pausedBy: "alice",
        cancelledBy: "bob",
        ownerInstanceId: "i-1",
      },
    });

    const full = await p.run.findUniqueOrThrow({
      where: { id: run.id },
      include: {
        tasks: { include: { attempts: true, samples: { orderBy: { ts: "asc" } } } },
        events: { orderBy: { seq: "asc" } },
        logs: { orderBy: { seq: "asc" } },
        allocations: true,
        workflowVersion: true,
      },
    });
    expect(full.status).toBe("failed");
    expect(full.params).toEqual({ branch: "main", n: "3" });
    expect(full.metrics).toEqual({ makespanMs: 1000, criticalPath: ["a"], counts: { failed: 1 } });
    const tr = full.tasks[0]!;
    expect(tr.status).toBe("upstream_failed");
    expect(tr.outputs).toEqual({ text: "multi\nline", nested: { list: [1, "two", null, false] } });
    expect(tr.waitReason).toEqual({ type: "backoff", until: 1_767_000_000_000, attempt: 2 });
    expect(tr.attempts[0]).toMatchObject({ status: "timed_out", exitCode: 137, cpuSeconds: 1.5, peakMemoryMb: 12.25 });
    expect(tr.samples.map((s) => s.cpuPercent)).toEqual([97.5, 12]);
    expect(full.events.map((e) => e.type)).toEqual(["run.started", "task.started"]);
    expect(full.events[1]!.payload).toEqual({ stepId: "a", attempt: 1 });
    expect(full.logs.map((l) => [l.stream, l.text])).toEqual([
      ["stdout", "hello\n"],
      ["stderr", "oops ✗\n"],
    ]);
    expect(full.allocations[0]!.amount).toBe(0.5);
    expect(full.allocations[0]!.releasedAt).not.toBeNull();
    expect((await p.resourcePool.findUniqueOrThrow({ where: { name: pool.name } })).capacity).toBe(2.5);

    // The UI's list query: runs of a project by status, newest first.
    const listed = await p.run.findMany({
      where: { projectId: project.id, status: { in: ["failed", "succeeded"] } },
      orderBy: { queuedAt: "desc" },
      select: { id: true },
    });
    expect(listed.map((r) => r.id)).toEqual([run.id]);
  });

  it("engine instances and host samples", async () => {
    const p = t.prisma;
    const now = new Date();
    const inst = await p.engineInstance.create({
      data: { id: uniq("inst"), host: "box", pid: 4242, kind: "worker", capacity: 8, labels: { gpu: "true" }, startedAt: now, heartbeatAt: now },
    });
    const later = new Date(now.getTime() + 5_000);
    await p.engineInstance.update({ where: { id: inst.id }, data: { heartbeatAt: later } });
    const read = await p.engineInstance.findUniqueOrThrow({ where: { id: inst.id } });
    expect(read).toMatchObject({ kind: "worker", capacity: 8, labels: { gpu: "true" }, pid: 4242 });
    expect(read.heartbeatAt.getTime()).toBe(later.getTime());
    expect(await p.engineInstance.count({ where: { heartbeatAt: { lt: new Date(now.getTime() + 1) } } })).toBe(0);

    const hs = await p.hostSample.create({
      data: { ts: now, cpuPercent: 42.5, memUsedMb: 1024, memTotalMb: 4096, diskUsedMb: 10, diskTotalMb: 100, instanceId: inst.id },
    });
    await p.hostSample.update({ where: { id: hs.id }, data: { cpuPercent: 43 } });
    expect((await p.hostSample.findUniqueOrThrow({ where: { id: hs.id } })).cpuPercent).toBe(43);
  });

  it("accounts: users, sessions, credential accounts, verifications, rate limits, API tokens, audit", async () => {
    const p = t.prisma;
    const user = await p.user.create({ data: { name: "Ada", email: `${uniq("ada")}@example.com` } });
    expect(user).toMatchObject({ role: "viewer", disabled: false, emailVerified: false, image: null });
    await p.user.update({ where: { id: user.id }, data: { role: "admin", disabled: true } });

    const expiresAt = new Date(Date.now() + 3_600_000);
    await p.session.create({ data: { userId: user.id, token: uniq("tok"), expiresAt, ipAddress: "127.0.0.1", userAgent: "vitest" } });
    await p.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password: "scrypt$hash" } });
    const ver = await p.verification.create({ data: { identifier: "reset:ada", value: "v", expiresAt } });
    await p.verification.update({ where: { id: ver.id }, data: { value: "v2" } });
    const rl = await p.rateLimit.create({ data: { key: uniq("rl"), count: 1, lastRequest: BigInt(Date.now()) } });
    await p.rateLimit.update({ where: { id: rl.id }, data: { count: { increment: 1 }, lastRequest: 9_007_199_254_740_993n } });
    const token = await p.apiToken.create({
      data: { userId: user.id, name: "ci", tokenHash: uniq("hash"), prefix: "myr_ab12", readOnly: true },
    });
    await p.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(), revokedAt: new Date() } });
    const audit = await p.auditEntry.create({
      data: { actorId: user.id, actorLabel: user.email, action: "run.cancel", targetType: "run", targetId: "r1", runId: "r1", details: { reason: "test" }, ip: "::1" },
    });
    await p.appSetting.create({ data: { key: uniq("setting"), value: { enabled: true } } });

    const read = await p.user.findUniqueOrThrow({
      where: { email: user.email },
      include: { sessions: true, accounts: true, apiTokens: true, auditEntries: true },
    });
    expect(read).toMatchObject({ role: "admin", disabled: true });
    expect(read.sessions[0]!.expiresAt.getTime()).toBe(expiresAt.getTime());
    expect(read.accounts[0]).toMatchObject({ providerId: "credential", password: "scrypt$hash" });
    expect(read.apiTokens[0]).toMatchObject({ readOnly: true, prefix: "myr_ab12" });
    expect(read.apiTokens[0]!.revokedAt).not.toBeNull();
    expect(read.auditEntries[0]!.details).toEqual({ reason: "test" });
    expect((await p.verification.findUniqueOrThrow({ where: { id: ver.id } })).value).toBe("v2");
    const rl2 = await p.rateLimit.findUniqueOrThrow({ where: { key: rl.key } });
    expect(rl2.count).toBe(2);
    expect(rl2.lastRequest).toBe(9_007_199_254_740_993n);
    expect(await p.auditEntry.findMany({ where: { targetType: "run", targetId: "r1" }, orderBy: { createdAt: "desc" } })).toHaveLength(1);
    expect(audit.createdAt).toBeInstanceOf(Date);
  });

  it("optimistic concurrency on projects: a stale version updates nothing", async () => {
    const p = t.prisma;
    const proj = await p.project.create({ data: { name: "OCC", slug: uniq("occ") } });
    const first = await p.project.updateMany({ where: { id: proj.id, version: 1 }, data: { name: "v2", version: { increment: 1 } } });
    const stale = await p.project.updateMany({ where: { id: proj.id, version: 1 }, data: { name: "lost", version: { increment: 1 } } });
    expect([first.count, stale.count]).toEqual([1, 0]);
    expect(await p.project.findUniqueOrThrow({ where: { id: proj.id } })).toMatchObject({ name: "v2", version: 2 });
  });
});
