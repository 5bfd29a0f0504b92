/**
 * Pause, resume, cancel and retry for the REST API and the CLI. The engine of
 * this process applies a control at once when it executes the run; otherwise
 * the request is left in the run row for the owner, which applies it within
 * about a second (`deferred`). Nothing here needs Next.js.
 */
import type { ControlResult } from "@/lib/engine";
import { getPrisma } from "@/lib/db/prisma";
import { getEngine } from "@/lib/runtime/engine-host";
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { ApiRunControl } from "@/lib/validations/runs";

export interface ControlOutcome {
  runId: string;
  action: ApiRunControl;
  /** The run is executed by another process, which applies the request within about a second. */
  deferred: boolean;
  /** For deferred requests: whether a live engine owns the run (else it waits for one to adopt the run). */
  ownerAlive: boolean;
}

const HEARTBEAT_EXPIRY_MS = 30_000;

/** Whether a live engine (heartbeat within 30 s) owns the run. */
export async function runOwnerAlive(runId: string): Promise<boolean> {
  const prisma = getPrisma();
  const run = await prisma.run.findUnique({ where: { id: runId }, select: { ownerInstanceId: true } });
  if (!run?.ownerInstanceId) return false;
  const inst = await prisma.engineInstance.findUnique({ where: { id: run.ownerInstanceId }, select: { heartbeatAt: true } });
  return !!inst && inst.heartbeatAt.getTime() > Date.now() - HEARTBEAT_EXPIRY_MS;
}

export async function applyRunControl(runId: string, action: ApiRunControl, by: string | null): Promise<ServiceResult<ControlOutcome>> {
  const engine = await getEngine();
  let res: ControlResult;
  switch (action) {
    case "pause":
      res = await engine.pause(runId, { by });
      break;
    case "resume":
      res = await engine.resume(runId, { by });
      break;
    case "cancel":
      res = await engine.cancel(runId, { by });
      break;
    case "retry":
      res = await engine.retryFailed(runId, { by });
      break;
  }
  if (res.ok) {
    const deferred = res.deferred === true;
    return ok({ runId, action, deferred, ownerAlive: deferred ? await runOwnerAlive(runId) : true });
  }
  switch (res.reason) {
    case "not-found":
      return fail(404, `No run with the id "${runId}".`);
    case "not-owned":
      return fail(409, "This run is executed by another Myrmex process; control it there.");
    case "invalid-state":
      return fail(409, `Cannot ${action} this run: ${res.message}.`);
  }
}
