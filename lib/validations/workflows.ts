import { z } from "zod";

/** Text formats a definition can be imported from / exported to. */
export const WORKFLOW_FORMATS = ["yaml", "json"] as const;

const slug = z
  .string()
  .trim()
  .min(1, "is required")
  .max(100, "is too long")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and '-'");

/** Import a YAML/JSON definition: creates the workflow, or a new version of it. */
export const importWorkflowSchema = z.strictObject({
  project: slug.describe("slug of the project to import into"),
  name: z.string().trim().min(1, "is required").max(200, "is too long").optional().describe("workflow name (default: the definition's name)"),
  source: z.string().min(1, "is required").max(5_000_000, "is too large (5 MB at most)").describe("the YAML or JSON text"),
  format: z.enum([...WORKFLOW_FORMATS, "auto"], { message: "must be yaml, json or auto" }).default("auto"),
});
export type ImportWorkflowInput = z.input<typeof importWorkflowSchema>;

export const exportWorkflowQuery = z.strictObject({
  format: z.enum(WORKFLOW_FORMATS, { message: "must be yaml or json" }).default("yaml"),
  version: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").optional(),
});

export const listWorkflowsQuery = z.strictObject({
  project: slug.optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
});

/** "Deploy Site" → "deploy-site"; "" when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}

/** Editor positions, kept out of the definition: `{ nodes: { [stepId]: { x, y } } }`. */
export const workflowLayoutSchema = z.strictObject({
  nodes: z.record(z.string(), z.strictObject({ x: z.number().finite(), y: z.number().finite() })),
});

/** Save from the editor: a new immutable version on top of `baseVersion` (optimistic concurrency). */
export const saveWorkflowVersionSchema = z.strictObject({
  workflowId: z.string().min(1, "is required"),
  baseVersion: z.number().int().min(0, "must be 0 or more"),
  source: z.string().min(1, "is required").max(5_000_000, "is too large (5 MB at most)"),
  format: z.enum(WORKFLOW_FORMATS, { message: "must be yaml or json" }),
  layout: workflowLayoutSchema,
});
export type SaveWorkflowVersionInput = z.infer<typeof saveWorkflowVersionSchema>;

/** A new, empty workflow from the editor ("New workflow" on a project page). */
export const createWorkflowSchema = z.strictObject({
  project: slug,
  name: z.string().trim().min(1, "is required").max(200, "is too long"),
});
export type CreateWorkflowInput = z.infer<typeof createWorkflowSchema>;
