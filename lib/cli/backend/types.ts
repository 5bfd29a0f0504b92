/**
 * What the CLI needs from Myrmex, implemented twice: `local` (the database of
 * DATABASE_URL through lib/, runs executed by an engine in this process) and
 * `remote` (the REST API with a token). Both return the same DTOs
 * (lib/validations/api.ts) and throw the same CliErrors, so every command
 * prints the same output in both modes.
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
import type { CreateProjectBody, ProjectAction, UpdateProjectBody } from "@/lib/validations/project-api";
import type { ApiRunControl } from "@/lib/validations/runs";

export type Mode = "local" | "remote";

export interface ControlOutcome {
  runId: string;
  action: ApiRunControl;
  deferred: boolean;
  ownerAlive: boolean;
}

export interface Backend {
  readonly mode: Mode;
  /** "database file:/…/myrmex.db" or "server http://…". */
  readonly target: string;
  /**
   * Where runs started here execute: local = in this process (they stop when
   * it exits unless a server takes them over), remote = on the server.
   */
  readonly executesRuns: "here" | "server";

  listProjects(q: { status?: ProjectDto["status"][] }): Promise<ProjectDto[]>;
  getProject(slug: string): Promise<ProjectDto>;
  /** Input already validated with the API's schemas (lib/validations/project-api.ts). */
  createProject(input: CreateProjectBody): Promise<ProjectDto>;
  updateProject(slug: string, input: UpdateProjectBody): Promise<ProjectDto>;
  changeProjectStatus(slug: string, action: ProjectAction): Promise<{ project: ProjectDto; dependents: string[] }>;
  deleteProject(slug: string, input: { confirmName: string; deleteFiles: boolean }): Promise<{ id: string; slug: string; name: string }>;
  projectDependencies(slug: string): Promise<ProjectDependenciesDto>;
  /** Adds (`add`) or removes the dependency of `slug` on `dependsOn`; answers the dependencies now. */
  setProjectDependency(slug: string, dependsOn: string, add: boolean): Promise<ProjectDependenciesDto>;
  listWorkflows(q: { project?: string; includeArchived?: boolean }): Promise<WorkflowDto[]>;
  /** Resolves a name, slug or id (within `project` when given). */
  findWorkflow(ref: string, project?: string): Promise<WorkflowDto>;
  importWorkflow(input: { project: string; name?: string; source: string; format: "yaml" | "json" | "auto" }): Promise<ImportResultDto>;
  exportWorkflow(q: { workflowId: string; version?: number; format: "yaml" | "json" }): Promise<ExportDto>;

  startRun(input: { workflowId: string; params: Record<string, string> }): Promise<{ runId: string }>;
  getRun(id: string): Promise<RunDto>;
  listRuns(q: { status?: RunSummaryDto["status"][]; project?: string; workflow?: string; limit?: number }): Promise<RunSummaryDto[]>;
  runEvents(id: string, after: number): Promise<RunEventDto[]>;
  controlRun(id: string, action: ApiRunControl): Promise<ControlOutcome>;
  /** What a rerun of a finished run from `stepId` would run again and keep (changes nothing). */
  previewRerun(id: string, stepId: string): Promise<RerunPreviewDto>;
  /** Reruns a finished run from `stepId`: the step and everything downstream of it run again. */
  rerunFrom(id: string, stepId: string): Promise<RerunOutcomeDto>;
  stepLogs(runId: string, q: { step: string; attempt?: number; cursor?: string }): Promise<LogPageDto>;

  listPools(): Promise<PoolDto[]>;
  setPool(input: { name: string; capacity: number; description?: string }): Promise<{ pool: PoolDto; created: boolean }>;
  deletePool(input: { name: string; force: boolean }): Promise<void>;

  status(): Promise<SystemStatusDto>;
  health(): Promise<HealthReport>;
  /** What the server recorded over the last `hours` (the Health page's history). */
  healthHistory(hours: number): Promise<HealthHistory>;
  report(target: { runId: string } | { workflowId: string }, limit?: number): Promise<Report>;

  /**
   * Local mode: the examples need seeding in a fresh database; returns the
   * Examples project's slug. Remote: the server seeded them at start-up.
   */
  ensureExamples(): Promise<string>;
  /** Hands running work over (local) and closes connections. Safe to call twice. */
  close(): Promise<void>;
}
