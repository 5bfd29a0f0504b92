import "server-only";
import { statfs } from "node:fs/promises";
import os from "node:os";
import { db } from "@/lib/queries/db";
import { dataDir } from "@/lib/runtime/paths";

export type HealthStatus = "healthy" | "degraded" | "unhealthy";

export interface ComponentHealth {
  name: string;
  status: HealthStatus;
  detail: string;
  /** Measured value behind the verdict, for display. */
  value?: string;
}

export interface HealthReport {
  status: HealthStatus;
  checkedAt: string;
  components: ComponentHealth[];
}

const ORDER: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

async function databaseHealth(): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await db().project.count();
    const ms = performance.now() - started;
    return { name: "database", status: ms > 500 ? "degraded" : "healthy", detail: ms > 500 ? "slow to answer" : "answers queries", value: `${ms.toFixed(1)} ms` };
  } catch {
    return { name: "database", status: "unhealthy", detail: "does not answer queries" };
  }
}

async function engineHealth(): Promise<ComponentHealth> {
  try {
    const cutoff = new Date(Date.now() - 30_000);
    const live = await db().engineInstance.count({ where: { heartbeatAt: { gte: cutoff } } });
    return live > 0
      ? { name: "engine", status: "healthy", detail: `${live} live engine instance${live === 1 ? "" : "s"}`, value: String(live) }
      : { name: "engine", status: "degraded", detail: "no engine instance has sent a heartbeat in the last 30 s: runs will not progress" };
  } catch {
    return { name: "engine", status: "unhealthy", detail: "engine state could not be read" };
  }
}

async function diskHealth(): Promise<ComponentHealth> {
  try {
    const s = await statfs(dataDir());
    const freePct = (s.bavail / s.blocks) * 100;
    const freeGb = (s.bavail * s.bsize) / 1024 ** 3;
    const status: HealthStatus = freePct < 2 ? "unhealthy" : freePct < 10 ? "degraded" : "healthy";
    return { name: "disk", status, detail: `${freePct.toFixed(1)} % free in the data directory`, value: `${freeGb.toFixed(1)} GB free` };
  } catch {
    return { name: "disk", status: "degraded", detail: "free space of the data directory could not be read" };
  }
}

function memoryHealth(): ComponentHealth {
  const freePct = (os.freemem() / os.totalmem()) * 100;
  const status: HealthStatus = freePct < 3 ? "unhealthy" : freePct < 10 ? "degraded" : "healthy";
  return { name: "memory", status, detail: `${freePct.toFixed(1)} % of host memory free`, value: `${Math.round(os.freemem() / 1024 ** 2)} MB free` };
}

/** Every component's health and the worst of them as the overall status. */
export async function checkHealth(): Promise<HealthReport> {
  const components = await Promise.all([databaseHealth(), engineHealth(), diskHealth(), Promise.resolve(memoryHealth())]);
  const status = components.reduce<HealthStatus>((worst, c) => (ORDER[c.status] > ORDER[worst] ? c.status : worst), "healthy");
  return { status, checkedAt: new Date().toISOString(), components };
}
