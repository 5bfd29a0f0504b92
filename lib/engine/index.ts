/**
 * Public API of the orchestration engine (pure TypeScript: no Next.js,
 * React or Prisma). See docs/workflow-format.md for the definition format
 * and `store.ts` for the persistence port.
 */
export * from "./store";
export { MemoryStore, type MemoryStoreOptions } from "./memory-store";
export * from "./definition";
export { validateWorkflow, CPU_POOL, MEMORY_POOL, type ValidateOptions, type ValidationProblem, type ValidationResult } from "./validate";
export {
  parseWorkflowText,
  loadWorkflow,
  locateProblems,
  stringifyWorkflow,
  detectFormat,
  type WorkflowFormat,
  type ParseResult,
  type LoadResult,
  type SyntaxProblem,
} from "./parse";
export { workflowJsonSchema, workflowJsonSchemaText, writeWorkflowJsonSchema, WORKFLOW_SCHEMA_PATH } from "./json-schema";
export { buildDag, topoSort, findCycles, type DagIndex, type GraphStep } from "./graph";
export { planWorkflow, type Plan, type PlanStep } from "./plan";
export { ResourcePools, type PoolInfo, type ResourceRequest, type AcquireResult, type AllocationHolder } from "./resources";
export { backoffDelayMs, shouldRetry, type AttemptFailure } from "./retry";
export { RealClock, FakeClock, type Clock, type TimerHandle } from "./clock";
export {
  EventBus,
  silentLogger,
  type EngineEvent,
  type RunEvent,
  type RunEventBody,
  type SideEvent,
  type EngineListener,
  type Logger,
  type Actor,
  type RunControlAction,
  type LostAttemptReport,
} from "./events";
export { derivedWaitReason, liveWaitReason, type DispatchSnapshot } from "./wait-reasons";
export type { ControlResult } from "./controls";
export { planRerunFrom, rerunBlockers, describeRerunBlockers, type RerunPlan, type RerunBlocker, type RerunStep } from "./rerun";
export {
  Engine,
  type EngineOptions,
  type StartRunInput,
  type StartRunResult,
  type RecoveryReport,
} from "./engine";
export { buildRunView, type RunView, type TaskView } from "./run-view";
export { simulateWorkflow, type SimulationOptions, type SimulationResult } from "./simulate";
export { renderTemplate, templateRefs, type TemplateRef, type TemplateScope } from "./template";
export type {
  Executor,
  ExecutorRegistry,
  ExecutionContext,
  StepOutcome,
  FailureReason,
  AttemptUsage,
  AttemptProcess,
  LostAttempt,
  OrphanOutcome,
} from "./executors/types";
export { defaultExecutors, type DefaultExecutorsOptions } from "./executors/registry";
export { createShellExecutor, parseOutputLines, type ShellExecutorOptions } from "./executors/shell";
export { terminateLostAttempt, type TerminateOptions } from "./executors/orphans";
export { createHttpExecutor, type HttpExecutorOptions } from "./executors/http";
export { createDelayExecutor } from "./executors/delay";
export { noopExecutor } from "./executors/noop";
