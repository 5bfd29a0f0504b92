/**
 * A synthetic but realistic run history for the dashboard speed test and the
 * bench: `workflows` workflows of `steps` chained steps, runs spread evenly
 * over the last 30 days, ~10 % failed, every step with one attempt, CPU and
 * memory, and one allocation of a "deploy" pool per run. No vitest imports.
 */
import os from "node:os";
import type { Db } from "@/lib/db/prisma";

export interface HistoryShape {
  runs: number;
  steps: number;
  workflows: number;
  now: number;
}

const DAY = 86_400_000;

export async function seedHistory(prisma: Db, shape: HistoryShape): Promise<{ workflowIds: string[]; runIds: string[] }> {
  const project = await prisma.project.create({ data: { name: "Bench", slug: `bench-${Date.now().toString(36)}`, workingDir: os.tmpdir() } });
  const stepIds = Array.from({ length: shape.steps }, (_, i) => `s${i}`);
  const definition = { name: "bench", steps: stepIds.map((id, i) => ({ id, run: "true", needs: i ? [`s${i - 1}`] : [] })) };
  const workflowIds: string[] = [];
  const versionIds: string[] = [];
  for (let w = 0; w < shape.workflows; w++) {
    const wf = await prisma.workflow.create({ data: { projectId: project.id, name: `Bench ${w}`, slug: `bench-${w}` } });
    const v = await prisma.workflowVersion.create({ data: { workflowId: wf.id, number: 1, definition, source: "" } });
    workflowIds.push(wf.id);
    versionIds.push(v.id);
  }
  await prisma.resourcePool.upsert({ where: { name: "deploy" }, create: { name: "deploy", capacity: 2 }, update: {} });
  const runIds: string[] = [];
  const CHUNK = 500;
  for (let start = 0; start < shape.runs; start += CHUNK) {
    const runs = [];
    const tasks = [];
    const attempts = [];
    const allocations = [];
    for (let i = start; i < Math.min(shape.runs, start + CHUNK); i++) {
      const id = `run${String(i).padStart(7, "0")}`;
      const w = i % shape.workflows;
      const t0 = shape.now - 30 * DAY + Math.floor((i / shape.runs) * 30 * DAY);
      const failed = i % 10 === 0;
      const stepMs = 1000 + (i % 7) * 100;
      let t = t0;
      for (const [k, stepId] of stepIds.entries()) {
        const tr = `${id}-${k}`;
        const stepFailed = failed && k === shape.steps - 1;
        tasks.push({ id: tr, runId: id, stepId, status: stepFailed ? ("failed" as const) : ("succeeded" as const), attempt: 1, queuedAt: new Date(t), startedAt: new Date(t + 50), finishedAt: new Date(t + 50 + stepMs), cpuSeconds: 0.5 + k / 10, peakMemoryMb: 40 + k });
        attempts.push({ taskRunId: tr, runId: id, stepId, attempt: 1, status: stepFailed ? ("failed" as const) : ("succeeded" as const), queuedAt: new Date(t), startedAt: new Date(t + 50), finishedAt: new Date(t + 50 + stepMs), cpuSeconds: 0.5 + k / 10, peakMemoryMb: 40 + k, instanceId: "bench" });
        if (k === 0) allocations.push({ poolName: "deploy", amount: 1, runId: id, taskRunId: tr, attempt: 1, instanceId: "bench", acquiredAt: new Date(t + 50), releasedAt: new Date(t + 50 + stepMs) });
        t += 50 + stepMs;
      }
      runs.push({
        id,
        workflowVersionId: versionIds[w]!,
        workflowId: workflowIds[w]!,
        projectId: project.id,
        status: failed ? ("failed" as const) : ("succeeded" as const),
        params: {},
        queuedAt: new Date(t0),
        startedAt: new Date(t0),
        finishedAt: new Date(t),
        error: failed ? `step s${shape.steps - 1} failed` : null,
        metrics: { makespanMs: t - t0, criticalPath: stepIds, criticalPathMs: t - t0, totalQueueWaitMs: 50 * shape.steps, meanParallelism: 1, attempts: shape.steps, counts: {} },
      });
      runIds.push(id);
    }
    await prisma.run.createMany({ data: runs });
    await prisma.taskRun.createMany({ data: tasks });
    await prisma.taskAttempt.createMany({ data: attempts });
    await prisma.resourceAllocation.createMany({ data: allocations });
  }
  return { workflowIds, runIds };
}
