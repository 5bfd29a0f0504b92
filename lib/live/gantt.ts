/**
 * Gantt rows of a run: one per attempt, split into queue wait (ready but not
 * admitted) and run time, ordered by start; plus the critical path — the
 * run's own once it has finished, else the longest chain of actual step
 * durations so far, computed with the engine's planner.
 */
import { planWorkflow } from "@/lib/engine/plan";
import type { AttemptStatus, LiveRun, Ms } from "./types";

export interface GanttRow {
  key: string;
  label: string;
  stepId: string;
  attempt: number;
  /** Offsets from the chart origin, ms: [offset, offset + queue] waiting, then `run` running. */
  offset: number;
  queue: number;
  run: number;
  status: AttemptStatus;
  critical: boolean;
  queuedAt: Ms;
  startedAt: Ms;
  finishedAt: Ms | null;
}

export interface Gantt {
  rows: GanttRow[];
  /** Chart origin (epoch ms): the run's start or its first queued attempt. */
  origin: Ms;
  /** Right edge, ms after origin. */
  span: number;
  criticalPath: string[];
}

/** Step ids of the longest chain of actual durations (ms) through the DAG. */
export function liveCriticalPath(run: Pick<LiveRun, "tasks">, durations: ReadonlyMap<string, number>): string[] {
  if (run.tasks.length === 0) return [];
  const estimates: Record<string, number> = {};
  for (const t of run.tasks) estimates[t.stepId] = (durations.get(t.stepId) ?? 0) / 1000;
  try {
    const plan = planWorkflow(run.tasks.map((t) => ({ id: t.stepId, dependsOn: t.dependsOn })), estimates);
    return plan.criticalPath.filter((id) => (durations.get(id) ?? 0) > 0);
  } catch {
    return []; // not a DAG (cannot happen for a validated run): no highlight rather than a broken page
  }
}

export function ganttOf(run: LiveRun, now: Ms): Gantt {
  const names = new Map(run.tasks.map((t) => [t.stepId, t.name]));
  const durations = new Map<string, number>();
  let origin = run.startedAt ?? Infinity;
  for (const a of run.attempts) {
    origin = Math.min(origin, a.queuedAt);
    durations.set(a.stepId, (durations.get(a.stepId) ?? 0) + Math.max(0, (a.finishedAt ?? now) - a.startedAt));
  }
  if (!Number.isFinite(origin)) origin = run.queuedAt;
  const finalPath = run.metrics?.criticalPath;
  const criticalPath = finalPath && run.finishedAt !== null ? finalPath : liveCriticalPath(run, durations);
  const critical = new Set(criticalPath);
  const multi = new Set<string>();
  const seen = new Set<string>();
  for (const a of run.attempts) (seen.has(a.stepId) ? multi : seen).add(a.stepId);

  let span = Math.max(0, (run.finishedAt ?? now) - origin);
  const rows = [...run.attempts]
    .sort((a, b) => a.startedAt - b.startedAt || a.attempt - b.attempt)
    .map((a): GanttRow => {
      const end = a.finishedAt ?? now;
      span = Math.max(span, end - origin);
      const name = names.get(a.stepId) ?? a.stepId;
      return {
        key: `${a.stepId}#${a.attempt}`,
        label: multi.has(a.stepId) ? `${name} #${a.attempt}` : name,
        stepId: a.stepId,
        attempt: a.attempt,
        offset: Math.max(0, a.queuedAt - origin),
        queue: Math.max(0, a.startedAt - a.queuedAt),
        run: Math.max(0, end - a.startedAt),
        status: a.status,
        critical: critical.has(a.stepId),
        queuedAt: a.queuedAt,
        startedAt: a.startedAt,
        finishedAt: a.finishedAt,
      };
    });
  return { rows, origin, span, criticalPath };
}
