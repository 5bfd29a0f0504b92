import { z } from "zod";

export const RUN_CONTROLS = ["pause", "resume", "cancel"] as const;
export type RunControl = (typeof RUN_CONTROLS)[number];

const id = z.string().trim().min(1, "is required").max(64, "is too long");

export const startRunSchema = z.strictObject({
  workflowId: id,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type StartRunInput = z.input<typeof startRunSchema>;

export const controlRunSchema = z.strictObject({
  runId: id,
  control: z.enum(RUN_CONTROLS, { message: `must be one of ${RUN_CONTROLS.join(", ")}` }),
});
export type ControlRunInput = z.input<typeof controlRunSchema>;

/** "field: problem; field: problem" for a person to act on. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "input"}: ${i.message}`).join("; ");
}

/** Every control the API accepts (`retry` re-runs the failed steps of a failed or cancelled run). */
export const API_RUN_CONTROLS = ["pause", "resume", "cancel", "retry"] as const;
export type ApiRunControl = (typeof API_RUN_CONTROLS)[number];

const RUN_STATUS_VALUES = ["queued", "running", "paused", "succeeded", "failed", "cancelled"] as const;

/** Filters of the runs list (query string). */
export const listRunsQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .describe(`comma-separated: ${RUN_STATUS_VALUES.join(", ")}`)
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(",").map((x) => x.trim()).filter(Boolean);
      const bad = list.filter((x) => !(RUN_STATUS_VALUES as readonly string[]).includes(x));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `unknown status ${bad.join(", ")} (one or more of ${RUN_STATUS_VALUES.join(", ")}, comma-separated)` });
        return z.NEVER;
      }
      return list as (typeof RUN_STATUS_VALUES)[number][];
    }),
  project: z.string().trim().min(1).max(100).optional(),
  workflow: z.string().trim().min(1).max(64).optional().describe("workflow id"),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(500, "must be at most 500").default(50),
});
export type ListRunsQuery = z.output<typeof listRunsQuery>;

export const runEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0, "must be 0 or more").default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const runLogsQuery = z.strictObject({
  step: z.string().trim().min(1, "is required").max(128),
  attempt: z.coerce.number().int().min(1).optional().describe("only this attempt (default: every attempt)"),
  cursor: z
    .string()
    .regex(/^\d+:\d+$/, "must look like ATTEMPT:SEQ (from a previous page)")
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

const stepIdField = z.string({ message: "is required" }).trim().min(1, "is required").max(128, "is too long");

/** `GET /api/v1/runs/:id/rerun?from=STEP`: the preview of a rerun. */
export const rerunPreviewQuery = z.strictObject({ from: stepIdField.describe("the step to rerun from") });

/** `POST /api/v1/runs/:id/rerun`: rerun the step `from` and everything downstream of it. */
export const rerunBody = z.strictObject({ from: stepIdField.describe("the step to rerun from") });
