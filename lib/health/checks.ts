/**
 * Health of the web server process: every component (lib/health/components.ts)
 * plus this process's engine heartbeat and event-loop delay. `liveness()` is
 * the minimal anonymous answer of /api/health.
 */
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { currentEngine } from "@/lib/runtime/engine-host";
import { checkComponents, type HealthReport } from "./components";
import { loopDelay } from "./loop-delay";

export type { ComponentHealth, HealthReport, HealthStatus } from "./components";

// Start measuring as soon as the server loads this module.
loopDelay();

/** Every component's health and the worst of them as the overall status. */
export async function checkHealth(): Promise<HealthReport> {
  const engine = await currentEngine()?.catch(() => null);
  return checkComponents(getPrisma(), { selfInstanceId: engine?.instanceId ?? null, eventLoop: loopDelay() });
}

/** Liveness: the process serves and its database answers. No details for anonymous callers. */
export async function liveness(): Promise<{ status: "ok" | "unavailable"; checkedAt: string }> {
  const checkedAt = new Date().toISOString();
  try {
    await getPrisma().$queryRawUnsafe("SELECT 1");
    return { status: "ok", checkedAt };
  } catch {
    return { status: "unavailable", checkedAt };
  }
}
