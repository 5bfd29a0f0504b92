/**
 * "Rerun from a step" of a finished run: the step and everything downstream
 * of it run again, the other steps keep their results (lib/engine/rerun.ts).
 * Shared by the run page's server action, the REST API and the CLI; nothing
 * here needs Next.js.
 */
import { describeRerunBlockers, planRerunFrom, rerunBlockers, type RerunBlocker, type RerunPlan, type RunStatus, type RunView } from "@/lib/engine";
import { getEngine } from "@/lib/runtime/engine-host";
import { fail, ok, type ServiceResult } from "@/lib/service-result";

/** What the rerun does: `rerun` run again (in topological order), `keep` keep their results. */
export interface RerunOutcome {
  runId: string;
  stepId: string;
  rerun: string[];
  keep: string[];
}

/** The preview: what a rerun from the step would do, and whether it may go now. */
export interface RerunPreview extends RerunOutcome {
  /** The run's status now (a rerun needs a finished run). */
  runStatus: RunStatus;
  /** Kept dependencies that did not succeed: while any is listed, the rerun is refused. */
  blockers: RerunBlocker[];
  /** Why the rerun would be refused now, or null when it may go. */
  refusal: string | null;
}

const FINISHED: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "cancelled"]);

/** The run and the plan of a rerun from `stepId`, or a 404 naming what is unknown. */
async function planFor(runId: string, stepId: string): Promise<ServiceResult<{ view: RunView; plan: RerunPlan }>> {
  const view = await (await getEngine()).getRun(runId);
  if (!view) return fail(404, `No run with the id "${runId}".`);
  const plan = planRerunFrom(view.run.definition, stepId);
  if (!plan) return fail(404, `This run has no step "${stepId}".`);
  return ok({ view, plan });
}

/** What a rerun of `runId` from `stepId` would run again and keep, without changing anything. */
export async function previewRerun(runId: string, stepId: string): Promise<ServiceResult<RerunPreview>> {
  const found = await planFor(runId, stepId);
  if (!found.ok) return found;
  const { view, plan } = found.data;
  const statuses = new Map(view.tasks.map((t) => [t.stepId, t.status]));
  const blockers = rerunBlockers(view.run.definition, plan, (id) => statuses.get(id));
  const status = view.run.status;
  const refusal = !FINISHED.has(status)
    ? `the run is ${status}: wait until it has finished (or cancel it) to rerun steps`
    : blockers.length > 0
      ? describeRerunBlockers(blockers)
      : null;
  return ok({ runId, stepId, rerun: plan.rerun, keep: plan.keep, runStatus: status, blockers, refusal });
}

export async function rerunRunFrom(runId: string, stepId: string, by: string | null): Promise<ServiceResult<RerunOutcome>> {
  const found = await planFor(runId, stepId);
  if (!found.ok) return found;
  const { plan } = found.data;
  const res = await (await getEngine()).rerunFrom(runId, stepId, { by });
  if (!res.ok) {
    if (res.reason === "not-found") return fail(404, `${res.message[0]!.toUpperCase()}${res.message.slice(1)}.`);
    return fail(409, `Cannot rerun from "${stepId}": ${res.message.replace(`cannot rerun from "${stepId}": `, "")}.`);
  }
  return ok({ runId, stepId, rerun: plan.rerun, keep: plan.keep });
}
