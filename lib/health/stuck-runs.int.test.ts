/** Stuck runs (shared by the health report and the project overview) on a real SQLite database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { copyDb, createDbTemplate, seedWorkflowVersion, type DbTemplate } from "@/tests/engine/db";
import { findStuckRuns } from "./stuck-runs";

const NOW = Date.UTC(2026, 10, 24, 12);
const ago = (ms: number) => new Date(NOW - ms);
let template: DbTemplate;
let prisma: Db;
const runs: Record<string, string> = {};
let projectA = "";

async function run(versionId: string, data: { status?: "queued" | "running" | "paused"; ownerInstanceId?: string; queuedAt: Date; deadlineAt?: Date }) {
  const v = await prisma.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { workflowId: true, workflow: { select: { projectId: true } } } });
  return prisma.run.create({
    data: { workflowVersionId: versionId, workflowId: v.workflowId, projectId: v.workflow.projectId, params: {}, status: data.status ?? "running", ...data },
    select: { id: true, projectId: true },
  });
}

beforeAll(async () => {
  template = await createDbTemplate("myrmex-stuck-");
  prisma = createPrisma({ url: copyDb(template).url });
  await prisma.engineInstance.create({ data: { id: "live", host: "h", pid: 1, startedAt: ago(3_600_000), heartbeatAt: ago(1_000) } });
  const definition = { name: "w", steps: [{ id: "slow", kind: "shell", run: "sleep 1000", timeoutSec: 60 }] };
  const a = await seedWorkflowVersion(prisma, definition, { slug: "a" });
  const b = await seedWorkflowVersion(prisma, definition, { slug: "b" });
  const deadline = await run(a, { ownerInstanceId: "live", queuedAt: ago(600_000), deadlineAt: ago(120_000) });
  projectA = deadline.projectId;
  runs.deadline = deadline.id;
  runs.orphan = (await run(a, { queuedAt: ago(300_000) })).id;
  runs.timeout = (await run(a, { ownerInstanceId: "live", queuedAt: ago(900_000) })).id;
  await prisma.taskRun.create({ data: { runId: runs.timeout, stepId: "slow", status: "running", startedAt: ago(600_000) } });
  runs.healthy = (await run(a, { ownerInstanceId: "live", queuedAt: ago(30_000) })).id;
  await prisma.taskRun.create({ data: { runId: runs.healthy, stepId: "slow", status: "running", startedAt: ago(20_000) } });
  runs.pausedPastDeadline = (await run(a, { status: "paused", ownerInstanceId: "live", queuedAt: ago(600_000), deadlineAt: ago(120_000) })).id;
  runs.otherProject = (await run(b, { queuedAt: ago(300_000) })).id;
});

afterAll(async () => {
  await prisma?.$disconnect();
  template?.remove();
});

describe("findStuckRuns", () => {
  it("names each stuck run's reason; fresh and paused runs are not stuck", async () => {
    const res = await findStuckRuns(prisma, NOW, { projectId: projectA });
    expect(res.active).toBe(5);
    expect(Object.fromEntries(res.stuck.map((s) => [s.id, s.reason]))).toEqual({
      [runs.deadline!]: "past its deadline",
      [runs.orphan!]: "has no live engine",
      [runs.timeout!]: "step slow past its timeout",
    });
  });

  it("without a project, looks at every project", async () => {
    const res = await findStuckRuns(prisma, NOW);
    expect(res.active).toBe(6);
    expect(res.stuck.map((s) => s.id)).toContain(runs.otherProject);
  });
});
