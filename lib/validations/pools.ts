import { z } from "zod";

export const POOL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const poolNameSchema = z.string().trim().regex(POOL_NAME_PATTERN, "must be 1–64 letters, digits, '_', '-' or '.'");

/** Create a pool or change its capacity. */
export const setPoolSchema = z.strictObject({
  name: poolNameSchema,
  capacity: z.number({ message: "must be a number" }).min(0, "must be 0 or more").max(1_000_000_000, "is too large"),
  description: z.string().trim().max(500, "is too long").optional(),
});
export type SetPoolInput = z.input<typeof setPoolSchema>;

export const deletePoolSchema = z.strictObject({
  name: poolNameSchema,
  force: z.boolean().default(false).describe("delete even if workflows still ask for the pool"),
});
