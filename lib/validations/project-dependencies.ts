import { z } from "zod";

/** One edge: `projectId` depends on `dependsOnId`. */
export const dependencyEdgeSchema = z.object({
  projectId: z.string().trim().min(1, "is required").max(64, "is too long"),
  dependsOnId: z.string().trim().min(1, "is required: choose a project").max(64, "is too long"),
});
export type DependencyEdgeInput = z.output<typeof dependencyEdgeSchema>;
