import { z } from "zod";

export const PROJECT_TEMPLATES = ["empty", "web-app", "data-pipeline", "analysis"] as const;
export type ProjectTemplate = (typeof PROJECT_TEMPLATES)[number];

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** "My Web App!" → "my-web-app" */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
const description = z.string().trim().max(2000, "must be at most 2,000 characters").default("");
const slug = z
  .string()
  .trim()
  .regex(SLUG_PATTERN, "must be 1–64 lowercase letters, digits or dashes, not starting or ending with a dash");

export const createProjectSchema = z.object({
  name,
  slug,
  description,
  /** Relative to the projects root; empty = the slug. */
  workingDir: z.string().trim().max(300, "must be at most 300 characters").default(""),
  template: z.enum(PROJECT_TEMPLATES, { message: `must be one of ${PROJECT_TEMPLATES.join(", ")}` }),
});
export type CreateProjectInput = z.output<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  projectId: z.string().min(1),
  /** The version the editor loaded: a save against a newer version is a conflict. */
  version: z.coerce.number().int().min(1),
  name,
  description,
});

export const PROJECT_TRANSITIONS = ["pause", "activate", "archive", "restore"] as const;
export type ProjectTransition = (typeof PROJECT_TRANSITIONS)[number];

export const changeStatusSchema = z.object({
  projectId: z.string().min(1),
  transition: z.enum(PROJECT_TRANSITIONS, { message: `must be one of ${PROJECT_TRANSITIONS.join(", ")}` }),
});

export const deleteProjectSchema = z.object({
  projectId: z.string().min(1),
  confirmName: z.string(),
  deleteFiles: z.boolean().default(false),
});

export const PROJECT_SORTS = ["name", "last-run", "success-rate"] as const;
export const projectListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["active", "paused", "archived", "all"]).optional().catch(undefined),
  sort: z.enum(PROJECT_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
