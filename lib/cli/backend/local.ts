/**
 * Local mode: the CLI works on the database of DATABASE_URL directly, as a
 * local administrator, through the same lib/ services as the REST API. Runs
 * it starts (or retries) execute in this process, on its own engine instance
 * — the engine's ownership and heartbeats make that safe next to a running
 * server, which can also pause or cancel them. The CLI engine adopts no other
 * runs; on exit it hands unfinished ones over to the server.
 */
import os from "node:os";
import type { Logger } from "@/lib/engine";
import { disconnectPrisma, getPrisma } from "@/lib/db/prisma";
import { toDbError } from "@/lib/db/errors";
import { checkComponents } from "@/lib/health/components";
import { loadHealthHistory } from "@/lib/health/history";
import { deletePool, listPools, setPool } from "@/lib/pools/manage-pools";
import { changeProjectStatusBySlug, createProjectBySlug, deleteProjectBySlug, updateProjectBySlug } from "@/lib/projects/manage-projects";
import { addDependencyBySlug, projectDependenciesBySlug, removeDependencyBySlug } from "@/lib/projects/manage-dependencies";
import { getProject, listProjects } from "@/lib/projects/read-projects";
import { buildRunReport, buildWorkflowReport } from "@/lib/reports/build-report";
import { getRun, getStepLogs, listRunEvents, listRuns } from "@/lib/runs/read-runs";
import { applyRunControl, runOwnerAlive } from "@/lib/runs/run-controls";
import { previewRerun, rerunRunFrom } from "@/lib/runs/rerun-from";
import { startWorkflowRun } from "@/lib/runs/start-run";
import { adoptRun, configureEngineHost, currentEngine, getEngine, stopEngine } from "@/lib/runtime/engine-host";
import { ensurePools, seedExamples } from "@/lib/seed/examples";
import type { ServiceResult } from "@/lib/service-result";
import { systemStatus } from "@/lib/system/status";
import { exportWorkflow, importWorkflow } from "@/lib/workflows/import-workflow";
import { listWorkflows } from "@/lib/workflows/read-workflows";
import { resolveWorkflowRef } from "@/lib/workflows/resolve-ref";
import { CliError, EXIT, fromServiceError } from "../errors";
import type { Backend } from "./types";

/** Who the CLI acts as in audit entries and run rows. */
export function localActor(): string {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (containers): keep "unknown".
  }
  return `cli:${user}@${os.hostname()}`;
}

function unwrap<T>(res: ServiceResult<T>): T {
  if (!res.ok) throw fromServiceError(res);
  return res.data;
}

/** Engine messages go to stderr, and only warnings unless MYRMEX_DEBUG is set. */
function cliLogger(): Logger {
  const debug = process.env.MYRMEX_DEBUG === "1";
  const write = (level: string, msg: string, data?: Record<string, unknown>) =>
    process.stderr.write(`[engine ${level}] ${msg}${data ? ` ${JSON.stringify(data)}` : ""}\n`);
  return {
    debug: (m, d) => debug && write("debug", m, d),
    info: (m, d) => debug && write("info", m, d),
    warn: (m, d) => write("warn", m, d),
    error: (m, d) => write("error", m, d),
  };
}

/** Database errors (not initialized, unreachable) as CLI errors a person can act on. */
export function mapLocalError(err: unknown): unknown {
  if (err instanceof CliError) return err;
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === "P2021" || /no such table|does not exist in the current database|relation .* does not exist/i.test(message)) {
    return new CliError("The database is not initialized. Run `orchestrate init` (or `npm run db:migrate`) first.", EXIT.unavailable);
  }
  if (/Invalid database configuration|DATABASE_URL/.test(message)) return new CliError(message, EXIT.usage);
  const db = toDbError(err);
  if (db?.kind === "unavailable") return new CliError(`${db.message} (${process.env.DATABASE_URL ?? "default SQLite database"})`, EXIT.unavailable);
  if (db && db.kind !== "unknown") return new CliError(db.message, db.status === 422 ? EXIT.usage : EXIT.failure);
  return err;
}

/** An active run that no live engine executes. */
async function isOrphan(runId: string): Promise<boolean> {
  const run = await getPrisma().run.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run || !["queued", "running", "paused"].includes(run.status)) return false;
  return !(await runOwnerAlive(runId));
}

export function createLocalBackend(): Backend {
  configureEngineHost({ kind: "cli", logger: cliLogger(), adoptRuns: false });
  const actor = localActor();
  const prisma = () => getPrisma();
  let closed = false;

  const audit = async (action: string, targetType: string, targetId: string, extra: Record<string, unknown> = {}) => {
    try {
      await prisma().auditEntry.create({ data: { actorId: null, actorLabel: actor, action, targetType, targetId, ...extra } });
    } catch {
      // The action happened; a failed audit write must not turn it into an error.
    }
  };

  const backend: Backend = {
    mode: "local",
    target: `database ${process.env.DATABASE_URL ?? "file:./data/myrmex.db (default)"}`,
    executesRuns: "here",

    listProjects: (q) => listProjects({ status: q.status }),
    async getProject(slug) {
      return unwrap(await getProject(slug));
    },
    async createProject(input) {
      const project = unwrap(await createProjectBySlug(input, null));
      await audit("project.create", "project", project.id, { projectId: project.id, details: { template: input.template, via: "cli" } });
      return project;
    },
    async updateProject(slug, input) {
      const project = unwrap(await updateProjectBySlug(slug, input));
      await audit("project.update", "project", project.id, { projectId: project.id, details: { via: "cli" } });
      return project;
    },
    async changeProjectStatus(slug, action) {
      const res = unwrap(await changeProjectStatusBySlug(slug, action));
      await audit(`project.${action === "resume" ? "activate" : action}`, "project", res.project.id, { projectId: res.project.id, details: { via: "cli" } });
      return res;
    },
    async deleteProject(slug, input) {
      const res = unwrap(await deleteProjectBySlug(slug, input));
      await audit("project.delete", "project", res.id, { details: { name: res.name, deletedFiles: input.deleteFiles, via: "cli" } });
      return res;
    },
    async projectDependencies(slug) {
      return unwrap(await projectDependenciesBySlug(slug));
    },
    async setProjectDependency(slug, dependsOn, add) {
      // The service writes the audit entry, with this CLI as the actor.
      return unwrap(await (add ? addDependencyBySlug : removeDependencyBySlug)(slug, dependsOn, { userId: null, label: actor }));
    },
    async listWorkflows(q) {
      return unwrap(await listWorkflows(q));
    },
    async findWorkflow(ref, project) {
      if (project) unwrap(await getProject(project));
      const all = unwrap(await listWorkflows({ includeArchived: true }));
      return unwrap(resolveWorkflowRef(all, ref, project));
    },
    async importWorkflow(input) {
      const res = unwrap(await importWorkflow({ ...input, createdById: null }));
      if (!res.unchanged) {
        await audit(res.created ? "workflow.create" : "workflow.update", "workflow", res.workflow.id, {
          workflowId: res.workflow.id,
          projectId: res.workflow.project.id,
          details: { version: res.version, via: "cli import" },
        });
      }
      return res;
    },
    async exportWorkflow(q) {
      return unwrap(await exportWorkflow(q));
    },

    async startRun(input) {
      const res = await startWorkflowRun({ workflowId: input.workflowId, params: input.params, trigger: "cli", triggeredBy: actor });
      if (!res.ok) throw fromServiceError(res);
      await audit("run.start", "run", res.data.runId, { runId: res.data.runId, workflowId: input.workflowId, projectId: res.data.projectId });
      return { runId: res.data.runId };
    },
    async getRun(id) {
      return unwrap(await getRun(id));
    },
    listRuns: (q) => listRuns({ ...q, limit: q.limit ?? 50 }),
    async runEvents(id, after) {
      return unwrap(await listRunEvents(id, { after, limit: 500 }));
    },
    async controlRun(id, action) {
      // With no live owner (no server running), the CLI takes a run over to cancel it itself.
      if (action === "cancel" && (await isOrphan(id)) && (await adoptRun(id))) {
        const res = unwrap(await applyRunControl(id, action, actor));
        await (await getEngine()).waitForRun(id);
        await audit("run.cancel", "run", id, { runId: id });
        return res;
      }
      const res = unwrap(await applyRunControl(id, action, actor));
      await audit(`run.${action}`, "run", id, { runId: id, ...(res.deferred ? { details: { deferred: true } } : {}) });
      return res;
    },
    async previewRerun(id, stepId) {
      return unwrap(await previewRerun(id, stepId));
    },
    async rerunFrom(id, stepId) {
      const res = unwrap(await rerunRunFrom(id, stepId, actor));
      await audit("run.rerun", "run", id, { runId: id, details: { stepId, rerun: res.rerun, keep: res.keep } });
      return res;
    },
    async stepLogs(runId, q) {
      return unwrap(await getStepLogs(runId, q));
    },

    listPools: () => listPools(),
    async setPool(input) {
      const res = unwrap(await setPool(input, async (name, capacity) => (await currentEngine())?.setPoolCapacity(name, capacity)));
      await audit(res.created ? "pool.create" : "pool.update", "pool", input.name, { details: { capacity: input.capacity } });
      return res;
    },
    async deletePool(input) {
      unwrap(await deletePool(input, async (name) => (await currentEngine())?.setPoolCapacity(name, 0)));
      await audit("pool.delete", "pool", input.name);
    },

    status: () => systemStatus(),
    health: () => checkComponents(prisma()),
    healthHistory: (hours) => loadHealthHistory(prisma(), { rangeMs: hours * 3_600_000 }),
    async report(target, limit) {
      if ("runId" in target) return unwrap(await buildRunReport(target.runId));
      return unwrap(await buildWorkflowReport(target.workflowId, { limit }));
    },

    async ensureExamples() {
      await ensurePools(prisma());
      await seedExamples(prisma(), { port: process.env.PORT ?? "3000" });
      const project = await prisma().project.findUnique({ where: { slug: "examples" }, select: { slug: true } });
      if (!project) throw new CliError("The Examples project was deleted from this database; its workflows cannot be run.", EXIT.failure);
      return project.slug;
    },

    async close() {
      if (closed) return;
      closed = true;
      await stopEngine();
      await disconnectPrisma();
    },
  };
  return backend;
}

/** Starts this process's engine now (before a run is started, so start-up errors surface early). */
export async function warmEngine(): Promise<void> {
  await getEngine();
}
