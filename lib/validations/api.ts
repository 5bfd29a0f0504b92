/**
 * Shapes of what the REST API answers (and the CLI prints with `--json`), as
 * zod schemas. They are the single source of the DTO types used by the
 * services in lib/, of the OpenAPI document (lib/api/openapi.ts) and of the
 * remote CLI client. Timestamps are ISO 8601 strings (UTC, ms precision).
 */
import { z } from "zod";

export const isoDate = z.string().meta({ format: "date-time", description: "ISO 8601, UTC, millisecond precision" });

export const RUN_STATUSES = ["queued", "running", "paused", "succeeded", "failed", "cancelled"] as const;
export const TASK_STATUSES = ["pending", "waiting", "ready", "running", "succeeded", "failed", "skipped", "cancelled", "cached", "upstream_failed"] as const;
export const PROJECT_STATUSES = ["active", "paused", "archived"] as const;
export const RUN_TRIGGERS = ["ui", "cli", "api", "schedule"] as const;

export const runStatusSchema = z.enum(RUN_STATUSES);
export const taskStatusSchema = z.enum(TASK_STATUSES);
export const projectStatusSchema = z.enum(PROJECT_STATUSES);

export const errorSchema = z
  .object({
    error: z.string().describe("A message a person can act on; for 422 it names each field: `field: problem; …`."),
    details: z.unknown().optional().describe("Machine-readable detail: `{ issues: [{ path, message }] }` or `{ problems: [...] }`."),
  })
  .meta({ id: "Error" });

const lastRunSchema = z.object({ id: z.string(), status: runStatusSchema, queuedAt: isoDate, finishedAt: isoDate.nullable() });

export const projectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    status: projectStatusSchema,
    version: z.number().int().describe("increases with every save; send it back with PATCH to detect conflicting edits"),
    workflowCount: z.number().int(),
    lastRun: lastRunSchema.nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "Project" });
export type ProjectDto = z.infer<typeof projectSchema>;

const dependencyEdgeSchema = z.object({ slug: z.string(), name: z.string(), status: projectStatusSchema, since: isoDate });

/** A project's direct dependencies, both ways. */
export const projectDependenciesSchema = z
  .object({
    project: z.string().describe("the project's slug"),
    dependsOn: z.array(dependencyEdgeSchema).describe("the projects this one depends on"),
    dependents: z.array(dependencyEdgeSchema).describe("the projects that depend on this one"),
  })
  .meta({ id: "ProjectDependencies" });
export type ProjectDependenciesDto = z.infer<typeof projectDependenciesSchema>;

export const workflowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    archived: z.boolean(),
    project: z.object({ id: z.string(), slug: z.string(), name: z.string(), status: projectStatusSchema }),
    latestVersion: z.number().int().describe("0 when no version was saved yet"),
    stepCount: z.number().int(),
    lastRun: lastRunSchema.nullable(),
    updatedAt: isoDate,
  })
  .meta({ id: "Workflow" });
export type WorkflowDto = z.infer<typeof workflowSchema>;

export const workflowVersionSchema = z
  .object({ number: z.number().int(), createdAt: isoDate, createdBy: z.string().nullable(), stepCount: z.number().int() })
  .meta({ id: "WorkflowVersion" });
export type WorkflowVersionDto = z.infer<typeof workflowVersionSchema>;

export const validationProblemSchema = z
  .object({
    stepId: z.string().optional(),
    field: z.string().describe("Dotted field path inside the step (or the workflow); `(syntax)` for syntax errors."),
    message: z.string(),
    line: z.number().int().optional().describe("1-based line in the submitted text"),
  })
  .meta({ id: "ValidationProblem" });
export type ValidationProblemDto = z.infer<typeof validationProblemSchema>;

export const importResultSchema = z
  .object({
    workflow: workflowSchema,
    version: z.number().int(),
    created: z.boolean().describe("true when the workflow was created by this import"),
    unchanged: z.boolean().describe("true when the definition equals the latest version (no new version)"),
  })
  .meta({ id: "ImportResult" });
export type ImportResultDto = z.infer<typeof importResultSchema>;

export const exportSchema = z
  .object({ workflowId: z.string(), version: z.number().int(), format: z.enum(["yaml", "json"]), fileName: z.string(), text: z.string() })
  .meta({ id: "WorkflowExport" });
export type ExportDto = z.infer<typeof exportSchema>;

export const waitReasonSchema = z
  .union([
    z.object({ type: z.literal("dependencies"), waitingFor: z.array(z.string()) }),
    z.object({ type: z.literal("resource"), pool: z.string(), needed: z.number(), free: z.number(), capacity: z.number() }),
    z.object({ type: z.literal("concurrency"), scope: z.enum(["run", "global"]), limit: z.number() }),
    z.object({ type: z.literal("paused") }),
    z.object({ type: z.literal("backoff"), until: z.number().describe("epoch ms"), attempt: z.number().int() }),
  ])
  .meta({ id: "WaitReason" });

export const taskSchema = z
  .object({
    stepId: z.string(),
    name: z.string().nullable(),
    kind: z.string().nullable(),
    status: taskStatusSchema,
    attempts: z.number().int().describe("attempts started (0 before the first)"),
    dependsOn: z.array(z.string()),
    waitReason: waitReasonSchema.nullable(),
    queuedAt: isoDate.nullable(),
    startedAt: isoDate.nullable(),
    finishedAt: isoDate.nullable(),
    exitCode: z.number().int().nullable(),
    error: z.string().nullable(),
    cpuSeconds: z.number().nullable(),
    peakMemoryMb: z.number().nullable(),
  })
  .meta({ id: "Task" });
export type TaskDto = z.infer<typeof taskSchema>;

export const runSummarySchema = z
  .object({
    id: z.string(),
    status: runStatusSchema,
    trigger: z.enum(RUN_TRIGGERS),
    workflow: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
    project: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
    version: z.number().int(),
    queuedAt: isoDate,
    startedAt: isoDate.nullable(),
    finishedAt: isoDate.nullable(),
    stepsTotal: z.number().int(),
    stepsDone: z.number().int(),
  })
  .meta({ id: "RunSummary" });
export type RunSummaryDto = z.infer<typeof runSummarySchema>;

export const runSchema = runSummarySchema
  .extend({
    triggeredBy: z.string().nullable(),
    params: z.record(z.string(), z.string()),
    pausedAt: isoDate.nullable(),
    cancelledAt: isoDate.nullable(),
    error: z.string().nullable(),
    metrics: z.record(z.string(), z.unknown()).nullable().describe("makespanMs, criticalPath, criticalPathMs, totalQueueWaitMs, meanParallelism, attempts, counts"),
    lastEventSeq: z.number().int().describe("seq of the newest event; follow with /runs/{id}/events?after="),
    tasks: z.array(taskSchema),
  })
  .meta({ id: "Run" });
export type RunDto = z.infer<typeof runSchema>;

/** The answer of a rerun from a step: what runs again and what keeps its result (topological order). */
export const rerunOutcomeSchema = z
  .object({
    runId: z.string(),
    stepId: z.string().describe("the step the rerun starts from"),
    rerun: z.array(z.string()).describe("the step and every step downstream of it: they run again"),
    keep: z.array(z.string()).describe("every other step: keeps its status, attempts and outputs"),
  })
  .meta({ id: "RerunOutcome" });
export type RerunOutcomeDto = z.infer<typeof rerunOutcomeSchema>;

export const rerunPreviewSchema = rerunOutcomeSchema
  .extend({
    runStatus: runStatusSchema,
    blockers: z
      .array(z.object({ stepId: z.string(), status: z.string(), neededBy: z.string() }))
      .describe("kept dependencies that did not succeed: the rerun is refused while any is listed"),
    refusal: z.string().nullable().describe("why a rerun would be refused now; null when it may go"),
  })
  .meta({ id: "RerunPreview" });
export type RerunPreviewDto = z.infer<typeof rerunPreviewSchema>;

export const runEventSchema = z
  .object({
    seq: z.number().int(),
    ts: isoDate,
    type: z.string().describe("run.created | run.status | run.control | run.rerun | run.recovered | task.status"),
    data: z.record(z.string(), z.unknown()).describe("the event's payload (see docs/api.md)"),
  })
  .meta({ id: "RunEvent" });
export type RunEventDto = z.infer<typeof runEventSchema>;

export const logChunkSchema = z
  .object({ attempt: z.number().int(), seq: z.number().int(), stream: z.enum(["stdout", "stderr"]), ts: isoDate, text: z.string() })
  .meta({ id: "LogChunk" });

export const logPageSchema = z
  .object({
    runId: z.string(),
    stepId: z.string(),
    taskStatus: taskStatusSchema,
    chunks: z.array(logChunkSchema),
    cursor: z.string().nullable().describe("pass as ?cursor= to get only newer chunks"),
    done: z.boolean().describe("true when the step is final: no more output will come"),
  })
  .meta({ id: "LogPage" });
export type LogPageDto = z.infer<typeof logPageSchema>;

export const poolSchema = z
  .object({
    name: z.string(),
    capacity: z.number(),
    builtin: z.boolean(),
    description: z.string(),
    inUse: z.number().describe("held by running steps now"),
    holders: z.number().int(),
  })
  .meta({ id: "Pool" });
export type PoolDto = z.infer<typeof poolSchema>;

export const controlResultSchema = z
  .object({ ok: z.literal(true), runId: z.string(), action: z.enum(["pause", "resume", "cancel", "retry"]) })
  .meta({ id: "ControlResult" });
export type ControlResultDto = z.infer<typeof controlResultSchema>;

export const workerSchema = z.object({
  id: z.string(),
  kind: z.enum(["server", "cli", "worker"]),
  host: z.string(),
  pid: z.number().int(),
  startedAt: isoDate,
  heartbeatAt: isoDate,
  alive: z.boolean(),
  activeRuns: z.number().int(),
});

export const systemStatusSchema = z
  .object({
    generatedAt: isoDate,
    runs: z.object({ byStatus: z.record(z.string(), z.number().int()), active: z.array(runSummarySchema) }),
    steps: z.object({ byStatus: z.record(z.string(), z.number().int()).describe("steps of active runs") }),
    workers: z.array(workerSchema),
    pools: z.array(poolSchema),
    projects: z.object({ byStatus: z.record(z.string(), z.number().int()) }),
  })
  .meta({ id: "SystemStatus" });
export type SystemStatusDto = z.infer<typeof systemStatusSchema>;

export const healthStatusSchema = z.enum(["healthy", "degraded", "unhealthy"]);

export const componentHealthSchema = z
  .object({
    name: z.string(),
    status: healthStatusSchema,
    detail: z.string().describe("the reason for the status"),
    value: z.string().optional(),
    thresholds: z.string().optional(),
  })
  .meta({ id: "ComponentHealth" });

export const healthReportSchema = z
  .object({ status: healthStatusSchema, checkedAt: isoDate, components: z.array(componentHealthSchema) })
  .meta({ id: "HealthReport" });

export const livenessSchema = z.object({ status: z.enum(["ok", "unavailable"]), checkedAt: isoDate }).meta({ id: "Liveness" });
