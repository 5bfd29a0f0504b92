/**
 * Project changes through the REST API and the CLI (the browser's forms use
 * lib/validations/projects.ts, whose field rules these reuse).
 */
import { z } from "zod";
import { createProjectSchema, PROJECT_TEMPLATES, slugify, updateProjectSchema } from "./projects";

const fields = createProjectSchema.shape;

/** `POST /api/v1/projects`: the slug defaults to the name's, the template to `empty`. */
export const createProjectBody = z
  .strictObject({
    name: fields.name,
    slug: fields.slug.optional().describe("default: derived from the name"),
    description: fields.description,
    workingDir: fields.workingDir.describe("folder inside the projects root; default: the slug"),
    template: z.enum(PROJECT_TEMPLATES, { message: `must be one of ${PROJECT_TEMPLATES.join(", ")}` }).default("empty"),
  })
  .transform((v, ctx) => {
    const slug = v.slug ?? slugify(v.name);
    if (!slug) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "cannot be derived from the name: give one (lowercase letters, digits, dashes)" });
      return z.NEVER;
    }
    return { ...v, slug };
  });
export type CreateProjectBody = z.output<typeof createProjectBody>;

/** `PATCH /api/v1/projects/{slug}`: omitted fields keep their value; `version` is the one last read. */
export const updateProjectBody = z
  .strictObject({
    version: z.number({ message: "must be the project's version as last read (a whole number)" }).int("must be a whole number").min(1, "must be 1 or more"),
    name: updateProjectSchema.shape.name.optional(),
    description: z.string().trim().max(2000, "must be at most 2,000 characters").optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: "give a name or a description to change", path: ["name"] });
export type UpdateProjectBody = z.output<typeof updateProjectBody>;

/** The lifecycle moves a person can ask for (`resume` is the service's `activate`). */
export const PROJECT_ACTIONS = ["pause", "resume", "archive", "restore"] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** `POST /api/v1/projects/{slug}/status`. */
export const projectStatusBody = z.strictObject({
  action: z.enum(PROJECT_ACTIONS, { message: `must be one of ${PROJECT_ACTIONS.join(", ")}` }).describe("pause: active → paused; resume: paused → active; archive: → archived (read-only); restore: archived → active"),
});

/** `DELETE /api/v1/projects/{slug}?confirmName=…`: only archived projects. */
export const deleteProjectQuery = z.strictObject({
  confirmName: z.string({ message: "is required: the project's exact name" }).min(1, "is required: the project's exact name").describe("the project's exact name, as a safeguard"),
  deleteFiles: z.enum(["true", "false"], { message: "must be true or false" }).optional().describe("also delete the working folder inside the projects root"),
});
