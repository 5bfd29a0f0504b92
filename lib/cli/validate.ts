import type { z } from "zod";
import { CliError, EXIT } from "./errors";

/**
 * Validates with the REST API's own schema before anything is sent, so both
 * modes refuse bad input with the same message (the API's `field: problem; …`)
 * and exit 2.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "body", message: i.message }));
  throw new CliError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), EXIT.usage, [], { issues });
}
