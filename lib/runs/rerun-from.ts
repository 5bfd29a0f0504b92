/**
 * "Rerun from a step" of a finished run: the step and everything downstream
 * of it run again, the other steps keep their results (lib/engine/rerun.ts).
 * Shared by the run page's server action and any other caller; nothing here
 * needs Next.js.
 */
import { planRerunFrom } from "@/lib/engine";
import { getEngine } from "@/lib/runtime/engine-host";
import { fail, ok, type ServiceResult } from "@/lib/service-result";

/** What the rerun does: `rerun` run again (in topological order), `keep` keep their results. */
export interface RerunOutcome {
  runId: string;
  stepId: string;
  rerun: string[];
  keep: string[];
}

export async function rerunRunFrom(runId: string, stepId: string, by: string | null): Promise<ServiceResult<RerunOutcome>> {
  const engine = await getEngine();
  const view = await engine.getRun(runId);
  if (!view) return fail(404, `No run with the id "${runId}".`);
  const plan = planRerunFrom(view.run.definition, stepId);
  if (!plan) return fail(404, `This run has no step "${stepId}".`);
  const res = await engine.rerunFrom(runId, stepId, { by });
  if (!res.ok) {
    if (res.reason === "not-found") return fail(404, `${res.message[0]!.toUpperCase()}${res.message.slice(1)}.`);
    return fail(409, `Cannot rerun from "${stepId}": ${res.message.replace(`cannot rerun from "${stepId}": `, "")}.`);
  }
  return ok({ runId, stepId, rerun: plan.rerun, keep: plan.keep });
}
