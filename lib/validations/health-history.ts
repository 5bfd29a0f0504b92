/** The health history the Health page charts and `GET /api/v1/health/history` answers. */
import { z } from "zod";
import { healthStatusSchema, isoDate } from "./api";

export const healthHistoryQuery = z.strictObject({
  hours: z.coerce
    .number({ message: "must be a number of hours" })
    .int("must be a whole number of hours")
    .min(1, "must be at least 1")
    .max(168, "must be at most 168 (the history is kept for 7 days)")
    .default(24)
    .describe("how far back, in hours (1–168, default 24)"),
});

const counts = { healthy: z.number().int(), degraded: z.number().int(), unhealthy: z.number().int() };

export const healthHistorySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    bucketMs: z.number().int().describe("width of each bucket"),
    sampleIntervalMs: z.number().int().describe("how often the server records a sample"),
    samples: z.number().int().describe("samples in the range (all server processes)"),
    share: z.object({ healthy: z.number(), degraded: z.number(), unhealthy: z.number() }).describe("fraction of the samples with each overall status (0–1)"),
    buckets: z.array(z.object({ t: z.number().int().describe("bucket start, epoch ms"), ...counts, worst: healthStatusSchema.nullable().describe("null when no sample was recorded (server down)") })),
    components: z.array(z.object({ name: z.string(), ...counts })).describe("samples per status of each component"),
    changes: z
      .array(
        z.object({
          at: isoDate,
          from: healthStatusSchema.nullable(),
          to: healthStatusSchema,
          reasons: z.array(z.object({ name: z.string(), status: healthStatusSchema, detail: z.string() })).describe("the components that were not healthy"),
        }),
      )
      .describe("changes of the overall status, newest first (at most 50)"),
  })
  .meta({ id: "HealthHistory" });
export type HealthHistory = z.infer<typeof healthHistorySchema>;
