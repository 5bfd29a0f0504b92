import { z } from "zod";

const seq = z.coerce.number().int("must be a whole number").min(0, "must be 0 or more");

/** Query of a step's detail (`?attempt=N` picks whose CPU/memory samples). */
export const stepDetailQuery = z.strictObject({
  attempt: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").optional(),
});

/** Query of a step's log: one attempt, forward `after` a seq or backward `before` one; `download=1` for the whole text. */
export const stepLogQuery = z
  .strictObject({
    attempt: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").optional(),
    after: seq.optional(),
    before: seq.optional(),
    download: z.enum(["0", "1"]).optional(),
  })
  .refine((q) => q.after === undefined || q.before === undefined, { message: "use after or before, not both", path: ["after"] });

/** "Retry failed steps" of a failed or cancelled run. */
export const retryRunSchema = z.strictObject({
  runId: z.string().trim().min(1, "is required").max(64, "is too long"),
});
export type RetryRunInput = z.input<typeof retryRunSchema>;

export const RUN_STATUS_FILTERS = ["queued", "running", "paused", "succeeded", "failed", "cancelled"] as const;
export const RUN_TRIGGER_FILTERS = ["ui", "cli", "api", "schedule"] as const;
/** "Queued within the last …" choices, in ms. */
export const RUN_RANGE_FILTERS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export const RUN_ORDERS = ["newest", "oldest"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined))
    .catch(undefined);

/** Filters and page of the runs list (search params of /runs and its live feed). Unknown values are dropped, not refused: these come from links. */
export const runsFilterSchema = z.object({
  project: optionalText(100),
  workflow: optionalText(64),
  status: z.enum(RUN_STATUS_FILTERS).optional().catch(undefined),
  trigger: z.enum(RUN_TRIGGER_FILTERS).optional().catch(undefined),
  range: z.enum(Object.keys(RUN_RANGE_FILTERS) as [keyof typeof RUN_RANGE_FILTERS]).optional().catch(undefined),
  order: z.enum(RUN_ORDERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type RunsFilter = z.output<typeof runsFilterSchema>;

/** Search params (string or string[]) as a plain record of their first values. */
export function firstValues(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
