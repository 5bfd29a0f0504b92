import { z } from "zod";

const STATUSES = ["active", "paused", "archived"] as const;

/** `?status=active,paused` — comma-separated project statuses. */
export const projectsQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .describe("comma-separated: active, paused, archived (default: active and paused)")
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(",").map((x) => x.trim()).filter(Boolean);
      const bad = list.filter((x) => !(STATUSES as readonly string[]).includes(x));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `unknown status ${bad.join(", ")} (one or more of ${STATUSES.join(", ")}, comma-separated)` });
        return z.NEVER;
      }
      return list as (typeof STATUSES)[number][];
    }),
});
