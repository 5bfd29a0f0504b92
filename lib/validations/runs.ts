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
