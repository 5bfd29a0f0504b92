import { z } from "zod";

export const REPORT_FORMATS = ["csv", "json", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportQuery = z.strictObject({
  format: z.enum(REPORT_FORMATS, { message: "must be csv, json or html" }).default("json"),
  limit: z.coerce.number().int().min(1).max(1_000_000).optional().describe("workflow reports: most recent runs to include (default 100; at most 1,000 except for scope=runs)"),
  scope: z.enum(["report", "runs"]).default("report").describe("runs: every run as CSV rows, streamed (any number of runs)"),
});
