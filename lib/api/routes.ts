/**
 * Every documented REST route: method, path, role, the zod schemas of its
 * query and body (those the handler validates with) and of its answers
 * (lib/validations/api.ts). ./openapi.ts turns the list into the OpenAPI
 * document, the API docs page lists it, and a unit test checks that each
 * entry has a route handler exporting that method.
 */
import { z } from "zod";
import { listWorkflowsQuery, importWorkflowSchema, exportWorkflowQuery } from "@/lib/validations/workflows";
import { listRunsQuery, rerunBody, rerunPreviewQuery, runEventsQuery, runLogsQuery, startRunSchema } from "@/lib/validations/runs";
import { reportQuery } from "@/lib/validations/reports";
import { setPoolSchema } from "@/lib/validations/pools";
import { projectsQuery } from "@/lib/validations/project-filters";
import { createProjectBody, deleteProjectQuery, projectStatusBody, updateProjectBody } from "@/lib/validations/project-api";
import { runsFilterSchema, stepDetailQuery, stepLogQuery } from "@/lib/validations/live-runs";
import * as dto from "@/lib/validations/api";
import { healthHistoryQuery, healthHistorySchema } from "@/lib/validations/health-history";

export type Role = "public" | "viewer" | "editor";

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Other media types than JSON (text/csv …), described in words. */
  media?: string[];
}

export interface RouteSpec {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path under the server URL, e.g. `/api/v1/runs/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  role: Role;
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
}

const list = <T extends z.ZodType>(key: string, item: T) => z.object({ [key]: z.array(item) });

const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["admin", "editor", "viewer"]),
  effectiveRole: z.enum(["admin", "editor", "viewer"]),
  via: z.enum(["session", "token"]),
  readOnly: z.boolean(),
});

const controlOutcome = z.object({
  ok: z.literal(true),
  runId: z.string(),
  action: z.enum(["pause", "resume", "cancel", "retry"]),
  deferred: z.boolean().describe("another process executes the run and applies the request within about a second"),
  ownerAlive: z.boolean(),
});

const reportMedia = ["text/csv", "text/html"];

export const API_ROUTES: RouteSpec[] = [
  { method: "get", path: "/api/health", tag: "Health", role: "public", summary: "Liveness (anonymous, minimal)", responses: { 200: { description: "serving", schema: dto.livenessSchema }, 503: { description: "the database does not answer", schema: dto.livenessSchema } } },
  { method: "get", path: "/api/health/ready", tag: "Health", role: "viewer", summary: "Readiness: every component with status, reason and thresholds", responses: { 200: { description: "healthy or degraded", schema: dto.healthReportSchema }, 503: { description: "unhealthy", schema: dto.healthReportSchema } } },
  {
    method: "get",
    path: "/api/v1/health/history",
    tag: "Health",
    role: "viewer",
    summary: "Recorded health over time (the Health page's chart)",
    description: "Each server records its health every 30 s and keeps 7 days. Buckets count the samples per overall status; a bucket without samples means no server was running.",
    query: healthHistoryQuery,
    responses: { 200: { description: "the history", schema: healthHistorySchema } },
  },
  { method: "get", path: "/api/v1/me", tag: "Account", role: "viewer", summary: "Who the credentials act as", responses: { 200: { description: "the principal", schema: me } } },
  { method: "get", path: "/api/v1/status", tag: "System", role: "viewer", summary: "System status: runs and steps by state, active runs, engines, pools, projects", responses: { 200: { description: "status", schema: dto.systemStatusSchema } } },
  { method: "get", path: "/api/v1/openapi.json", tag: "System", role: "viewer", summary: "This document", responses: { 200: { description: "OpenAPI 3.1", schema: z.record(z.string(), z.unknown()) } } },

  { method: "get", path: "/api/v1/projects", tag: "Projects", role: "viewer", summary: "List projects", query: projectsQuery, responses: { 200: { description: "projects by name", schema: list("projects", dto.projectSchema) } } },
  { method: "get", path: "/api/v1/projects/{slug}", tag: "Projects", role: "viewer", summary: "Get a project", pathParams: { slug: "project slug" }, responses: { 200: { description: "the project", schema: dto.projectSchema } } },
  {
    method: "post",
    path: "/api/v1/projects",
    tag: "Projects",
    role: "editor",
    summary: "Create a project from a template",
    description: "The slug defaults to the name's (`My Web App` → `my-web-app`), the template to `empty`; the template's workflows and sample files are created with it. A slug already in use is a 409 naming `slug`.",
    body: createProjectBody,
    responses: { 201: { description: "created", schema: dto.projectSchema }, 409: { description: "the slug is already used by another project" } },
  },
  {
    method: "patch",
    path: "/api/v1/projects/{slug}",
    tag: "Projects",
    role: "editor",
    summary: "Rename or re-describe a project (optimistic concurrency)",
    description: "Send the `version` you last read; if anyone saved since, nothing is changed and the answer is 409. Omitted fields keep their value. Archived projects are read-only (409).",
    pathParams: { slug: "project slug" },
    body: updateProjectBody,
    responses: { 200: { description: "saved; the project with its new version", schema: dto.projectSchema }, 409: { description: "someone saved since `version`, or the project is archived" } },
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/dependencies",
    tag: "Projects",
    role: "viewer",
    summary: "The projects this one depends on, and those that depend on it",
    pathParams: { slug: "project slug" },
    responses: { 200: { description: "direct dependencies both ways, oldest first", schema: dto.projectDependenciesSchema } },
  },
  {
    method: "put",
    path: "/api/v1/projects/{slug}/dependencies/{dependsOn}",
    tag: "Projects",
    role: "editor",
    summary: "Make the project depend on another",
    description: "Refused with 409 when it is already listed or would close a cycle (the message names the cycle as a path, `A → B → C → A`), with 422 for the project itself or an archived project.",
    pathParams: { slug: "project slug", dependsOn: "slug of the project to depend on" },
    responses: { 201: { description: "added; the dependencies now", schema: dto.projectDependenciesSchema }, 409: { description: "already listed, a cycle, or this project is archived" } },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{slug}/dependencies/{dependsOn}",
    tag: "Projects",
    role: "editor",
    summary: "Remove a dependency",
    pathParams: { slug: "project slug", dependsOn: "slug of the project depended on" },
    responses: { 200: { description: "removed; the dependencies now", schema: dto.projectDependenciesSchema }, 409: { description: "this project is archived" } },
  },
  {
    method: "post",
    path: "/api/v1/projects/{slug}/status",
    tag: "Projects",
    role: "editor",
    summary: "Pause, resume, archive or restore a project",
    description: "Paused projects start no new runs; archived ones are read-only and hidden from lists unless asked for. `dependents` names projects that depend on this one.",
    pathParams: { slug: "project slug" },
    body: projectStatusBody,
    responses: {
      200: { description: "the project in its new status", schema: z.object({ project: dto.projectSchema, dependents: z.array(z.string()).describe("names of projects that depend on this one") }) },
      409: { description: "not possible from the project's status (e.g. pausing an archived project)" },
    },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{slug}",
    tag: "Projects",
    role: "editor",
    summary: "Delete an archived project with its workflows, runs and logs",
    description: "Only archived projects; `confirmName` must be the project's exact name (422 naming `confirmName` otherwise). `deleteFiles=true` also removes its folder inside the projects root.",
    pathParams: { slug: "project slug" },
    query: deleteProjectQuery,
    responses: { 200: { description: "deleted", schema: z.object({ id: z.string(), slug: z.string(), name: z.string() }) }, 409: { description: "the project is not archived" } },
  },

  { method: "get", path: "/api/v1/workflows", tag: "Workflows", role: "viewer", summary: "List workflows", query: listWorkflowsQuery, responses: { 200: { description: "workflows by project and name", schema: list("workflows", dto.workflowSchema) } } },
  {
    method: "post",
    path: "/api/v1/workflows",
    tag: "Workflows",
    role: "editor",
    summary: "Import a YAML/JSON definition (creates the workflow or a new version)",
    description: "Validates the whole definition first; a 422 lists every problem with its step, field and line in `details.problems`.",
    body: importWorkflowSchema,
    responses: { 200: { description: "a new version (or `unchanged`)", schema: dto.importResultSchema }, 201: { description: "workflow created", schema: dto.importResultSchema }, 409: { description: "the project is archived" } },
  },
  { method: "get", path: "/api/v1/workflows/{id}", tag: "Workflows", role: "viewer", summary: "Get a workflow", pathParams: { id: "workflow id" }, responses: { 200: { description: "the workflow", schema: dto.workflowSchema } } },
  { method: "get", path: "/api/v1/workflows/{id}/versions", tag: "Workflows", role: "viewer", summary: "List versions, newest first", pathParams: { id: "workflow id" }, responses: { 200: { description: "versions", schema: list("versions", dto.workflowVersionSchema) } } },
  {
    method: "get",
    path: "/api/v1/workflows/{id}/export",
    tag: "Workflows",
    role: "viewer",
    summary: "Export a version as YAML or JSON",
    description: "The file itself (application/yaml or application/json attachment); with `Accept: application/json`, a JSON envelope holding the text.",
    pathParams: { id: "workflow id" },
    query: exportWorkflowQuery,
    responses: { 200: { description: "the definition", schema: dto.exportSchema, media: ["application/yaml"] } },
  },
  {
    method: "post",
    path: "/api/v1/workflows/{id}/runs",
    tag: "Runs",
    role: "editor",
    summary: "Start a run of the latest version",
    pathParams: { id: "workflow id" },
    body: startRunSchema.omit({ workflowId: true }),
    responses: { 201: { description: "started", schema: z.object({ runId: z.string() }) }, 409: { description: "workflow or project archived/paused, or no version" } },
  },
  { method: "get", path: "/api/v1/workflows/{id}/report", tag: "Reports", role: "viewer", summary: "Performance report of the workflow's recent runs", pathParams: { id: "workflow id" }, query: reportQuery, responses: { 200: { description: "JSON report, or CSV/HTML with ?format=", schema: z.record(z.string(), z.unknown()), media: reportMedia } } },

  { method: "get", path: "/api/v1/runs", tag: "Runs", role: "viewer", summary: "List runs, newest first", query: listRunsQuery, responses: { 200: { description: "runs", schema: list("runs", dto.runSummarySchema) } } },
  {
    method: "get",
    path: "/api/v1/runs/search",
    tag: "Runs",
    role: "viewer",
    summary: "A page of the runs list as the Runs page shows it (filters, 25 per page, step progress, who started each run)",
    query: runsFilterSchema,
    responses: { 200: { description: "a page of runs", schema: z.record(z.string(), z.unknown()) } },
  },
  { method: "get", path: "/api/v1/runs/{id}", tag: "Runs", role: "viewer", summary: "Get a run with every step", pathParams: { id: "run id" }, responses: { 200: { description: "the run", schema: dto.runSchema } } },
  ...(["pause", "resume", "cancel", "retry"] as const).map(
    (action): RouteSpec => ({
      method: "post",
      path: `/api/v1/runs/{id}/${action}`,
      tag: "Runs",
      role: "editor",
      summary:
        action === "retry"
          ? "Re-run the failed, upstream-failed and cancelled steps of a failed or cancelled run"
          : `${action[0]!.toUpperCase()}${action.slice(1)} a run`,
      pathParams: { id: "run id" },
      responses: { 200: { description: "applied (or deferred to the owning process)", schema: controlOutcome }, 409: { description: "not possible in the run's state" } },
    }),
  ),
  {
    method: "get",
    path: "/api/v1/runs/{id}/rerun",
    tag: "Runs",
    role: "viewer",
    summary: "Preview a rerun from a step: which steps would run again, which keep their results, and whether it may go now",
    pathParams: { id: "run id" },
    query: rerunPreviewQuery,
    responses: { 200: { description: "the preview", schema: dto.rerunPreviewSchema } },
  },
  {
    method: "post",
    path: "/api/v1/runs/{id}/rerun",
    tag: "Runs",
    role: "editor",
    summary: "Rerun a finished run from a step: the step and everything downstream of it run again, the other steps keep their results",
    pathParams: { id: "run id" },
    body: rerunBody,
    responses: { 200: { description: "rerunning", schema: dto.rerunOutcomeSchema }, 409: { description: "the run has not finished, or a kept dependency did not succeed" } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/events",
    tag: "Runs",
    role: "viewer",
    summary: "The run's ordered events (JSON page, or Server-Sent Events)",
    description: "With `Accept: text/event-stream`: an SSE stream (event id = seq; resume with Last-Event-ID) that ends after the run's final status.",
    pathParams: { id: "run id" },
    query: runEventsQuery,
    responses: { 200: { description: "events after `after`", schema: list("events", dto.runEventSchema), media: ["text/event-stream"] } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/live",
    tag: "Runs",
    role: "viewer",
    summary: "The run as the run page shows it (steps with definition details, every attempt, epoch-ms times) and lastEventSeq",
    pathParams: { id: "run id" },
    responses: { 200: { description: "the live view", schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/stream",
    tag: "Runs",
    role: "viewer",
    summary: "The run page's Server-Sent Events: events after Last-Event-ID or ?after=SEQ, `hint` messages for new output, `end` after the final status",
    pathParams: { id: "run id" },
    responses: { 200: { description: "an SSE stream", media: ["text/event-stream"] } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/steps/{stepId}",
    tag: "Runs",
    role: "viewer",
    summary: "One step of a run: attempts (exit code, HTTP status, error, outputs, CPU, memory), state history and CPU/memory samples of an attempt",
    pathParams: { id: "run id", stepId: "step id" },
    query: stepDetailQuery,
    responses: { 200: { description: "the step", schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/steps/{stepId}/log",
    tag: "Runs",
    role: "viewer",
    summary: "Output of one attempt (default the latest) in ~512 KB pages: ?after=SEQ forward, ?before=SEQ backward; ?download=1 for the whole text file",
    pathParams: { id: "run id", stepId: "step id" },
    query: stepLogQuery,
    responses: { 200: { description: "a page of output (or the file)", schema: z.record(z.string(), z.unknown()), media: ["text/plain"] } },
  },
  { method: "get", path: "/api/v1/runs/{id}/logs", tag: "Runs", role: "viewer", summary: "Output of one step, after a cursor", pathParams: { id: "run id" }, query: runLogsQuery, responses: { 200: { description: "a page of output", schema: dto.logPageSchema } } },
  { method: "get", path: "/api/v1/runs/{id}/report", tag: "Reports", role: "viewer", summary: "Performance report of a run", pathParams: { id: "run id" }, query: reportQuery, responses: { 200: { description: "JSON report, or CSV/HTML with ?format=", schema: z.record(z.string(), z.unknown()), media: reportMedia } } },

  { method: "get", path: "/api/v1/pools", tag: "Pools", role: "viewer", summary: "List pools with current use", responses: { 200: { description: "pools", schema: list("pools", dto.poolSchema) } } },
  {
    method: "put",
    path: "/api/v1/pools/{name}",
    tag: "Pools",
    role: "editor",
    summary: "Create a pool or change its capacity",
    description: "Applies to live runs at once on this server and within seconds on every other engine.",
    pathParams: { name: "pool name" },
    body: setPoolSchema.omit({ name: true }),
    responses: { 200: { description: "updated", schema: dto.poolSchema }, 201: { description: "created", schema: dto.poolSchema }, 409: { description: "built-in pool" } },
  },
  {
    method: "delete",
    path: "/api/v1/pools/{name}",
    tag: "Pools",
    role: "editor",
    summary: "Delete a pool",
    pathParams: { name: "pool name" },
    query: z.strictObject({ force: z.enum(["true", "false"]).optional().describe("delete even if workflows ask for the pool") }),
    responses: { 200: { description: "deleted", schema: z.object({ name: z.string() }) }, 409: { description: "built-in, held by running steps, or used by workflows" } },
  },
];
