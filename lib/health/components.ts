/**
 * Health of each component, with the reason for its status and the
 * thresholds behind it (docs/api.md lists them). Plain module: the web
 * server (lib/health/checks.ts) and the CLI (`orchestrate health`) share it.
 *
 *   database    reachable; degraded when a query takes > 500 ms
 *   migrations  every migration of this version applied (unhealthy if not)
 *   scheduler   a live engine: heartbeat within 30 s (unhealthy for the
 *               server's own engine, degraded when no engine is live at all)
 *   event-loop  server only: p99 delay > 200 ms degraded, > 1 s unhealthy
 *   stuck-runs  runs past their deadline, steps running past their timeout,
 *               active runs whose engine died > 60 s ago → degraded
 *   disk        free space of the data directory < 10 % degraded, < 2 % unhealthy
 *   memory      free host memory < 10 % degraded, < 3 % unhealthy
 *   shell-spawner  how shell steps start: the native helper is healthy; the
 *               Python helper or forking from the engine's process is degraded,
 *               as is MYRMEX_SHELL_SPAWNER forcing one of them, or not knowing
 *               yet (the native helper still building)
 */
import { readdir, statfs } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/prisma";
import { providerOfClient } from "@/lib/db/prisma";
import { spawnerAvailability, type SpawnerAvailability } from "@/lib/engine/executors/spawner-availability";
import { dataDir } from "@/lib/runtime/paths";
import { HEARTBEAT_EXPIRY_MS, STUCK_GRACE_MS, findStuckRuns } from "./stuck-runs";

export type HealthStatus = "healthy" | "degraded" | "unhealthy";

export interface ComponentHealth {
  name: string;
  status: HealthStatus;
  /** The reason for the status, for a person. */
  detail: string;
  /** Measured value behind the verdict, for display. */
  value?: string;
  /** When the component turns degraded / unhealthy. */
  thresholds?: string;
}

export interface HealthReport {
  status: HealthStatus;
  checkedAt: string;
  components: ComponentHealth[];
}

export interface HealthOptions {
  /** The asking process's own engine (server): without a heartbeat it is unhealthy, not merely degraded. */
  selfInstanceId?: string | null;
  /** Event-loop delay of this process, when it runs an engine (server). */
  eventLoop?: { p99Ms: number; maxMs: number } | null;
  now?: number;
}

const ORDER: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };
const HEARTBEAT_LATE_MS = 12_000;

export function worst(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((w, s) => (ORDER[s] > ORDER[w] ? s : w), "healthy");
}

async function database(prisma: Db): Promise<ComponentHealth> {
  const thresholds = "degraded > 500 ms; unhealthy when a query fails";
  const started = performance.now();
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    const ms = performance.now() - started;
    const slow = ms > 500;
    return { name: "database", status: slow ? "degraded" : "healthy", detail: slow ? "slow to answer" : `answers queries (${providerOfClient(prisma)})`, value: `${ms.toFixed(1)} ms`, thresholds };
  } catch {
    return { name: "database", status: "unhealthy", detail: "does not answer queries", thresholds };
  }
}

async function migrations(prisma: Db): Promise<ComponentHealth> {
  const thresholds = "unhealthy when a migration of this version is not applied";
  const dir = path.join(process.cwd(), "prisma", providerOfClient(prisma) === "sqlite" ? "migrations" : "postgresql/migrations");
  let expected: string[];
  try {
    expected = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return { name: "migrations", status: "healthy", detail: "migration files not shipped with this build; not compared", thresholds };
  }
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expected.filter((m) => !applied.has(m));
    return pending.length
      ? { name: "migrations", status: "unhealthy", detail: `${pending.length} migration(s) not applied (${pending.join(", ")}): run \`npm run db:migrate\``, value: `${applied.size}/${expected.length}`, thresholds }
      : { name: "migrations", status: "healthy", detail: "all migrations applied", value: `${expected.length}/${expected.length}`, thresholds };
  } catch {
    return { name: "migrations", status: "unhealthy", detail: "the database is not initialized: run `orchestrate init` or `npm run db:migrate`", thresholds };
  }
}

async function scheduler(prisma: Db, opts: HealthOptions, now: number): Promise<ComponentHealth> {
  const thresholds = "heartbeat late > 12 s degraded; none within 30 s: unhealthy for the server's own engine, degraded otherwise";
  try {
    const instances = await prisma.engineInstance.findMany({ select: { id: true, kind: true, heartbeatAt: true } });
    const live = instances.filter((i) => i.heartbeatAt.getTime() > now - HEARTBEAT_EXPIRY_MS);
    const self = opts.selfInstanceId ? instances.find((i) => i.id === opts.selfInstanceId) : undefined;
    if (opts.selfInstanceId) {
      const age = self ? now - self.heartbeatAt.getTime() : Infinity;
      if (age > HEARTBEAT_EXPIRY_MS) return { name: "scheduler", status: "unhealthy", detail: "this server's engine has not sent a heartbeat in 30 s: runs will not progress", thresholds };
      if (age > HEARTBEAT_LATE_MS) return { name: "scheduler", status: "degraded", detail: `this server's engine heartbeat is late (${Math.round(age / 1000)} s)`, value: `${live.length} live`, thresholds };
    }
    if (live.length === 0) {
      return { name: "scheduler", status: "degraded", detail: "no engine has sent a heartbeat in the last 30 s: start the server (`npm start`) or runs will not progress", value: "0 live", thresholds };
    }
    const late = live.filter((i) => i.heartbeatAt.getTime() < now - HEARTBEAT_LATE_MS);
    const kinds = [...new Set(live.map((i) => i.kind))].join(", ");
    return late.length
      ? { name: "scheduler", status: "degraded", detail: `${late.length} of ${live.length} engines have late heartbeats`, value: `${live.length} live`, thresholds }
      : { name: "scheduler", status: "healthy", detail: `${live.length} live engine${live.length === 1 ? "" : "s"} (${kinds})`, value: `${live.length} live`, thresholds };
  } catch {
    return { name: "scheduler", status: "unhealthy", detail: "engine state could not be read", thresholds };
  }
}

function eventLoop(lag: NonNullable<HealthOptions["eventLoop"]>): ComponentHealth {
  const thresholds = "p99 delay > 200 ms degraded, > 1000 ms unhealthy";
  const status: HealthStatus = lag.p99Ms > 1000 ? "unhealthy" : lag.p99Ms > 200 ? "degraded" : "healthy";
  const detail = status === "healthy" ? "the engine loop answers promptly" : "the engine loop is blocked: scheduling and live updates lag";
  return { name: "event-loop", status, detail, value: `p99 ${lag.p99Ms.toFixed(1)} ms, max ${lag.maxMs.toFixed(0)} ms`, thresholds };
}

async function stuckRuns(prisma: Db, now: number): Promise<ComponentHealth> {
  const thresholds = `degraded when a run is ${STUCK_GRACE_MS / 1000} s past its deadline, a step ${STUCK_GRACE_MS / 1000} s past its timeout, or an active run's engine is dead for ${STUCK_GRACE_MS / 1000} s`;
  try {
    const { active, stuck: found } = await findStuckRuns(prisma, now);
    const stuck = found.map((r) => `${r.id.slice(0, 8)} ${r.reason}`);
    return stuck.length
      ? { name: "stuck-runs", status: "degraded", detail: `${stuck.length} stuck: ${stuck.slice(0, 5).join("; ")}${stuck.length > 5 ? " …" : ""}`, value: String(stuck.length), thresholds }
      : { name: "stuck-runs", status: "healthy", detail: `${active} active run${active === 1 ? "" : "s"}, none stuck`, value: "0", thresholds };
  } catch {
    return { name: "stuck-runs", status: "degraded", detail: "active runs could not be read", thresholds };
  }
}

async function disk(): Promise<ComponentHealth> {
  const thresholds = "free < 10 % degraded, < 2 % unhealthy";
  try {
    const s = await statfs(dataDir());
    const freePct = (s.bavail / s.blocks) * 100;
    const freeGb = (s.bavail * s.bsize) / 1024 ** 3;
    const status: HealthStatus = freePct < 2 ? "unhealthy" : freePct < 10 ? "degraded" : "healthy";
    return { name: "disk", status, detail: `${freePct.toFixed(1)} % free in the data directory`, value: `${freeGb.toFixed(1)} GB free`, thresholds };
  } catch {
    return { name: "disk", status: "degraded", detail: "free space of the data directory could not be read", thresholds };
  }
}

function memory(): ComponentHealth {
  const freePct = (os.freemem() / os.totalmem()) * 100;
  const status: HealthStatus = freePct < 3 ? "unhealthy" : freePct < 10 ? "degraded" : "healthy";
  return { name: "memory", status, detail: `${freePct.toFixed(1)} % of host memory free`, value: `${Math.round(os.freemem() / 1024 ** 2)} MB free`, thresholds: "free < 10 % degraded, < 3 % unhealthy" };
}

/** How long a health check waits to learn how shell steps start (a first native build, a python3 probe). */
const SPAWNER_CHECK_WAIT_MS = 2000;

async function shellSpawner(): Promise<ComponentHealth> {
  const name = "shell-spawner";
  const thresholds = "degraded without the native spawn helper (no C compiler), or when MYRMEX_SHELL_SPAWNER forces another spawner";
  // The values shell.ts honours; anything else means auto.
  const forced = process.env.MYRMEX_SHELL_SPAWNER;
  if (forced === "inline") {
    return { name, status: "degraded", detail: "shell steps are forced to fork from the engine's process (MYRMEX_SHELL_SPAWNER=inline)", value: "inline", thresholds };
  }
  const requested = forced === "python" || forced === "native" ? forced : "auto";
  let timer: NodeJS.Timeout | undefined;
  const known = await Promise.race([
    spawnerAvailability(requested),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), SPAWNER_CHECK_WAIT_MS).unref())),
  ]).finally(() => clearTimeout(timer));
  if (!known) return { name, status: "degraded", detail: "checking how shell steps start…", thresholds };
  return spawnerHealth(known, requested, thresholds);
}

function spawnerHealth({ mode, reason }: SpawnerAvailability, requested: "auto" | "native" | "python", thresholds: string): ComponentHealth {
  const name = "shell-spawner";
  if (mode === "native") return { name, status: "healthy", detail: "shell steps start through the native spawn helper (posix_spawn)", value: "native", thresholds };
  const forked = "are forked from the engine's process (slower; the engine pauses while it forks)";
  const detail =
    requested !== "python"
      ? `shell steps ${mode === "python" ? "start through the Python helper (slower per step)" : forked}: ${reason ?? "the native helper is unavailable"}`
      : mode === "python"
        ? "shell steps are forced to start through the Python helper (MYRMEX_SHELL_SPAWNER=python; slower per step)"
        : `shell steps are forced to the Python helper (MYRMEX_SHELL_SPAWNER=python), which cannot run, so they ${forked}: ${reason ?? "python3 is unavailable"}`;
  return { name, status: "degraded", detail, value: mode, thresholds };
}

/** Every component's health and the worst of them as the overall status. */
export async function checkComponents(prisma: Db, opts: HealthOptions = {}): Promise<HealthReport> {
  const now = opts.now ?? Date.now();
  const db = await database(prisma);
  const rest =
    db.status === "unhealthy"
      ? await Promise.all([disk(), Promise.resolve(memory()), shellSpawner()])
      : await Promise.all([migrations(prisma), scheduler(prisma, opts, now), stuckRuns(prisma, now), disk(), Promise.resolve(memory()), shellSpawner()]);
  const components = [db, ...rest];
  if (opts.eventLoop) components.splice(3, 0, eventLoop(opts.eventLoop));
  return { status: worst(components.map((c) => c.status)), checkedAt: new Date(now).toISOString(), components };
}
