/**
 * Remote mode: the CLI talks to a Myrmex server's REST API with a personal
 * token (`--server URL --token myx_…`, or MYRMEX_URL / MYRMEX_TOKEN). Runs
 * execute on the server; following one polls its event log. No database
 * code is loaded in this mode.
 */
import type { HealthReport } from "@/lib/health/components";
import type { Report } from "@/lib/reports/build-report";
import type {
  ExportDto,
  ImportResultDto,
  LogPageDto,
  PoolDto,
  ProjectDependenciesDto,
  ProjectDto,
  RerunOutcomeDto,
  RerunPreviewDto,
  RunDto,
  RunEventDto,
  RunSummaryDto,
  SystemStatusDto,
  WorkflowDto,
} from "@/lib/validations/api";
import type { HealthHistory } from "@/lib/validations/health-history";
import { resolveWorkflowRef } from "@/lib/workflows/resolve-ref";
import { CliError, EXIT, fromServiceError } from "../errors";
import type { Backend, ControlOutcome } from "./types";

const TIMEOUT_MS = 30_000;

type Query = Record<string, string | number | boolean | undefined>;

export function createRemoteBackend(opts: { url: string; token?: string }): Backend {
  let base: URL;
  try {
    base = new URL(opts.url);
    if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error("protocol");
  } catch {
    throw new CliError(`--server must be an http:// or https:// URL, got "${opts.url}".`, EXIT.usage);
  }
  if (!opts.token) {
    throw new CliError("Remote mode needs a token: pass --token myx_… or set MYRMEX_TOKEN (create one in Settings → API tokens).", EXIT.usage);
  }
  const root = base.toString().replace(/\/+$/, "");

  async function call<T>(method: string, path: string, init: { query?: Query; body?: unknown; accept?: string; okStatuses?: number[] } = {}): Promise<{ status: number; data: T }> {
    const url = new URL(`${root}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${opts.token}`,
          Accept: init.accept ?? "application/json",
          ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      const c = (err as { cause?: { code?: string; message?: string } }).cause;
      const cause = (err as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (c?.code ?? c?.message ?? (err as Error).message);
      throw new CliError(`Cannot reach the server at ${root} (${cause}). Is it running? Check --server / MYRMEX_URL.`, EXIT.unavailable);
    }
    const text = await res.text();
    let data: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json")) {
      try {
        data = JSON.parse(text);
      } catch {
        throw new CliError(`The server answered ${res.status} with invalid JSON.`, EXIT.failure);
      }
    }
    if (res.ok || init.okStatuses?.includes(res.status)) return { status: res.status, data: data as T };
    const body = (typeof data === "object" && data !== null ? data : {}) as { error?: string; details?: unknown };
    const message = body.error ?? `The server answered ${res.status} ${res.statusText}.`;
    const status = res.status;
    if (status === 400 || status === 401 || status === 403 || status === 404 || status === 409 || status === 422 || status === 503) {
      throw fromServiceError({ status, error: message, details: body.details });
    }
    throw new CliError(`${message} (HTTP ${status})`, EXIT.failure);
  }
  const get = async <T>(path: string, query?: Query) => (await call<T>("GET", path, { query })).data;
  const enc = encodeURIComponent;

  return {
    mode: "remote",
    target: `server ${root}`,
    executesRuns: "server",

    async listProjects(q) {
      return (await get<{ projects: ProjectDto[] }>("/api/v1/projects", { status: q.status?.join(",") })).projects;
    },
    getProject: (slug) => get<ProjectDto>(`/api/v1/projects/${enc(slug)}`),
    async createProject(input) {
      return (await call<ProjectDto>("POST", "/api/v1/projects", { body: input })).data;
    },
    async updateProject(slug, input) {
      return (await call<ProjectDto>("PATCH", `/api/v1/projects/${enc(slug)}`, { body: input })).data;
    },
    async changeProjectStatus(slug, action) {
      return (await call<{ project: ProjectDto; dependents: string[] }>("POST", `/api/v1/projects/${enc(slug)}/status`, { body: { action } })).data;
    },
    async deleteProject(slug, input) {
      const query = { confirmName: input.confirmName, deleteFiles: input.deleteFiles ? "true" : undefined };
      return (await call<{ id: string; slug: string; name: string }>("DELETE", `/api/v1/projects/${enc(slug)}`, { query })).data;
    },
    projectDependencies: (slug) => get<ProjectDependenciesDto>(`/api/v1/projects/${enc(slug)}/dependencies`),
    async setProjectDependency(slug, dependsOn, add) {
      return (await call<ProjectDependenciesDto>(add ? "PUT" : "DELETE", `/api/v1/projects/${enc(slug)}/dependencies/${enc(dependsOn)}`)).data;
    },
    async listWorkflows(q) {
      return (await get<{ workflows: WorkflowDto[] }>("/api/v1/workflows", { project: q.project, includeArchived: q.includeArchived ? "true" : undefined })).workflows;
    },
    async findWorkflow(ref, project) {
      if (project) await get<ProjectDto>(`/api/v1/projects/${enc(project)}`);
      const all = (await get<{ workflows: WorkflowDto[] }>("/api/v1/workflows", { includeArchived: "true" })).workflows;
      const res = resolveWorkflowRef(all, ref, project);
      if (!res.ok) throw fromServiceError(res);
      return res.data;
    },
    async importWorkflow(input) {
      return (await call<ImportResultDto>("POST", "/api/v1/workflows", { body: input })).data;
    },
    async exportWorkflow(q) {
      return (await call<ExportDto>("GET", `/api/v1/workflows/${enc(q.workflowId)}/export`, { query: { format: q.format, version: q.version } })).data;
    },

    async startRun(input) {
      return (await call<{ runId: string }>("POST", `/api/v1/workflows/${enc(input.workflowId)}/runs`, { body: { params: input.params } })).data;
    },
    getRun: (id) => get<RunDto>(`/api/v1/runs/${enc(id)}`),
    async listRuns(q) {
      return (await get<{ runs: RunSummaryDto[] }>("/api/v1/runs", { status: q.status?.join(","), project: q.project, workflow: q.workflow, limit: q.limit })).runs;
    },
    async runEvents(id, after) {
      return (await get<{ events: RunEventDto[] }>(`/api/v1/runs/${enc(id)}/events`, { after, limit: 500 })).events;
    },
    previewRerun: (id, stepId) => get<RerunPreviewDto>(`/api/v1/runs/${enc(id)}/rerun`, { from: stepId }),
    async rerunFrom(id, stepId) {
      return (await call<RerunOutcomeDto>("POST", `/api/v1/runs/${enc(id)}/rerun`, { body: { from: stepId } })).data;
    },
    async controlRun(id, action) {
      return (await call<ControlOutcome>("POST", `/api/v1/runs/${enc(id)}/${action}`)).data;
    },
    stepLogs: (runId, q) => get<LogPageDto>(`/api/v1/runs/${enc(runId)}/logs`, { step: q.step, attempt: q.attempt, cursor: q.cursor }),

    async listPools() {
      return (await get<{ pools: PoolDto[] }>("/api/v1/pools")).pools;
    },
    async setPool(input) {
      const res = await call<PoolDto>("PUT", `/api/v1/pools/${enc(input.name)}`, {
        body: { capacity: input.capacity, ...(input.description !== undefined ? { description: input.description } : {}) },
      });
      return { pool: res.data, created: res.status === 201 };
    },
    async deletePool(input) {
      await call("DELETE", `/api/v1/pools/${enc(input.name)}`, { query: { force: input.force ? "true" : undefined } });
    },

    status: () => get<SystemStatusDto>("/api/v1/status"),
    async health() {
      // 503 still carries the report.
      return (await call<HealthReport>("GET", "/api/health/ready", { okStatuses: [503] })).data;
    },
    healthHistory: (hours) => get<HealthHistory>("/api/v1/health/history", { hours }),
    async report(target, limit) {
      const path = "runId" in target ? `/api/v1/runs/${enc(target.runId)}/report` : `/api/v1/workflows/${enc(target.workflowId)}/report`;
      return get<Report>(path, { format: "json", limit });
    },

    async ensureExamples() {
      const res = await call<ProjectDto>("GET", "/api/v1/projects/examples", { okStatuses: [404] });
      if (res.status === 404) throw new CliError("The server has no Examples project (it was deleted).", EXIT.failure);
      return "examples";
    },
    async close() {},
  };
}
