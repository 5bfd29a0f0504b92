/**
 * Cascade rules and constraint errors, on both providers. Constraint
 * violations surface through lib/db/errors.ts as DbErrors whose messages
 * name the model and field.
 */
import { describe, expect, it } from "vitest";
import { DbError, conflictError, isNotFound, isUniqueViolation, toDbError, withDbErrors } from "@/lib/db/errors";
import type { Db } from "@/lib/db/prisma";
import { PROVIDERS, seedWorkflow, uniq, useTestDb } from "./helpers";

async function dbErrorOf(p: Promise<unknown>): Promise<DbError> {
  try {
    await p;
  } catch (err) {
    const mapped = toDbError(err);
    if (!mapped) throw err;
    return mapped;
  }
  throw new Error("expected the operation to fail");
}

/** A run with one task, attempt, log, event, allocation and sample. */
async function seedRunGraph(p: Db) {
  const { project, workflow, version } = await seedWorkflow(p);
  const run = await p.run.create({
    data: { workflowVersionId: version.id, workflowId: workflow.id, projectId: project.id, params: {} },
  });
  const task = await p.taskRun.create({ data: { runId: run.id, stepId: "a" } });
  const now = new Date();
  await p.taskAttempt.create({
    data: { taskRunId: task.id, runId: run.id, stepId: "a", attempt: 1, queuedAt: now, startedAt: now, instanceId: "i" },
  });
  await p.logChunk.create({ data: { runId: run.id, taskRunId: task.id, attempt: 1, seq: 1, stream: "stdout", text: "x", ts: now } });
  await p.runEvent.create({ data: { runId: run.id, seq: 1, type: "run.started", payload: {} } });
  await p.resourceAllocation.create({
    data: { poolName: "cpu", amount: 1, runId: run.id, taskRunId: task.id, attempt: 1, instanceId: "i", acquiredAt: now },
  });
  await p.metricSample.create({ data: { taskRunId: task.id, attempt: 1, ts: now, cpuPercent: 1, rssMb: 1 } });
  return { project, workflow, version, run, task };
}

async function countRunData(p: Db, runId: string) {
  return {
    tasks: await p.taskRun.count({ where: { runId } }),
    attempts: await p.taskAttempt.count({ where: { runId } }),
    logs: await p.logChunk.count({ where: { runId } }),
    events: await p.runEvent.count({ where: { runId } }),
    allocations: await p.resourceAllocation.count({ where: { runId } }),
    samples: await p.metricSample.count({ where: { taskRun: { runId } } }),
  };
}

const NONE = { tasks: 0, attempts: 0, logs: 0, events: 0, allocations: 0, samples: 0 };
const ONE = { tasks: 1, attempts: 1, logs: 1, events: 1, allocations: 1, samples: 1 };

describe.each(PROVIDERS)("cascades (%s)", (provider) => {
  const t = useTestDb(provider);

  it("deleting a project removes its workflows → versions → runs → task runs → logs/events/allocations/samples", async () => {
    const p = t.prisma;
    const doomed = await seedRunGraph(p);
    const kept = await seedRunGraph(p);
    await p.projectDependency.create({ data: { projectId: kept.project.id, dependsOnId: doomed.project.id } });
    await p.projectDependency.create({ data: { projectId: doomed.project.id, dependsOnId: kept.project.id } });
    // Samples are reached through the task run; count them before and after.
    const samplesBefore = await p.metricSample.count({ where: { taskRunId: doomed.task.id } });
    expect(samplesBefore).toBe(1);

    await p.project.delete({ where: { id: doomed.project.id } });

    expect(await p.workflow.count({ where: { projectId: doomed.project.id } })).toBe(0);
    expect(await p.workflowVersion.count({ where: { workflowId: doomed.workflow.id } })).toBe(0);
    expect(await p.run.count({ where: { projectId: doomed.project.id } })).toBe(0);
    expect(await countRunData(p, doomed.run.id)).toEqual(NONE);
    expect(await p.metricSample.count({ where: { taskRunId: doomed.task.id } })).toBe(0);
    expect(await p.projectDependency.count({ where: { OR: [{ projectId: doomed.project.id }, { dependsOnId: doomed.project.id }] } })).toBe(0);
    // The other project is untouched.
    expect(await countRunData(p, kept.run.id)).toEqual(ONE);
    expect(await p.workflowVersion.count({ where: { workflowId: kept.workflow.id } })).toBe(1);
  });

  it("deleting a workflow removes its runs; deleting a run removes its task data", async () => {
    const p = t.prisma;
    const g1 = await seedRunGraph(p);
    await p.workflow.delete({ where: { id: g1.workflow.id } });
    expect(await p.run.count({ where: { id: g1.run.id } })).toBe(0);
    expect(await countRunData(p, g1.run.id)).toEqual(NONE);
    expect(await p.project.count({ where: { id: g1.project.id } })).toBe(1);

    const g2 = await seedRunGraph(p);
    await p.run.delete({ where: { id: g2.run.id } });
    expect(await countRunData(p, g2.run.id)).toEqual(NONE);
    expect(await p.workflowVersion.count({ where: { id: g2.version.id } })).toBe(1);
  });

  it("deleting a user removes sessions, accounts and tokens; audit entries and versions keep, unlinked", async () => {
    const p = t.prisma;
    const user = await p.user.create({ data: { name: "Gone", email: `${uniq("gone")}@example.com`, role: "editor" } });
    await p.session.create({ data: { userId: user.id, token: uniq("s"), expiresAt: new Date(Date.now() + 1000) } });
    await p.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential" } });
    await p.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: uniq("h"), prefix: "p" } });
    const audit = await p.auditEntry.create({ data: { actorId: user.id, actorLabel: user.email, action: "project.create", targetType: "project" } });
    const { workflow } = await seedWorkflow(p);
    const v = await p.workflowVersion.create({ data: { workflowId: workflow.id, number: 2, definition: {}, createdById: user.id } });

    await p.user.delete({ where: { id: user.id } });

    expect(await p.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await p.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await p.apiToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await p.auditEntry.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({ actorId: null, actorLabel: user.email });
    expect((await p.workflowVersion.findUniqueOrThrow({ where: { id: v.id } })).createdById).toBeNull();
  });
});

describe.each(PROVIDERS)("constraint errors (%s)", (provider) => {
  const t = useTestDb(provider);

  it("duplicate project slug → unique error naming the slug", async () => {
    const p = t.prisma;
    const slug = uniq("dup");
    await p.project.create({ data: { name: "A", slug } });
    const err = await dbErrorOf(p.project.create({ data: { name: "B", slug } }));
    expect(err).toMatchObject({ kind: "unique", code: "P2002", model: "Project", fields: ["slug"], status: 409 });
    expect(err.message).toBe("A project with this slug already exists.");
  });

  it("unique pairs name the field and the scope", async () => {
    const p = t.prisma;
    const { project, workflow, version } = await seedWorkflow(p);

    const wf = await dbErrorOf(p.workflow.create({ data: { projectId: project.id, name: "again", slug: workflow.slug } }));
    expect(wf.fields).toEqual(["projectId", "slug"]);
    expect(wf.message).toBe("A workflow with this slug already exists in this project.");

    const ver = await dbErrorOf(p.workflowVersion.create({ data: { workflowId: workflow.id, number: 1, definition: {} } }));
    expect(ver.message).toBe("A workflow version with this number already exists in this workflow.");

    const run = await p.run.create({ data: { workflowVersionId: version.id, workflowId: workflow.id, projectId: project.id, params: {} } });
    await p.taskRun.create({ data: { runId: run.id, stepId: "s" } });
    const task = await dbErrorOf(p.taskRun.create({ data: { runId: run.id, stepId: "s" } }));
    expect(task.message).toBe("A task run with this stepId already exists in this run.");

    await p.runEvent.create({ data: { runId: run.id, seq: 1, type: "x", payload: {} } });
    const ev = await dbErrorOf(p.runEvent.create({ data: { runId: run.id, seq: 1, type: "y", payload: {} } }));
    expect(ev).toMatchObject({ kind: "unique", model: "RunEvent" });
    expect(ev.message).toBe("A run event with this seq already exists in this run.");

    const other = await p.project.create({ data: { name: "O", slug: uniq("o") } });
    await p.projectDependency.create({ data: { projectId: project.id, dependsOnId: other.id } });
    const dep = await dbErrorOf(p.projectDependency.create({ data: { projectId: project.id, dependsOnId: other.id } }));
    expect(dep.kind).toBe("unique");
    expect(dep.fields).toEqual(["projectId", "dependsOnId"]);
  });

  it("unique names, emails, tokens and keys", async () => {
    const p = t.prisma;
    const email = `${uniq("u")}@example.com`;
    const user = await p.user.create({ data: { name: "U", email } });
    expect((await dbErrorOf(p.user.create({ data: { name: "V", email } }))).message).toBe("A user with this email already exists.");

    const pool = uniq("pool");
    await p.resourcePool.create({ data: { name: pool, capacity: 1 } });
    expect((await dbErrorOf(p.resourcePool.create({ data: { name: pool, capacity: 2 } }))).message).toBe(
      "A resource pool with this name already exists.",
    );

    const hash = uniq("hash");
    await p.apiToken.create({ data: { userId: user.id, name: "a", tokenHash: hash, prefix: "x" } });
    expect(isUniqueViolation(await dbErrorOf(p.apiToken.create({ data: { userId: user.id, name: "b", tokenHash: hash, prefix: "y" } })), "tokenHash")).toBe(true);

    const key = uniq("k");
    await p.appSetting.create({ data: { key, value: 1 } });
    const setting = await dbErrorOf(p.appSetting.create({ data: { key, value: 2 } }));
    expect(setting.message).toBe("An app setting with this key already exists.");
  });

  it("a missing parent → foreign-key error; a missing row → not found", async () => {
    const p = t.prisma;
    const fk = await dbErrorOf(p.workflow.create({ data: { projectId: "no-such-project", name: "w", slug: uniq("w") } }));
    expect(fk).toMatchObject({ kind: "foreign_key", code: "P2003", model: "Workflow", status: 409 });
    expect(fk.message).toMatch(/^The workflow refers to /);
    if (provider === "postgresql") {
      // PostgreSQL names the constraint, so the message names the field.
      expect(fk.fields).toEqual(["projectId"]);
      expect(fk.message).toBe("The workflow refers to a project (projectId) that does not exist.");
    }

    const nf = await dbErrorOf(p.project.update({ where: { id: "nope" }, data: { name: "x" } }));
    expect(nf).toMatchObject({ kind: "not_found", code: "P2025", status: 404, message: "Project not found." });
    expect(isNotFound(nf)).toBe(true);

    const nested = await dbErrorOf(
      p.workflow.create({ data: { name: "w", slug: uniq("w"), project: { connect: { id: "nope" } } } }),
    );
    expect(nested.kind).toBe("not_found");
    expect(nested.message).toBe("A project referenced by this workflow was not found.");
  });

  it("withDbErrors rethrows DbError and passes other errors through", async () => {
    const p = t.prisma;
    const slug = uniq("w");
    await p.project.create({ data: { name: "A", slug } });
    await expect(withDbErrors(() => p.project.create({ data: { name: "B", slug } }))).rejects.toBeInstanceOf(DbError);
    await expect(withDbErrors(async () => Promise.reject(new TypeError("boom")))).rejects.toBeInstanceOf(TypeError);
    expect(conflictError("Project").message).toBe("This project was changed by someone else. Reload it and try again.");
    expect(toDbError(new Error("plain"))).toBeNull();
  });

  it("invalid enum values are rejected before reaching the database", async () => {
    const p = t.prisma;
    const err = await dbErrorOf(
      p.project.create({ data: { name: "E", slug: uniq("e"), status: "deleted" as unknown as "active" } }),
    );
    expect(err.kind).toBe("invalid");
  });
});
