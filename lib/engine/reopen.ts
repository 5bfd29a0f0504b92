/**
 * Reopening a finished run on this instance: "retry failed steps" (a failed
 * or cancelled run; its failed, upstream-failed and cancelled steps run
 * again) and "rerun from a step" (any finished run; the step and everything
 * downstream of it run again, see rerun.ts). Both take the run with a
 * compare-and-set on its status (`reopenRun`), so two callers never reopen
 * it twice, then load it with `restoreRun`.
 */
import type { EngineContext } from "./context";
import type { ControlResult } from "./controls";
import type { Actor } from "./events";
import { restoreRun, type RestoreMode } from "./recovery";
import { describeRerunBlockers, planRerunFrom, rerunBlockers } from "./rerun";
import type { Scheduler } from "./scheduler";
import { FINAL_RUN_STATUSES, type EngineStore, type RunRecord, type RunStatus } from "./store";

/** What reopening needs from the engine. */
export interface ReopenHost {
  ctx: EngineContext;
  store: EngineStore;
  scheduler: Scheduler;
  /** Runs being loaded from the store right now (shared with recovery). */
  restoring: Set<string>;
  /** The next cross-run order number. */
  nextOrder(): number;
}

/** What to reopen a run for. */
export type ReopenRequest = { kind: "retry"; by: Actor } | { kind: "rerun"; stepId: string; by: Actor };

const invalid = (message: string): ControlResult => ({ ok: false, reason: "invalid-state", message });

/** The statuses a run may be reopened from, per request kind. */
const REOPENABLE: Record<ReopenRequest["kind"], readonly RunStatus[]> = {
  retry: ["failed", "cancelled"],
  rerun: FINAL_RUN_STATUSES,
};

/** Checks the stored run and turns the request into a restore mode, or refuses. */
async function modeFor(host: ReopenHost, existing: RunRecord, request: ReopenRequest): Promise<RestoreMode | ControlResult> {
  if (!REOPENABLE[request.kind].includes(existing.status)) {
    return invalid(request.kind === "retry" ? `cannot retry a ${existing.status} run` : `cannot rerun steps of a ${existing.status} run: wait until it has finished`);
  }
  if (request.kind === "retry") return { kind: "retry", by: request.by };
  const plan = planRerunFrom(existing.definition, request.stepId);
  if (!plan) return { ok: false, reason: "not-found", message: `the run has no step "${request.stepId}"` };
  const rows = await host.store.listTaskRuns(existing.id);
  const status = new Map(rows.map((r) => [r.stepId, r.status]));
  const blockers = rerunBlockers(existing.definition, plan, (id) => status.get(id));
  if (blockers.length > 0) return invalid(`cannot rerun from "${request.stepId}": ${describeRerunBlockers(blockers)}`);
  return { kind: "rerun", by: request.by, plan };
}

/**
 * Reopens a finished run and hands it to the scheduler. Resolves once the
 * run is loaded (not committed: the caller waits for the write queue).
 */
export async function reopenFinishedRun(host: ReopenHost, runId: string, request: ReopenRequest): Promise<ControlResult> {
  const { scheduler, restoring, store, ctx } = host;
  if (scheduler.runs.has(runId) || restoring.has(runId)) return invalid("the run is still active");
  restoring.add(runId);
  try {
    const existing = await store.getRun(runId);
    if (!existing) return { ok: false, reason: "not-found", message: `run ${runId} not found` };
    const mode = await modeFor(host, existing, request);
    if ("ok" in mode) return mode;
    if (!(await store.reopenRun({ runId, instanceId: ctx.instanceId, from: REOPENABLE[request.kind] }))) {
      return invalid("the run was reopened by someone else");
    }
    await restoreRun(ctx, store, scheduler, existing, host.nextOrder(), mode);
  } finally {
    restoring.delete(runId);
  }
  return { ok: true };
}
